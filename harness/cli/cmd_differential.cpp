// `rtcseal differential`: two implementations against each other on random payloads
// (docs/differential.md). The comparison itself lives in src/differential; this file reads the
// options, builds the two sides and prints the outcome and the replay command.
#include <iostream>
#include <map>
#include <memory>
#include <random>

#include "boringssl_shim.h"
#include "commands.h"
#include "rtcseal/differential.h"

namespace rtcseal::cli {

namespace {

struct DifferentialOptions {
  std::vector<std::string> impls;
  std::optional<uint64_t> seed;
  size_t cases = 40;
  std::string scheme_glob;
  int64_t shim_timeout_ms = 5000;
};

// "reference" (in process), "boringssl" (the built shim) or NAME=COMMAND (any shim).
Result<std::unique_ptr<differential::Side>, std::string> make_side(const std::string& option,
                                                                   int64_t timeout_ms) {
  if (option == "reference") return differential::make_reference_side();
  if (option == kBoringSslName) {
    std::string looked;
    auto shim = find_boringssl_shim(looked);
    if (!shim)
      return "--impl boringssl: the BoringSSL shim is not built (looked for " + looked + ")";
    return differential::make_shim_side(kBoringSslName, shell_quote(*shim), timeout_ms);
  }
  size_t eq = option.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == option.size()) {
    return "--impl expects reference, boringssl or NAME=COMMAND, got \"" + option + "\"";
  }
  std::string name = option.substr(0, eq);
  if (name == "reference") return std::string("--impl: the name \"reference\" is the built-in one");
  return differential::make_shim_side(name, option.substr(eq + 1), timeout_ms);
}

std::string kind_text(const differential::ConfigOutcome& c) {
  using Kind = differential::ConfigOutcome::Kind;
  switch (c.kind) {
    case Kind::Agreed:
      return "agree (" + std::to_string(c.cases) + " cases, " + std::to_string(c.both_refused) +
             " refused by both" +
             (c.unsupported_cases ? ", " + std::to_string(c.unsupported_cases) + " unsupported"
                                  : std::string()) +
             ")";
    case Kind::Unsupported:
      return "unsupported (" + c.note + ")";
    case Kind::Disagreed:
      return "DISAGREE (" + c.note + ")";
    case Kind::Broken:
      return "ERROR (" + c.note + ")";
  }
  return "";
}

int run(const DifferentialOptions& o) {
  if (o.impls.size() != 2) {
    std::cerr << "rtcseal: differential needs exactly two --impl, got " << o.impls.size() << "\n";
    return kBadInput;
  }
  auto a = make_side(o.impls[0], o.shim_timeout_ms);
  if (!a) {
    std::cerr << "rtcseal: " << a.error() << "\n";
    return kBadInput;
  }
  auto b = make_side(o.impls[1], o.shim_timeout_ms);
  if (!b) {
    std::cerr << "rtcseal: " << b.error() << "\n";
    return kBadInput;
  }
  if ((*a)->name() == (*b)->name()) {
    std::cerr << "rtcseal: --impl: the name \"" << (*a)->name() << "\" is used twice\n";
    return kBadInput;
  }
  differential::Options opts;
  opts.seed = o.seed ? *o.seed : (uint64_t{std::random_device{}()} << 32 | std::random_device{}());
  opts.cases = o.cases;
  opts.scheme_glob = o.scheme_glob;
  std::cout << "differential: A " << (*a)->name() << " vs B " << (*b)->name() << ", seed "
            << opts.seed << ", " << opts.cases << " cases per configuration\n";
  const differential::Report report = differential::run(**a, **b, opts);
  if (report.configs.empty()) {
    std::cerr << "rtcseal: --scheme " << o.scheme_glob << " matches no configuration\n";
    return kBadInput;
  }
  std::map<differential::ConfigOutcome::Kind, int> counts;
  for (const auto& c : report.configs) {
    ++counts[c.kind];
    std::cout << "  " << c.config << ": " << kind_text(c) << "\n";
  }
  using Kind = differential::ConfigOutcome::Kind;
  std::cout << "agree " << counts[Kind::Agreed] << ", unsupported " << counts[Kind::Unsupported]
            << ", disagree " << counts[Kind::Disagreed] << ", error " << counts[Kind::Broken]
            << "\n";
  if (report.agreed()) return kOk;
  if (report.first) std::cout << differential::describe(*report.first, (*a)->name(), (*b)->name());
  // The replay reruns the first configuration that disagreed or broke.
  std::string failed;
  for (const auto& c : report.configs) {
    if (failed.empty() && (c.kind == Kind::Disagreed || c.kind == Kind::Broken)) failed = c.config;
  }
  std::cout << "replay: rtcseal differential";
  for (const std::string& impl : o.impls) std::cout << " --impl " << shell_quote(impl);
  std::cout << " --seed " << opts.seed << " --cases " << opts.cases << " --scheme "
            << shell_quote(failed) << "\n";
  return kFailed;
}

}  // namespace

void add_differential_command(CLI::App& app, RunState& out) {
  auto* cmd = app.add_subcommand(
      "differential",
      "Protect random payloads with two implementations under pinned counters: the packets must "
      "match, and each must open the other's (docs/differential.md). Exit 0: all agree, 1: a "
      "disagreement or a broken shim, 2: bad usage");
  auto opts = std::make_shared<DifferentialOptions>();
  cmd->add_option("--impl", opts->impls,
                  "reference (in process), boringssl (the built shim) or NAME=COMMAND (a shim "
                  "speaking protocol v1, run under /bin/sh -c); give exactly two")
      ->allow_extra_args(false);
  cmd->add_option("--seed", opts->seed, "Seed of every random choice; printed, so a run replays");
  cmd->add_option("--cases", opts->cases, "Cases per configuration")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  cmd->add_option("--scheme", opts->scheme_glob,
                  "Only the configurations whose scheme or label (e.g. \"sframe suite 4\") matches "
                  "this glob");
  cmd->add_option("--shim-timeout-ms", opts->shim_timeout_ms,
                  "How long a shim may take to answer one request")
      ->check(CLI::Range(int64_t{1}, int64_t{3'600'000}))
      ->capture_default_str();
  cmd->callback([opts, &out] { out.exit_code = run(*opts); });
}

}  // namespace rtcseal::cli
