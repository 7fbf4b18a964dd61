// Byte strings and the text encodings the vector files and the shim protocol use. Decoders are
// strict: they reject what they cannot decode exactly and say why.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rtcseal/result.h"

namespace rtcseal {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

std::string to_hex(ByteView data);
// Appends the lowercase hex of `data` to `out`, with no temporary string.
void append_hex(std::string& out, ByteView data);
// Accepts upper or lower case; rejects odd length and non-hex characters.
Result<Bytes> from_hex(std::string_view hex);
// Lowercase hex only, without the error message: nullopt for anything else. For hot paths that
// word their own error on the rare failure (the shim protocol).
std::optional<Bytes> from_lower_hex(std::string_view hex);

// RFC 4648 base64. `url_safe` selects the "-_" alphabet. Decoding requires canonical padding.
std::string to_base64(ByteView data, bool url_safe = false);
Result<Bytes> from_base64(std::string_view text, bool url_safe = false);

// Big-endian integer of `width` bytes appended to `out`: a width below 8 keeps the low-order
// bytes, a width above 8 adds leading zeros.
void put_be(Bytes& out, uint64_t value, size_t width);
// Reads the last (at most) 8 bytes, i.e. the value modulo 2^64; empty input reads as 0.
uint64_t get_be(ByteView data);

}  // namespace rtcseal
