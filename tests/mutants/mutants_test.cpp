// The harness's power to find bugs: `rtcseal conformance --impl` against every deliberately broken
// shim of tests/mutants/catalogue.json must exit 1 with a failing check of the bug's class, and
// against a correct shim must exit 0. Prints the mutation score.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_run.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct ShimRun {
  std::string name;
  int code = 0;
  std::string output;
  json report;
};

// A conformance run of the shim `command` alone.
ShimRun conformance(const std::string& name, const std::string& command, int timeout_ms) {
  fs::path out = fs::temp_directory_path() / ("rtcseal_mutant_" + name);
  fs::remove_all(out);
  auto r = rtcseal_test::rtcseal("conformance --no-reference --no-boringssl --shim-timeout-ms " +
                                 std::to_string(timeout_ms) + " --impl '" + name + "=" + command +
                                 "' --out " + out.string());
  ShimRun run{name, r.code, r.output, {}};
  std::ifstream in(out / "report.json");
  if (in) run.report = json::parse(in, nullptr, false);
  return run;
}

// Runs `jobs` two at a time: the machine has two cores.
struct Job {
  std::string name, command;
  int timeout_ms;
};

std::vector<ShimRun> run_all(const std::vector<Job>& jobs) {
  std::vector<ShimRun> runs(jobs.size());
  auto worker = [&](size_t first) {
    for (size_t i = first; i < jobs.size(); i += 2)
      runs[i] = conformance(jobs[i].name, jobs[i].command, jobs[i].timeout_ms);
  };
  auto other = std::async(std::launch::async, worker, 1);
  worker(0);
  other.get();
  return runs;
}

bool caught(const ShimRun& run, const std::string& outcome, const std::string& match) {
  if (!run.report.is_object()) return false;
  for (const json& r : run.report["results"]) {
    if (r.value("outcome", "") != outcome) continue;
    if (r.value("id", "").find(match) != std::string::npos ||
        r.value("reason", "").find(match) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(Mutants, EveryMutantIsCaughtAndTheCorrectShimPasses) {
  std::ifstream in(std::string(RTCSEAL_SOURCE_DIR) + "/tests/mutants/catalogue.json");
  json catalogue = json::parse(in);
  constexpr int kTimeoutMs = 5000;
  std::vector<Job> jobs;
  jobs.push_back({"reference-shim", std::string(RTCSEAL_CLI) + " shim", kTimeoutMs});
  for (const json& m : catalogue["mutants"]) {
    const std::string name = m["name"];
    jobs.push_back(
        {name, std::string(RTCSEAL_MUTANT_SHIM) + " " + name, m.value("timeoutMs", kTimeoutMs)});
  }
  std::vector<ShimRun> runs = run_all(jobs);

  EXPECT_EQ(runs[0].code, 0) << "false alarm on the correct shim:\n" << runs[0].output;
  size_t caught_count = 0;
  for (size_t i = 1; i < runs.size(); ++i) {
    const json& m = catalogue["mutants"][i - 1];
    const bool flagged = runs[i].code == 1;
    const bool right_class = caught(runs[i], m["outcome"], m["match"]);
    caught_count += flagged && right_class;
    std::cout << (flagged && right_class ? "caught " : "MISSED ") << m["name"].get<std::string>()
              << " (" << m["class"].get<std::string>() << ")\n";
    EXPECT_EQ(runs[i].code, 1) << m["name"] << " was not flagged:\n" << runs[i].output;
    EXPECT_TRUE(right_class) << m["name"] << ": no " << m["outcome"] << " check matching \""
                             << m["match"].get<std::string>() << "\"";
  }
  const size_t total = runs.size() - 1;
  std::cout << "mutation score: " << caught_count << "/" << total << " ("
            << (100 * caught_count / total) << "%)\n";
}

}  // namespace
