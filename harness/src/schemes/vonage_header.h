// The SFrame header of both vonage-e2ee engines (docs/spec.md §4.5.1). The two layouts share one
// byte map, |b7|LEN(3)|X|K(3)|, and differ in two points only: what bit 7 means and whether a
// length field holds the byte count itself (legacy) or the byte count minus one (draft-01).
#pragma once

#include <array>
#include <cstdint>

#include "rtcseal/bytes.h"
#include "rtcseal/result.h"

namespace rtcseal::vonage::detail {

struct HeaderLayout {
  uint8_t length_bias;     // a length field holds (byte count - length_bias)
  bool bit7_is_signature;  // legacy: S, "a signature follows"; draft-01: R, ignored on receipt
};

// draft-omara-sframe-00 "SFrame Header" as the legacy engine writes it (medooze/sframe
// lib/Header.js): LEN and KLEN are byte counts, 1..7.
inline constexpr HeaderLayout kLegacyHeader{0, true};
// draft-ietf-sframe-enc-01 "SFrame Header": "000 represents a length of 1", so 1..8 bytes.
inline constexpr HeaderLayout kDraft01Header{1, false};

inline constexpr size_t kMaxHeaderSize = 1 + 8 + 8;
using HeaderBytes = std::array<uint8_t, kMaxHeaderSize>;

struct Header {
  uint64_t kid = 0;
  uint64_t ctr = 0;
  size_t size = 0;  // bytes the header occupies
};

// The largest KID or CTR the layout can carry (7 or 8 bytes).
uint64_t max_field_value(const HeaderLayout& layout);

// Encodes kid and ctr (each <= max_field_value) with minimal big-endian lengths; a KID of 0..7
// goes in K itself. Returns the number of bytes written to `out`.
size_t write_header(const HeaderLayout& layout, uint64_t kid, uint64_t ctr, HeaderBytes& out);

// Parses the header at the start of `data`: MALFORMED_PACKET when it is cut short, announces a
// zero-length field, or (legacy) sets the signature flag.
Result<Header> parse_header(const HeaderLayout& layout, ByteView data);

}  // namespace rtcseal::vonage::detail
