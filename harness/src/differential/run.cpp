// The differential run: per configuration, both sides configure the same parameters, protect the
// same cases under pinned counters (the packets must be identical, or both refuse with the same
// code), then each opens the other's packets and must get the payload back.
#include <fnmatch.h>

#include "rtcseal/differential.h"

namespace rtcseal::differential {

namespace {

using Kind = ConfigOutcome::Kind;

bool unimplemented(const Answer& a) {
  return !a.ok && a.error == "UNIMPLEMENTED";
}

bool same(const Answer& a, const Answer& b) {
  return a.ok == b.ok && (a.ok ? a.bytes == b.bytes : a.error == b.error);
}

bool matches(const std::string& glob, const Config& c) {
  return glob.empty() || fnmatch(glob.c_str(), c.scheme.c_str(), 0) == 0 ||
         fnmatch(glob.c_str(), c.label().c_str(), 0) == 0;
}

std::vector<ProtectInput> protect_inputs(const std::vector<Case>& cases) {
  std::vector<ProtectInput> in;
  for (const Case& c : cases) in.push_back({c.media, c.codec, c.payload, c.metadata, c.ctr, c.kid});
  return in;
}

class ConfigRun {
 public:
  ConfigRun(Side& a, Side& b, const Config& config, Report& report)
      : a_(a), b_(b), config_(config), report_(report) {
    outcome_.config = config.label();
  }

  ConfigOutcome run(size_t count, uint64_t seed) {
    Answer a_failure, b_failure;
    auto ea = a_.configure(config_.scheme, config_.params, a_failure);
    auto eb = b_.configure(config_.scheme, config_.params, b_failure);
    if (!ea || !eb) {
      configure_failed(ea == nullptr, a_failure, eb == nullptr, b_failure);
      return outcome_;
    }
    const std::vector<Case> cases = make_cases(config_, count, seed);
    outcome_.cases = cases.size();
    const auto in = protect_inputs(cases);
    const auto pa = ea->protect_all(in);
    const auto pb = eb->protect_all(in);
    std::vector<bool> compared(cases.size(), true);
    for (size_t i = 0; i < cases.size(); ++i) {
      if (pa[i].broken || pb[i].broken) return broke(pa[i].broken ? pa[i] : pb[i]);
      // An input one side declares it cannot protect is not compared, only counted.
      if (unimplemented(pa[i]) || unimplemented(pb[i])) {
        compared[i] = false;
        ++outcome_.unsupported_cases;
        continue;
      }
      if (!same(pa[i], pb[i])) return disagree(i, "protect", cases[i], {}, pa[i], pb[i]);
      if (!pa[i].ok) ++outcome_.both_refused;
    }
    // Each side opens the other's packets; both must give the payload back.
    if (!cross_open(*eb, pa, compared, cases, "unprotect A->B", false)) return outcome_;
    cross_open(*ea, pb, compared, cases, "unprotect B->A", true);
    return outcome_;
  }

 private:
  void configure_failed(bool a_failed, const Answer& a, bool b_failed, const Answer& b) {
    const bool a_unimplemented = a_failed && unimplemented(a);
    const bool b_unimplemented = b_failed && unimplemented(b);
    if (a_unimplemented || b_unimplemented) {
      outcome_.kind = Kind::Unsupported;
      outcome_.note = a_unimplemented ? a_.name() : b_.name();
      if (a_unimplemented && b_unimplemented) outcome_.note = "both";
      outcome_.note += " answered UNIMPLEMENTED";
      return;
    }
    if ((a_failed && a.broken) || (b_failed && b.broken)) {
      broke(a_failed && a.broken ? a : b);
      return;
    }
    // One side took parameters the other refused, or both refused them differently.
    if (!(a_failed && b_failed && a.error == b.error)) {
      Answer ok_answer{true, {}, {}, {}, false};
      disagree(0, "configure", {}, {}, a_failed ? a : ok_answer, b_failed ? b : ok_answer);
      return;
    }
    outcome_.kind = Kind::Broken;
    outcome_.note = "both sides refused the configuration: " + a.error + " (" + a.message + ")";
  }

  bool cross_open(Endpoint& opener, const std::vector<Answer>& packets,
                  const std::vector<bool>& compared, const std::vector<Case>& cases,
                  const char* step, bool a_opens) {
    std::vector<UnprotectInput> in;
    std::vector<size_t> index;
    for (size_t i = 0; i < cases.size(); ++i) {
      if (!compared[i] || !packets[i].ok) continue;
      in.push_back({cases[i].media, cases[i].codec, packets[i].bytes, cases[i].metadata});
      index.push_back(i);
    }
    const auto opened = opener.unprotect_all(in);
    for (size_t k = 0; k < index.size(); ++k) {
      const size_t i = index[k];
      if (opened[k].broken) {
        broke(opened[k]);
        return false;
      }
      if (!opened[k].ok || opened[k].bytes != cases[i].payload) {
        // The other column shows what the opener should have returned: the payload.
        Answer want{true, cases[i].payload, {}, {}, false};
        if (a_opens) {
          disagree(i, step, cases[i], packets[i].bytes, opened[k], want);
        } else {
          disagree(i, step, cases[i], packets[i].bytes, want, opened[k]);
        }
        return false;
      }
    }
    return true;
  }

  ConfigOutcome broke(const Answer& a) {
    outcome_.kind = Kind::Broken;
    outcome_.note = a.message;
    return outcome_;
  }

  ConfigOutcome disagree(size_t i, const char* step, const Case& input, const Bytes& packet,
                         const Answer& a, const Answer& b) {
    outcome_.kind = Kind::Disagreed;
    outcome_.note = std::string(step) + ", case " + std::to_string(i);
    if (!report_.first) {
      report_.first = Disagreement{config_.label(), config_.params, i, step, input, packet, a, b};
    }
    return outcome_;
  }

  Side& a_;
  Side& b_;
  const Config& config_;
  Report& report_;
  ConfigOutcome outcome_;
};

}  // namespace

bool Report::agreed() const {
  for (const ConfigOutcome& c : configs) {
    if (c.kind == Kind::Disagreed || c.kind == Kind::Broken) return false;
  }
  return true;
}

Report run(Side& a, Side& b, const Options& options) {
  Report report;
  report.seed = options.seed;
  for (const Config& config : all_configs(options.seed)) {
    if (!matches(options.scheme_glob, config)) continue;
    report.configs.push_back(ConfigRun(a, b, config, report).run(options.cases, options.seed));
  }
  return report;
}

}  // namespace rtcseal::differential
