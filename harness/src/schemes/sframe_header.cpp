// The SFrame header of RFC 9605 §4.3: a config byte |X|K(3)|Y|C(3)| followed by the KID and then
// the CTR, each in the fewest big-endian bytes, or carried in K or C when below 8.
#include <string>

#include "rtcseal/sframe.h"

namespace rtcseal::sframe {

namespace {

constexpr uint8_t kExtendedKid = 0x80;  // X
constexpr uint8_t kExtendedCtr = 0x08;  // Y
constexpr uint64_t kInlineLimit = 8;    // values 0..7 live in the config byte

// Bytes of the minimal big-endian encoding of a value >= 8 (1..8).
size_t byte_length(uint64_t value) {
  size_t n = 1;
  while (n < 8 && (value >> (8 * n)) != 0) ++n;
  return n;
}

// The 3-bit K or C field and the number of bytes that follow the config byte for `value`.
struct Field {
  uint8_t bits;
  size_t extra;
};
Field field_for(uint64_t value) {
  if (value < kInlineLimit) return {static_cast<uint8_t>(value), 0};
  size_t n = byte_length(value);
  return {static_cast<uint8_t>(n - 1), n};
}

// Reads one extended field of `length` bytes at `offset`, rejecting what a conforming encoder
// never writes: a value below 8 (it belongs in the config byte) or a leading zero byte.
Result<uint64_t> read_extended(ByteView packet, size_t offset, size_t length, const char* what) {
  if (packet.size() < offset + length) {
    return fail(Err::MALFORMED_PACKET, std::string("header ends inside the ") + what + ": needs " +
                                           std::to_string(offset + length) + " bytes, packet has " +
                                           std::to_string(packet.size()));
  }
  ByteView bytes = packet.subspan(offset, length);
  uint64_t value = get_be(bytes);
  if (value < kInlineLimit || bytes[0] == 0) {
    return fail(Err::MALFORMED_PACKET, std::string(what) + " is not minimally encoded (" +
                                           to_hex(bytes) + "); RFC 9605 §4.3 requires it");
  }
  return value;
}

}  // namespace

Result<Header> parse_header(ByteView packet) {
  if (packet.empty()) return fail(Err::MALFORMED_PACKET, "empty packet: no SFrame header");
  const uint8_t config = packet[0];
  const uint8_t k = config >> 4 & 7, c = config & 7;
  Header h;
  h.size = 1;
  if (config & kExtendedKid) {
    RTCSEAL_TRY(h.kid, read_extended(packet, h.size, size_t{k} + 1, "KID"));
    h.size += size_t{k} + 1;
  } else {
    h.kid = k;
  }
  if (config & kExtendedCtr) {
    RTCSEAL_TRY(h.ctr, read_extended(packet, h.size, size_t{c} + 1, "CTR"));
    h.size += size_t{c} + 1;
  } else {
    h.ctr = c;
  }
  return h;
}

void append_header(Bytes& out, uint64_t kid, uint64_t ctr) {
  const Field kf = field_for(kid), cf = field_for(ctr);
  uint8_t config = static_cast<uint8_t>(kf.bits << 4 | cf.bits);
  if (kf.extra != 0) config |= kExtendedKid;
  if (cf.extra != 0) config |= kExtendedCtr;
  out.push_back(config);
  put_be(out, kid, kf.extra);
  put_be(out, ctr, cf.extra);
}

Bytes encode_header(uint64_t kid, uint64_t ctr) {
  Bytes out;
  out.reserve(kMaxHeaderSize);
  append_header(out, kid, ctr);
  return out;
}

}  // namespace rtcseal::sframe
