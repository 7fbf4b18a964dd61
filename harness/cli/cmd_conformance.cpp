// `rtcseal conformance`: every built-in vector file against the reference, the BoringSSL shim
// (unless --no-boringssl) and any --impl shims, with the reports.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "boringssl_shim.h"
#include "commands.h"

namespace rtcseal::cli {

namespace {

// Runs the BoringSSL shim beside the reference, first of the shims; a build without it says so on
// the console and in the report, as a skipped implementation, instead of passing silently.
void add_boringssl(ImplOptions& impls, std::vector<CheckResult>& notes) {
  const std::string prefix = std::string(kBoringSslName) + "=";
  for (const std::string& impl : impls.impls) {
    if (impl.starts_with(prefix)) return;  // the user named their own
  }
  std::string looked;
  if (auto shim = find_boringssl_shim(looked)) {
    impls.impls.insert(impls.impls.begin(), prefix + shell_quote(*shim));
    return;
  }
  CheckResult skipped;
  skipped.id = "implementations#boringssl";
  skipped.suite = "implementations";
  skipped.implementation = kBoringSslName;
  skipped.outcome = Outcome::Skip;
  skipped.reason = "the BoringSSL shim is not built (looked for " + looked +
                   "); install android-libboringssl-dev and rebuild";
  std::cout << "boringssl: skipped: " << skipped.reason << "\n";
  notes.push_back(std::move(skipped));
}

}  // namespace

void add_conformance_command(CLI::App& app, RunState& out) {
  auto* cmd = app.add_subcommand(
      "conformance", "Run the full conformance suite and write report.json and summary.md");
  struct Options {
    std::string vectors_dir = default_vectors_dir();
    std::string out_dir = "out/conformance";
    std::string plan = default_behaviour_plan();
    uint64_t seed = 1;
    ImplOptions impls;
    bool no_boringssl = false;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--vectors", opts->vectors_dir, "Folder of vector files, searched recursively")
      ->capture_default_str();
  cmd->add_option("--out", opts->out_dir, "Folder for the reports")->capture_default_str();
  cmd->add_option("--checks", opts->plan, "Behavioural check plan (docs/behaviour.md)")
      ->capture_default_str();
  cmd->add_option("--seed", opts->seed, "Seed of the behavioural checks' payloads, for replay")
      ->capture_default_str();
  add_impl_options(*cmd, opts->impls);
  cmd->add_flag("--no-boringssl", opts->no_boringssl,
                "Do not run the BoringSSL shim (shims/boringssl), which runs by default");
  cmd->callback([opts, &out] {
    const std::string& vectors_dir = opts->vectors_dir;
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(vectors_dir, ec)) {
      std::cerr << "rtcseal: " << vectors_dir << ": not a folder\n";
      out.exit_code = kBadInput;
      return;
    }
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(vectors_dir, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      std::cerr << "rtcseal: no vector files under " << vectors_dir << "\n";
      out.exit_code = kBadInput;
      return;
    }
    auto plan = behaviour::load_plan(opts->plan);
    if (!plan) {
      std::cerr << "rtcseal: " << plan.error().what() << "\n";
      out.exit_code = kBadInput;
      return;
    }
    std::cout << "conformance: " << files.size() << " vector files under " << vectors_dir << ", "
              << plan->targets.size() << " behavioural targets (seed " << opts->seed << ")\n";
    ImplOptions impls = opts->impls;
    std::vector<CheckResult> notes;
    if (!opts->no_boringssl) add_boringssl(impls, notes);
    out.exit_code = verify_and_report({files, &*plan, opts->seed}, opts->out_dir,
                                      "rtcseal conformance", impls, std::move(notes));
  });
}

}  // namespace rtcseal::cli
