// `rtcseal vectors verify|generate`.
#include <iostream>
#include <memory>

#include "commands.h"
#include "rtcseal/reports/write_reports.h"
#include "rtcseal/vectors.h"

namespace rtcseal::cli {

std::string default_vectors_dir() {
  return std::string(RTCSEAL_SOURCE_DIR) + "/vectors";
}

int verify_and_report(const std::vector<std::string>& files, const std::string& out_dir,
                      const std::string& command) {
  auto impl = make_reference_implementation();
  Report report;
  report.tool_version = RTCSEAL_VERSION;
  report.command = command;
  // Every file is read before anything is written: a malformed one stops the run whole.
  for (const std::string& file : files) {
    auto results = vectors::verify_file(file, *impl);
    if (!results) {
      std::cerr << "rtcseal: " << results.error().what() << "\n";
      return kBadInput;
    }
    for (auto& r : *results) report.results.push_back(std::move(r));
  }
  Summary s = report.summary();
  for (Outcome o : kAllOutcomes) {
    std::cout << outcome_name(o) << " " << s.count(o) << (o == Outcome::Undetected ? "\n" : ", ");
  }
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
      "Run vector files (the project's format or Wycheproof's published files) against the "
      "reference implementation");
  struct VerifyOptions {
    std::vector<std::string> files;
    std::string out_dir;
  };
  auto opts = std::make_shared<VerifyOptions>();
  verify->add_option("FILE", opts->files, "Vector files")->required()->check(CLI::ExistingFile);
  verify->add_option("--out", opts->out_dir, "Write report.json and summary.md into this folder");
  verify->callback([opts, &out] {
    out.exit_code = verify_and_report(opts->files, opts->out_dir, "rtcseal vectors verify");
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
