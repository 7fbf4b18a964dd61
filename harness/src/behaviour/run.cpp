// Runs a plan's checks per target and records each as one CheckResult of suite "behaviour".
#include <functional>

#include "support.h"

namespace rtcseal::behaviour {

namespace {

using detail::Rng;
using detail::Verdict;

// FNV-1a: a hash that is the same under every compiler and library, unlike std::hash.
uint64_t fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325u;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3u;
  return h;
}

struct Recorder {
  const Plan& plan;
  Implementation& impl;
  uint64_t seed;
  std::vector<CheckResult> results;

  // Each check draws from its own generator, seeded from the run's seed and the check's id, so
  // adding a check never shifts another's bytes.
  void check(const Target& t, const std::string& name, const std::string& comment,
             const std::function<Verdict(Rng&)>& body) {
    CheckResult r;
    r.id = "behaviour:" + t.name + "/" + name;
    Rng rng(seed ^ fnv1a(r.id));
    Verdict v = body(rng);
    r.suite = "behaviour";
    r.implementation = impl.name();
    r.scheme = t.scheme;
    r.variant = t.name;
    r.source = plan.file;
    r.comment = comment;
    r.outcome = v.outcome;
    r.reason = std::move(v.reason);
    results.push_back(std::move(r));
  }
};

std::string stream_name(const Stream& s) {
  return std::string(media_name(s.media)) + "-" + std::string(codec_name(s.codec));
}

}  // namespace

std::vector<CheckResult> run(const Plan& plan, Implementation& impl, uint64_t seed) {
  Recorder rec{plan, impl, seed, {}};
  for (const Target& t : plan.targets) {
    for (const Stream& s : t.streams) {
      rec.check(t, "round-trip/" + stream_name(s),
                "every payload size round-trips with its exact length, and the receiver keeps "
                "working after the largest",
                [&](Rng& rng) { return detail::round_trip(impl, t, s, plan.sizes, rng); });
    }
    if (t.fresh_nonce) {
      rec.check(t, "nonce-fresh", "the same payload protected twice gives different packets",
                [&](Rng& rng) { return detail::nonce_fresh(impl, t, rng); });
    }
    if (t.authenticated) {
      rec.check(t, "integrity", "a packet with any single bit flipped is rejected",
                [&](Rng& rng) { return detail::integrity(impl, t, rng); });
    }
    for (const Mismatch& m : t.mismatches) {
      rec.check(t, "mismatch/" + m.name,
                "a receiver with a " + m.name + " " +
                    (m.expect ? "answers " + std::string(error_name(*m.expect))
                              : std::string("does not recover the payload")),
                [&](Rng& rng) { return detail::mismatch(impl, t, m, rng); });
    }
    if (t.rekey) {
      rec.check(t, "rekey",
                "after the sender's rekey the old key no longer decrypts, and the new one does",
                [&](Rng& rng) { return detail::rekey(impl, t, rng); });
    }
    rec.check(t, "hostile-packets",
              "empty, truncated, random and 65535-byte packets are refused without harm",
              [&](Rng& rng) { return detail::hostile_packets(impl, t, rng); });
  }
  return std::move(rec.results);
}

}  // namespace rtcseal::behaviour
