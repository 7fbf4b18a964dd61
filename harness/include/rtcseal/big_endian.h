// Big-endian integers written into caller-owned buffers, for the fixed-size fields of packet
// headers, nonces and MAC inputs: no allocation, so it serves the protect/unprotect paths.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rtcseal {

// Writes the low-order `width` bytes of `value` (width 0..8), most significant first.
inline void store_be(uint8_t* at, uint64_t value, size_t width) {
  for (size_t i = 0; i < width; ++i) at[i] = static_cast<uint8_t>(value >> (8 * (width - 1 - i)));
}

}  // namespace rtcseal
