// What every target shares: the first input byte picks one of a target's fixed choices (scheme
// configuration, media, codec), so a single corpus reaches every branch without a custom mutator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "rtcseal/bytes.h"

namespace rtcseal::fuzz {

struct Choice {
  uint8_t selector;  // the first byte
  ByteView rest;     // the input proper
};

// nullopt for an empty input: it cannot choose anything.
inline std::optional<Choice> split_choice(const uint8_t* data, size_t size) {
  if (size == 0) return std::nullopt;
  return Choice{data[0], ByteView(data + 1, size - 1)};
}

// The selector indexes `options` modulo their count, so every byte value is meaningful.
template <class T>
const T& pick(std::span<const T> options, uint8_t selector) {
  return options[selector % options.size()];
}

// A property the target checks is broken: stop with a crash the fuzzer reports.
[[noreturn]] inline void property_broken() {
  __builtin_trap();
}

}  // namespace rtcseal::fuzz
