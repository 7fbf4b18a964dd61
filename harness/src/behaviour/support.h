// What every behavioural check shares: verdicts, configuring a sender and a receiver, and turning
// an implementation's error into a verdict (through vectors' non_answer, so "unsupported" and "the
// shim broke" mean the same here as in the vector runners).
#pragma once

#include <memory>
#include <random>
#include <span>
#include <string>

#include "rtcseal/behaviour.h"

namespace rtcseal::behaviour::detail {

struct Verdict {
  Outcome outcome = Outcome::Pass;
  std::string reason;
};

inline Verdict pass() {
  return {};
}
inline Verdict failed(std::string why) {
  return {Outcome::Fail, std::move(why)};
}

// The verdict for an operation that had to succeed but failed with `e`.
Verdict broke(const std::string& what, const Error& e);

// Test data, not keys: a seeded generator so a run replays byte for byte.
class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  Bytes bytes(size_t n);
  size_t below(size_t n) { return static_cast<size_t>(gen_() % n); }

 private:
  std::mt19937_64 gen_;
};

struct Pair {
  std::unique_ptr<Context> sender, receiver;
};

// A sender with the target's params and a receiver with `receiver_changes` merged over them.
Result<Pair> configure_pair(Implementation& impl, const Target& t,
                            const Params& receiver_changes = {});
Params merged(const Params& base, const Params& changes);

std::string describe_size(size_t n);

// A payload of `n` bytes (at least the prefix) for stream `s`: its prefix, then random bytes.
Bytes frame(const Stream& s, size_t n, Rng& rng);

// The checks. Each returns one verdict; the first failure decides its reason.
Verdict round_trip(Implementation& impl, const Target& t, const Stream& s,
                   std::span<const size_t> sizes, Rng& rng);
Verdict nonce_fresh(Implementation& impl, const Target& t, Rng& rng);
Verdict integrity(Implementation& impl, const Target& t, Rng& rng);
Verdict mismatch(Implementation& impl, const Target& t, const Mismatch& m, Rng& rng);
Verdict rekey(Implementation& impl, const Target& t, Rng& rng);
Verdict hostile_packets(Implementation& impl, const Target& t, Rng& rng);

}  // namespace rtcseal::behaviour::detail
