// The shared SFrame header codec of vonage-e2ee (docs/spec.md §4.5.1).
#include "vonage_header.h"

#include <string>

#include "rtcseal/big_endian.h"

namespace rtcseal::vonage::detail {

namespace {

constexpr uint8_t kBit7 = 0x80;
constexpr uint8_t kExtendedKid = 0x08;
constexpr uint64_t kMaxInlineKid = 7;
constexpr size_t kFieldMax = 7;  // largest value of a 3-bit field

size_t max_bytes(const HeaderLayout& layout) {
  return kFieldMax + layout.length_bias;
}

// Bytes of the minimal big-endian form; 0 takes one byte.
size_t min_bytes(uint64_t v) {
  size_t n = 1;
  while (n < 8 && (v >> (8 * n)) != 0) ++n;
  return n;
}

}  // namespace

uint64_t max_field_value(const HeaderLayout& layout) {
  const size_t n = max_bytes(layout);
  return n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
}

size_t write_header(const HeaderLayout& layout, uint64_t kid, uint64_t ctr, HeaderBytes& out) {
  const size_t ctr_len = min_bytes(ctr);
  const bool extended = kid > kMaxInlineKid;
  const size_t kid_len = extended ? min_bytes(kid) : 0;
  const auto k = static_cast<uint8_t>(extended ? kid_len - layout.length_bias : kid);
  out[0] =
      static_cast<uint8_t>((ctr_len - layout.length_bias) << 4 | (extended ? kExtendedKid : 0) | k);
  store_be(out.data() + 1, kid, kid_len);
  store_be(out.data() + 1 + kid_len, ctr, ctr_len);
  return 1 + kid_len + ctr_len;
}

Result<Header> parse_header(const HeaderLayout& layout, ByteView data) {
  if (data.empty()) return fail(Err::MALFORMED_PACKET, "no room for the SFrame header");
  const uint8_t b = data[0];
  if (layout.bit7_is_signature && (b & kBit7) != 0) {
    return fail(Err::MALFORMED_PACKET, "signed frames (S = 1) are not supported");
  }
  const size_t ctr_len = ((b >> 4) & kFieldMax) + layout.length_bias;
  const bool extended = (b & kExtendedKid) != 0;
  const size_t kid_len = extended ? (b & kFieldMax) + layout.length_bias : 0;
  if (ctr_len == 0 || (extended && kid_len == 0)) {
    return fail(Err::MALFORMED_PACKET, "the SFrame header announces a zero-length field");
  }
  Header h;
  h.size = 1 + kid_len + ctr_len;
  if (data.size() < h.size) {
    return fail(Err::MALFORMED_PACKET, "the SFrame header needs " + std::to_string(h.size) +
                                           " bytes, the packet has " + std::to_string(data.size()));
  }
  h.kid = extended ? get_be(data.subspan(1, kid_len)) : (b & kFieldMax);
  h.ctr = get_be(data.subspan(1 + kid_len, ctr_len));
  return h;
}

}  // namespace rtcseal::vonage::detail
