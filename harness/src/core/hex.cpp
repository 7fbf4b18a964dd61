#include <string>

#include "rtcseal/bytes.h"

namespace rtcseal {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Names a rejected character so a bad vector file can be fixed without a hex dump.
std::string describe(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u > 0x20 && u < 0x7f) return std::string("'") + c + "'";
  return std::string("byte 0x") + kHexDigits[u >> 4] + kHexDigits[u & 0xf];
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string to_hex(ByteView data) {
  std::string out;
  out.reserve(data.size() * 2);
  for (uint8_t b : data) {
    out.push_back(kHexDigits[b >> 4]);
    out.push_back(kHexDigits[b & 0xf]);
  }
  return out;
}

Result<Bytes> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) {
    return fail(Err::MALFORMED_PACKET,
                "hex: odd number of digits (" + std::to_string(hex.size()) + ")");
  }
  Bytes out;
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = hex_value(hex[i]);
    int lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) {
      size_t bad = hi < 0 ? i : i + 1;
      return fail(Err::MALFORMED_PACKET, "hex: " + describe(hex[bad]) + " at offset " +
                                             std::to_string(bad) + " is not a hex digit");
    }
    out.push_back(static_cast<uint8_t>(hi << 4 | lo));
  }
  return out;
}

// A width above 8 writes leading zero bytes; a width below 8 keeps only the low-order bytes.
void put_be(Bytes& out, uint64_t value, size_t width) {
  for (size_t i = width; i-- > 0;) {
    out.push_back(i < 8 ? static_cast<uint8_t>(value >> (8 * i)) : 0);
  }
}

// Reads at most the last 8 bytes: the value modulo 2^64, so it inverts put_be for any width.
uint64_t get_be(ByteView data) {
  if (data.size() > 8) data = data.last(8);
  uint64_t value = 0;
  for (uint8_t b : data) value = value << 8 | b;
  return value;
}

}  // namespace rtcseal
