#include "implementations.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "rtcseal/shim_client.h"

namespace rtcseal::cli {

namespace {

constexpr const char* kReference = "reference";

struct NameValue {
  std::string name, value;
};

// "NAME=VALUE" with a NAME of letters, digits, '.', '_' or '-'.
Result<NameValue, std::string> split(const std::string& option, const char* flag) {
  size_t eq = option.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == option.size()) {
    return std::string(flag) + " expects NAME=VALUE, got \"" + option + "\"";
  }
  NameValue nv{option.substr(0, eq), option.substr(eq + 1)};
  bool valid = std::ranges::all_of(nv.name, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
  if (!valid) {
    return std::string(flag) + ": the name \"" + nv.name +
           "\" may hold only letters, digits, '.', '_' and '-'";
  }
  return nv;
}

}  // namespace

void add_impl_options(CLI::App& cmd, ImplOptions& opts) {
  cmd.add_option("--impl", opts.impls,
                 "Also run a shim speaking protocol v1 (docs/shim-protocol.md), as NAME=COMMAND; "
                 "repeatable. COMMAND runs under /bin/sh -c")
      ->allow_extra_args(false);  // one value per --impl, so the files after it stay files
  cmd.add_option("--impl-config", opts.configs,
                 "Config of an implementation, as NAME=FILE: {\"disabled\": {GLOB: reason}, "
                 "\"errorMap\": {CANONICAL: [native codes]}}; repeatable")
      ->allow_extra_args(false);
  cmd.add_flag("--no-reference", opts.no_reference,
               "Run only the --impl implementations, not the built-in reference");
  cmd.add_option("--shim-timeout-ms", opts.shim_timeout_ms,
                 "How long a shim may take to answer one request")
      ->check(CLI::Range(int64_t{1}, int64_t{3'600'000}))
      ->capture_default_str();
  cmd.add_option("--deadline-s", opts.deadline_s,
                 "Whole-run deadline in seconds for the shims: past it, every remaining shim "
                 "check is an error at once (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

Result<std::vector<RunTarget>, std::string> make_targets(const ImplOptions& opts) {
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (opts.deadline_s > 0) {
    deadline = std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(opts.deadline_s));
  }
  std::map<std::string, ImplConfig> configs;
  for (const std::string& option : opts.configs) {
    auto nv = split(option, "--impl-config");
    if (!nv) return nv.error();
    if (configs.count(nv->name)) return "--impl-config: two configs for \"" + nv->name + "\"";
    auto config = load_impl_config(nv->value);
    if (!config) return config.error().what();
    configs[nv->name] = std::move(config).value();
  }
  std::vector<RunTarget> targets;
  auto take_config = [&](const std::string& name) {
    auto it = configs.find(name);
    if (it == configs.end()) return ImplConfig{};
    ImplConfig config = std::move(it->second);
    configs.erase(it);
    return config;
  };
  if (!opts.no_reference)
    targets.push_back({make_reference_implementation(), take_config(kReference)});
  for (const std::string& option : opts.impls) {
    auto nv = split(option, "--impl");
    if (!nv) return nv.error();
    if (nv->name == kReference)
      return std::string("--impl: the name \"reference\" is the built-in one");
    for (const RunTarget& t : targets) {
      if (t.impl->name() == nv->name) return "--impl: the name \"" + nv->name + "\" is used twice";
    }
    ShimOptions shim{nv->name, nv->value, std::chrono::milliseconds(opts.shim_timeout_ms),
                     deadline};
    ImplConfig config = take_config(nv->name);
    targets.push_back({make_shim_implementation(std::move(shim), config), config});
  }
  if (!configs.empty()) {
    return "--impl-config: \"" + configs.begin()->first + "\" is not an implementation of this run";
  }
  if (targets.empty()) return std::string("--no-reference needs at least one --impl");
  return targets;
}

}  // namespace rtcseal::cli
