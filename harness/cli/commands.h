// The subcommands of `rtcseal`. Each registers itself on the CLI11 app and reports its exit code
// (design.md "Exit codes": 0 held, 1 conformance failure, 2 bad input, 3 internal error).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "implementations.h"
#include "rtcseal/behaviour.h"
#include "rtcseal/report.h"

namespace rtcseal::cli {

enum Exit { kOk = 0, kFailed = 1, kBadInput = 2, kInternal = 3 };

// Set by the subcommand that ran.
struct RunState {
  int exit_code = kOk;
};

void add_vectors_command(CLI::App& app, RunState& out);
void add_conformance_command(CLI::App& app, RunState& out);
void add_errors_command(CLI::App& app, RunState& out);
void add_shim_command(CLI::App& app, RunState& out);
void add_differential_command(CLI::App& app, RunState& out);

// What a run checks: vector files, and for `conformance` the behavioural plan too.
struct RunChecks {
  std::vector<std::string> files;
  const behaviour::Plan* plan = nullptr;
  uint64_t seed = 0;  // of the behavioural checks' payloads
};

// Shared by `vectors verify` and `conformance`: runs the checks against each implementation of
// `impls`, prints the counts, writes the reports when `out_dir` is set, and returns the exit code.
// `notes` open the report: results that are not checks, such as a skipped implementation.
int verify_and_report(const RunChecks& checks, const std::string& out_dir,
                      const std::string& command, const ImplOptions& impls,
                      std::vector<CheckResult> notes = {});

std::string default_vectors_dir();
std::string default_behaviour_plan();

}  // namespace rtcseal::cli
