// Scheme "vonage-e2ee": Vonage Video (OpenTok) shared-secret end-to-end encryption with its two
// engines, `legacy` (OpenTok.js 2.26 and earlier) and `draft01` (2.27 and later). The wire formats,
// key rules and every inferred choice are written down in docs/spec.md §4. The key and KID
// derivations are public so that tests can check them against independent recomputations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rtcseal/crypto.h"
#include "rtcseal/result.h"
#include "rtcseal/scheme.h"

namespace rtcseal::vonage {

enum class Engine { Legacy, Draft01 };

std::string_view engine_name(Engine e);  // "legacy" or "draft01"
std::optional<Engine> parse_engine(std::string_view s);

// ---- The shared secret (facts §2.1: "a string of 8-256 characters") ----

inline constexpr size_t kSecretMinChars = 8;
inline constexpr size_t kSecretMaxChars = 256;

// Unicode scalar values in `s`, or nullopt when `s` is not well-formed UTF-8 (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence).
std::optional<size_t> utf8_characters(std::string_view s);

// SECRET_MISSING when the secret is absent or empty; SECRET_INVALID when it is not UTF-8 or has
// fewer than 8 or more than 256 characters (§4.2, §4.3).
Status validate_secret(const std::optional<std::string>& secret);

// ---- Key material (facts §2.3), derived once per configure or rekey ----

inline constexpr uint32_t kPbkdf2Iterations = 100000;
inline constexpr size_t kMasterKeySize = 32;
inline constexpr size_t kLegacyKidDigits = 9;
inline constexpr size_t kDraft01KidBytes = 6;

// K = PBKDF2-HMAC-SHA256(UTF-8(secret), UTF-8(session id), 100000, 32): the key both engines
// start from.
Result<crypto::SecretBytes> master_key(std::string_view secret, std::string_view session_id);

// Legacy KID: the first nine ASCII decimal digits of the connection id, in order, read as a
// decimal number; fewer digits are all read, none gives 0 (§4.4).
uint64_t legacy_kid(std::string_view connection_id);

// Draft-01 KID: the first 6 bytes, big-endian, of
// PBKDF2-HMAC-SHA256(UTF-8(connection id), UTF-8(session id), 100000).
Result<uint64_t> draft01_kid(std::string_view connection_id, std::string_view session_id);

// ---- Wire constants (§4.5, §4.6) ----

inline constexpr size_t kLegacyVideoTagSize = 10;
inline constexpr size_t kLegacyAudioTagSize = 4;
inline constexpr size_t kDraft01TagSize = 10;  // AES_CTR_128_HMAC_SHA256_80
// The widest KID and CTR each header can carry: 7 bytes in the legacy header, 8 in draft-01's.
inline constexpr uint64_t kLegacyMaxField = (uint64_t{1} << 56) - 1;
inline constexpr uint64_t kDraft01MaxField = ~uint64_t{0};

const Scheme& scheme();

}  // namespace rtcseal::vonage
