#include <string>
#include <utility>

#include "rtcseal/bytes.h"

namespace rtcseal {
namespace {

constexpr char kStandard[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrlSafe[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Value of `c` in the alphabet, or -1. The other alphabet's two symbols are rejected, so a
// url-safe string never decodes as standard base64 or the reverse.
int sextet(char c, bool url_safe) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == (url_safe ? '-' : '+')) return 62;
  if (c == (url_safe ? '_' : '/')) return 63;
  return -1;
}

std::string describe(char c) {
  constexpr char kDigits[] = "0123456789abcdef";
  auto u = static_cast<unsigned char>(c);
  if (u > 0x20 && u < 0x7f) return std::string("'") + c + "'";
  return std::string("byte 0x") + kDigits[u >> 4] + kDigits[u & 0xf];
}

Error bad(std::string why) {
  return fail(Err::MALFORMED_PACKET, "base64: " + std::move(why));
}

}  // namespace

std::string to_base64(ByteView data, bool url_safe) {
  const char* alphabet = url_safe ? kUrlSafe : kStandard;
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t n = uint32_t{data[i]} << 16 | uint32_t{data[i + 1]} << 8 | data[i + 2];
    out.push_back(alphabet[n >> 18]);
    out.push_back(alphabet[n >> 12 & 63]);
    out.push_back(alphabet[n >> 6 & 63]);
    out.push_back(alphabet[n & 63]);
  }
  size_t rest = data.size() - i;
  if (rest > 0) {
    uint32_t n = uint32_t{data[i]} << 16 | (rest == 2 ? uint32_t{data[i + 1]} << 8 : 0);
    out.push_back(alphabet[n >> 18]);
    out.push_back(alphabet[n >> 12 & 63]);
    out.push_back(rest == 2 ? alphabet[n >> 6 & 63] : '=');
    out.push_back('=');
  }
  return out;
}

// Accepts exactly the strings to_base64 produces: whole 4-character groups, '=' only as one or
// two final characters, and zero bits in whatever the padding leaves unused. Anything else has
// more than one spelling per byte string, which would let two vectors differ only in encoding.
// Characters are checked before the length, so a stray newline is named as such.
Result<Bytes> from_base64(std::string_view text, bool url_safe) {
  size_t data_chars = text.find_last_not_of('=') + 1;  // npos + 1 == 0 when all '='
  size_t pad = text.size() - data_chars;
  Bytes out;
  out.reserve(text.size() / 4 * 3);
  uint32_t acc = 0;
  for (size_t i = 0; i < data_chars; ++i) {
    int v = sextet(text[i], url_safe);
    if (v < 0) {
      std::string where = " at offset " + std::to_string(i);
      if (text[i] == '=') return bad("padding" + where + " before the end");
      return bad(describe(text[i]) + where + " is not in the " +
                 (url_safe ? "url-safe" : "standard") + " alphabet");
    }
    acc = acc << 6 | static_cast<uint32_t>(v);
    if (i % 4 == 3) {
      out.push_back(static_cast<uint8_t>(acc >> 16));
      out.push_back(static_cast<uint8_t>(acc >> 8));
      out.push_back(static_cast<uint8_t>(acc));
      acc = 0;
    }
  }
  if (pad > 2) return bad(std::to_string(pad) + " padding characters (at most 2)");
  if (text.size() % 4 != 0) {
    return bad("length " + std::to_string(text.size()) +
               " is not a multiple of 4 (padding is required)");
  }
  // With the length a multiple of 4, the final group holds 2 characters (one byte, 4 spare bits)
  // or 3 (two bytes, 2 spare bits).
  if (pad == 2) {
    if (acc & 0xf) return bad("non-zero bits after the last byte (non-canonical encoding)");
    out.push_back(static_cast<uint8_t>(acc >> 4));
  } else if (pad == 1) {
    if (acc & 0x3) return bad("non-zero bits after the last byte (non-canonical encoding)");
    out.push_back(static_cast<uint8_t>(acc >> 10));
    out.push_back(static_cast<uint8_t>(acc >> 2));
  }
  return out;
}

}  // namespace rtcseal
