// The shared-secret rules of vonage-e2ee (docs/spec.md §4.3): 8 to 256 characters, counted as
// Unicode scalar values of well-formed UTF-8.
#include <cstdint>
#include <string>

#include "rtcseal/vonage_e2ee.h"

namespace rtcseal::vonage {

namespace {

// Length of the sequence a lead byte announces, and the smallest scalar value that sequence may
// encode (anything smaller is an overlong form). Returns 0 for a byte that cannot lead.
struct Lead {
  size_t length;
  uint32_t min_value;
  uint32_t bits;  // payload bits of the lead byte
};

Lead lead_of(uint8_t b) {
  if (b < 0x80) return {1, 0, b};
  if ((b & 0xe0) == 0xc0) return {2, 0x80, b & 0x1fu};
  if ((b & 0xf0) == 0xe0) return {3, 0x800, b & 0x0fu};
  if ((b & 0xf8) == 0xf0) return {4, 0x10000, b & 0x07u};
  return {0, 0, 0};  // a continuation byte or 0xf8..0xff
}

}  // namespace

std::optional<size_t> utf8_characters(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    const Lead lead = lead_of(static_cast<uint8_t>(s[i]));
    if (lead.length == 0 || lead.length > s.size() - i) return std::nullopt;
    uint32_t value = lead.bits;
    for (size_t k = 1; k < lead.length; ++k) {
      const auto c = static_cast<uint8_t>(s[i + k]);
      if ((c & 0xc0) != 0x80) return std::nullopt;
      value = value << 6 | (c & 0x3fu);
    }
    const bool surrogate = value >= 0xd800 && value <= 0xdfff;
    if (value < lead.min_value || surrogate || value > 0x10ffff) return std::nullopt;
    i += lead.length;
  }
  return count;
}

Status validate_secret(const std::optional<std::string>& secret) {
  if (!secret || secret->empty()) {
    return fail(Err::SECRET_MISSING, "the encryption secret is missing or empty");
  }
  const auto chars = utf8_characters(*secret);
  if (!chars) return fail(Err::SECRET_INVALID, "the encryption secret is not valid UTF-8");
  if (*chars < kSecretMinChars || *chars > kSecretMaxChars) {
    return fail(Err::SECRET_INVALID, "the encryption secret has " + std::to_string(*chars) +
                                         " characters; 8 to 256 are allowed");
  }
  return {};
}

}  // namespace rtcseal::vonage
