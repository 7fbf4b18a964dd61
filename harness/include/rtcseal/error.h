// The canonical error catalogue (design.md "Canonical errors"). Every scheme, profile and shim maps
// its native codes onto these names. `rtcseal errors --json` prints this table; docs/errors.json is
// that output, checked in and compared by a test.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rtcseal {

// X(name, group, description)
#define RTCSEAL_CANONICAL_ERRORS(X)                                                            \
  X(KEY_MISSING, "configure", "No key was given, or it is empty")                              \
  X(KEY_INVALID, "configure", "The key breaks a rule of the mode (e.g. equal XTS halves)")     \
  X(SALT_MISSING, "configure", "The mode needs a salt and none was given")                     \
  X(SALT_INVALID, "configure", "The salt is malformed, the wrong length or all zero")          \
  X(SECRET_MISSING, "configure", "The shared secret is missing")                               \
  X(SECRET_INVALID, "configure", "The shared secret breaks the length rules")                  \
  X(MODE_UNSUPPORTED, "configure", "The encryption mode is out of range or not supported")     \
  X(CODEC_UNSUPPORTED, "configure", "The codec cannot be protected by this scheme or client")  \
  X(PLATFORM_UNSUPPORTED, "configure", "The platform or browser cannot use this encryption")   \
  X(NOT_INITIALIZED, "configure", "An operation ran before configure")                         \
  X(AUTH_FAILED, "unprotect", "The authentication tag did not verify: wrong key or tampering") \
  X(MALFORMED_PACKET, "unprotect", "The packet cannot be parsed")                              \
  X(UNKNOWN_KEY_ID, "unprotect", "The packet names a key the receiver does not hold")          \
  X(REPLAYED, "unprotect", "The packet was already accepted once")                             \
  X(DECRYPT_INTERNAL, "unprotect", "The decryption primitive failed internally")               \
  X(ENCRYPT_INTERNAL, "protect", "The encryption primitive failed internally")                 \
  X(FEATURE_NOT_ALLOWED_WITH_E2EE, "session", "CDN push, archiving or SIP with encryption on") \
  X(VERSION_INCOMPATIBLE, "session", "The peers' client versions cannot interoperate")         \
  X(SECRET_MISMATCH_EVENT, "events", "The receiver signals that the sender's secret differs")  \
  X(SECRET_MATCH_EVENT, "events", "The receiver decrypts again after a mismatch")              \
  X(TOKEN_INVALID, "tokens", "The access token is malformed or its signature is wrong")        \
  X(TOKEN_EXPIRED, "tokens", "The access token or a privilege has expired")                    \
  X(PRIVILEGE_MISSING, "tokens", "The token lacks the privilege the action needs")             \
  X(PROJECT_MISMATCH, "tokens", "The token belongs to another project (App ID)")               \
  X(CHANNEL_MISMATCH, "tokens", "The token was issued for another channel")                    \
  X(REGION_BLOCKED, "tokens", "Geofencing keeps the client from the server's region")          \
  X(UNIMPLEMENTED, "protocol", "The implementation does not support this operation or scheme")

enum class Err {
#define RTCSEAL_ENUM_ENTRY(name, group, desc) name,
  RTCSEAL_CANONICAL_ERRORS(RTCSEAL_ENUM_ENTRY)
#undef RTCSEAL_ENUM_ENTRY
};

struct ErrorInfo {
  Err code;
  std::string_view name;
  std::string_view group;
  std::string_view description;
};

// Every entry of the catalogue, in declaration order.
std::span<const ErrorInfo> all_errors();
std::string_view error_name(Err code);
std::optional<Err> parse_error_name(std::string_view name);

}  // namespace rtcseal
