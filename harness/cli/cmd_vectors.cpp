// `rtcseal vectors verify|generate`.
#include <iostream>
#include <memory>
#include <span>

#include "commands.h"
#include "rtcseal/impl_config.h"
#include "rtcseal/reports/write_reports.h"
#include "rtcseal/vectors.h"

namespace rtcseal::cli {

std::string default_vectors_dir() {
  return std::string(RTCSEAL_SOURCE_DIR) + "/vectors";
}

std::string default_behaviour_plan() {
  return std::string(RTCSEAL_SOURCE_DIR) + "/checks/behaviour.json";
}

namespace {

void print_counts(const Summary& s) {
  for (Outcome o : kAllOutcomes) {
    std::cout << outcome_name(o) << " " << s.count(o) << (o == Outcome::Undetected ? "\n" : ", ");
  }
}

Summary summarize(std::span<const CheckResult> results) {
  Summary s;
  for (const CheckResult& r : results) ++s.counts[r.outcome];
  return s;
}

}  // namespace

int verify_and_report(const RunChecks& checks, const std::string& out_dir,
                      const std::string& command, const ImplOptions& impls,
                      std::vector<CheckResult> notes) {
  auto targets = make_targets(impls);
  if (!targets) {
    std::cerr << "rtcseal: " << targets.error() << "\n";
    return kBadInput;
  }
  Report report;
  report.tool_version = RTCSEAL_VERSION;
  report.command = command;
  report.results = std::move(notes);
  // Every file is read before anything is written: a malformed one stops the run whole.
  for (RunTarget& target : *targets) {
    const size_t first = report.results.size();
    for (const std::string& file : checks.files) {
      auto results = vectors::verify_file(file, *target.impl);
      if (!results) {
        std::cerr << "rtcseal: " << results.error().what() << "\n";
        return kBadInput;
      }
      apply_disabled(target.config, *results);
      for (auto& r : *results) report.results.push_back(std::move(r));
    }
    if (checks.plan != nullptr) {
      auto results = behaviour::run(*checks.plan, *target.impl, checks.seed);
      apply_disabled(target.config, results);
      for (auto& r : results) report.results.push_back(std::move(r));
    }
    if (targets->size() > 1) {
      std::cout << target.impl->name() << ": ";
      print_counts(summarize(std::span(report.results).subspan(first)));
    }
  }
  Summary s = report.summary();
  if (targets->size() > 1) std::cout << "all: ";
  print_counts(s);
  if (!out_dir.empty()) {
    auto written = reports::write_reports(report, out_dir);
    if (!written) {
      std::cerr << "rtcseal: " << written.error().what() << "\n";
      return kBadInput;
    }
    std::cout << "reports written to " << out_dir << "/ (report.json, summary.md)\n";
  }
  return s.count(Outcome::Fail) + s.count(Outcome::Error) > 0 ? kFailed : kOk;
}

void add_vectors_command(CLI::App& app, RunState& out) {
  auto* vectors = app.add_subcommand("vectors", "Verify or generate test vector files");
  vectors->require_subcommand(1);

  auto* verify = vectors->add_subcommand(
      "verify",
      "Run vector files (the project's format, Wycheproof's or the sframe-wg file) against the "
      "reference implementation and any --impl shims");
  struct VerifyOptions {
    std::vector<std::string> files;
    std::string out_dir;
    ImplOptions impls;
  };
  auto opts = std::make_shared<VerifyOptions>();
  verify->add_option("FILE", opts->files, "Vector files")->required()->check(CLI::ExistingFile);
  verify->add_option("--out", opts->out_dir, "Write report.json and summary.md into this folder");
  add_impl_options(*verify, opts->impls);
  verify->callback([opts, &out] {
    out.exit_code =
        verify_and_report({opts->files}, opts->out_dir, "rtcseal vectors verify", opts->impls);
  });

  auto* generate = vectors->add_subcommand(
      "generate", "Regenerate the project's vector files (deterministic: a rerun changes nothing)");
  auto dir = std::make_shared<std::string>(default_vectors_dir());
  generate->add_option("--dir", *dir, "Vectors folder")->capture_default_str();
  generate->callback([dir, &out] {
    auto written = vectors::generate(*dir);
    if (!written) {
      std::cerr << "rtcseal: " << written.error().what() << "\n";
      out.exit_code = kBadInput;
      return;
    }
    for (const auto& path : *written) std::cout << path << "\n";
    out.exit_code = kOk;
  });
}

}  // namespace rtcseal::cli
