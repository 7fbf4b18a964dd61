// The implementations a run checks: the reference unless --no-reference, and each
// --impl NAME=COMMAND as a shim with its --impl-config NAME=FILE (docs/shim-protocol.md).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "rtcseal/impl_config.h"
#include "rtcseal/implementation.h"

namespace rtcseal::cli {

struct ImplOptions {
  std::vector<std::string> impls;    // NAME=COMMAND
  std::vector<std::string> configs;  // NAME=FILE
  bool no_reference = false;
  int64_t shim_timeout_ms = 5000;
  double deadline_s = 0;  // 0: no deadline
};

void add_impl_options(CLI::App& cmd, ImplOptions& opts);

struct RunTarget {
  std::unique_ptr<Implementation> impl;
  ImplConfig config;
};

// The implementations in run order, or the message for a usage or config error (exit 2). The
// run's deadline starts counting here.
Result<std::vector<RunTarget>, std::string> make_targets(const ImplOptions& opts);

}  // namespace rtcseal::cli
