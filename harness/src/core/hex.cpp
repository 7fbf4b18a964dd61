#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Both digits of every byte: one two-byte copy per byte when encoding.
constexpr std::array<std::array<char, 2>, 256> kHexPairs = [] {
  std::array<std::array<char, 2>, 256> t{};
  for (size_t b = 0; b < t.size(); ++b) t[b] = {kHexDigits[b >> 4], kHexDigits[b & 0xf]};
  return t;
}();

// A digit's value, or -1: one table look-up per character instead of three range tests.
constexpr std::array<int8_t, 256> kHexValues = [] {
  std::array<int8_t, 256> t{};
  t.fill(-1);
  for (int i = 0; i < 10; ++i) t['0' + i] = static_cast<int8_t>(i);
  for (int i = 0; i < 6; ++i) {
    t['a' + i] = static_cast<int8_t>(10 + i);
    t['A' + i] = static_cast<int8_t>(10 + i);
  }
  return t;
}();

constexpr std::array<int8_t, 256> kLowerHexValues = [] {
  std::array<int8_t, 256> t = kHexValues;
  for (int i = 0; i < 6; ++i) t['A' + i] = -1;
  return t;
}();

// Decodes with `table`; false at the first character it maps to -1.
bool decode(std::string_view hex, const std::array<int8_t, 256>& table, Bytes& out, size_t& bad) {
  out.resize(hex.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = table[static_cast<unsigned char>(hex[2 * i])];
    int lo = table[static_cast<unsigned char>(hex[2 * i + 1])];
    if ((hi | lo) < 0) {
      bad = hi < 0 ? 2 * i : 2 * i + 1;
      return false;
    }
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return true;
}

// hex8 reads and writes memory through little-endian words.
static_assert(std::endian::native == std::endian::little);

// The eight lowercase hex digits of four bytes (loaded little-endian from memory), in memory
// order: SWAR, so encoding costs a few operations per four bytes.
uint64_t hex8(uint32_t four) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  // Byte k of `four` to the low byte of 16-bit lane k.
  uint64_t lanes = four;
  lanes = (lanes | lanes << 16) & 0x0000ffff0000ffff;
  lanes = (lanes | lanes << 8) & 0x00ff00ff00ff00ff;
  // High nibble first, then low nibble: one nibble per byte.
  const uint64_t nibbles = (lanes >> 4 & 0x000f000f000f000f) | (lanes & 0x000f000f000f000f) << 8;
  // '0' + n, plus 'a' - '0' - 10 where n > 9 (n + 6 then reaches 16).
  const uint64_t letters = (nibbles + kOnes * 6) >> 4 & kOnes;
  return nibbles + kOnes * '0' + letters * ('a' - '0' - 10);
}

#if defined(__SSE2__)
// Decodes sixteen lowercase hex digits at `in` into eight bytes at `out`; false if any of them is
// not one. SSE2 (every x86-64 has it) works on all sixteen characters at once.
bool lower_hex16(const char* in, uint8_t* out) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  // Signed compares: bytes of 0x80 and above are negative and fall in neither range.
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
  const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('a' - 1)),
                                       _mm_cmplt_epi8(x, _mm_set1_epi8('f' + 1)));
  if (_mm_movemask_epi8(_mm_or_si128(digit, letter)) != 0xffff) return false;
  const __m128i nibbles =
      _mm_or_si128(_mm_and_si128(digit, _mm_sub_epi8(x, _mm_set1_epi8('0'))),
                   _mm_and_si128(letter, _mm_sub_epi8(x, _mm_set1_epi8('a' - 10))));
  // Each 16-bit lane holds (first digit, second digit): first << 4 | second, then packed.
  const __m128i first = _mm_and_si128(nibbles, _mm_set1_epi16(0x00ff));
  const __m128i second = _mm_srli_epi16(nibbles, 8);
  const __m128i bytes = _mm_or_si128(_mm_slli_epi16(first, 4), second);
  _mm_storel_epi64(reinterpret_cast<__m128i*>(out), _mm_packus_epi16(bytes, bytes));
  return true;
}
#endif

}  // namespace

std::string to_hex(ByteView data) {
  std::string out;
  append_hex(out, data);
  return out;
}

// Sized once and written through a pointer: the shim protocol hex-encodes every frame, so this
// runs over every byte a shim exchange carries.
void append_hex(std::string& out, ByteView data) {
  const size_t at = out.size();
  out.resize(at + data.size() * 2);
  char* o = out.data() + at;
  size_t i = 0;
  for (; i + 4 <= data.size(); i += 4, o += 8) {
    uint32_t four;
    std::memcpy(&four, data.data() + i, sizeof four);
    const uint64_t digits = hex8(four);
    std::memcpy(o, &digits, sizeof digits);
  }
  for (; i < data.size(); ++i, o += 2) std::memcpy(o, kHexPairs[data[i]].data(), 2);
}

Result<Bytes> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) {
    return fail(Err::MALFORMED_PACKET,
                "hex: odd number of digits (" + std::to_string(hex.size()) + ")");
  }
  Bytes out;
  size_t bad = 0;
  if (!decode(hex, kHexValues, out, bad)) {
    return fail(Err::MALFORMED_PACKET, "hex: " + describe(hex[bad]) + " at offset " +
                                           std::to_string(bad) + " is not a hex digit");
  }
  return out;
}

std::optional<Bytes> from_lower_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  Bytes out(hex.size() / 2);
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen digits per step: every frame through a shim is decoded here.
  for (; i + 16 <= hex.size(); i += 16) {
    if (!lower_hex16(hex.data() + i, out.data() + i / 2)) return std::nullopt;
  }
#endif
  Bytes tail;
  size_t bad = 0;
  if (!decode(hex.substr(i), kLowerHexValues, tail, bad)) return std::nullopt;
  std::copy(tail.begin(), tail.end(), out.begin() + static_cast<std::ptrdiff_t>(i / 2));
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
