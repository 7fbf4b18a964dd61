// The differential's one source of randomness: SplitMix64, specified bit for bit, so a seed
// replays the same run on any compiler and standard library (std:: distributions are not).
#pragma once

#include <cstdint>
#include <string_view>

#include "rtcseal/bytes.h"

namespace rtcseal::differential {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
  }
  // Uniform enough below n (n > 0): the modulo bias is below 2^-40 for the sizes used here.
  uint64_t below(uint64_t n) { return next() % n; }
  Bytes bytes(size_t n) {
    Bytes out(n);
    for (uint8_t& b : out) b = static_cast<uint8_t>(next());
    return out;
  }

 private:
  uint64_t state_;
};

// A stream of its own per name (FNV-1a of the name mixed into the seed), so that filtering the
// run with --scheme leaves every remaining configuration's cases unchanged.
inline uint64_t substream(uint64_t seed, std::string_view name) {
  uint64_t h = 0xcbf29ce484222325u;
  for (char c : name) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001b3u;
  return seed ^ h;
}

}  // namespace rtcseal::differential
