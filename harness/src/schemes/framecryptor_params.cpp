// The framecryptor parameters (docs/spec.md §5.2).
#include "framecryptor_params.h"

#include <charconv>
#include <string>

namespace rtcseal::framecryptor::detail {

namespace {

const std::string* find(const Params& params, const char* name) {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

// A decimal number as the vector files and the shim protocol write it: digits only, no sign, no
// leading zero, between `min` and `max`.
std::optional<uint64_t> decimal(const std::string& text, uint64_t min, uint64_t max) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

// An optional decimal parameter: its default when absent, `code` when malformed or out of range.
Result<uint64_t> number(const Params& params, const char* name, uint64_t fallback, uint64_t min,
                        uint64_t max, Err code) {
  const std::string* text = find(params, name);
  if (text == nullptr) return fallback;
  if (auto v = decimal(*text, min, max)) return *v;
  return fail(code, std::string(name) + " must be a decimal number " + std::to_string(min) + ".." +
                        std::to_string(max) + ", not \"" + *text + "\"");
}

Result<crypto::SecretBytes> key_material(const Params& params) {
  const std::string* text = find(params, "key");
  if (text == nullptr || text->empty()) return fail(Err::KEY_MISSING, "key is missing or empty");
  auto material = decode_bytes_param(*text);
  if (!material) return fail(Err::KEY_INVALID, "key: " + material.error().message);
  if (material->empty()) return fail(Err::KEY_MISSING, "key holds no bytes");
  return material;
}

Result<KeySchedule> key_schedule(const Params& params) {
  KeySchedule s;
  if (const std::string* v = find(params, "variant")) {
    auto variant = parse_variant(*v);
    if (!variant) return fail(Err::MODE_UNSUPPORTED, "variant must be livekit or jitsi");
    s.variant = *variant;
  }
  s.kdf = default_kdf(s.variant);
  if (const std::string* k = find(params, "kdf")) {
    auto kdf = parse_kdf(*k);
    if (!kdf || !kdf_allowed(s.variant, *kdf)) {
      return fail(Err::MODE_UNSUPPORTED, s.variant == Variant::LiveKit
                                             ? "livekit's kdf is pbkdf2 or hkdf"
                                             : "jitsi's kdf is hkdf or hkdf-jframeinfo");
    }
    s.kdf = *kdf;
  }
  if (s.variant == Variant::Jitsi) return s;  // fixed salts: `salt` is ignored
  if (const std::string* salt = find(params, "salt")) {
    auto bytes = decode_bytes_param(*salt);
    if (!bytes) return fail(Err::SALT_INVALID, "salt: " + bytes.error().message);
    if (bytes->empty()) return fail(Err::SALT_INVALID, "salt holds no bytes");
    s.salt.assign(bytes->begin(), bytes->end());
  }
  return s;
}

}  // namespace

Result<Config> parse_config(const Params& params) {
  constexpr uint64_t kU32 = 0xffffffffu;
  Config c;
  RTCSEAL_TRY(c.schedule, key_schedule(params));
  if (find(params, "ssrc") != nullptr) {
    RTCSEAL_TRY(c.ssrc, number(params, "ssrc", 0, 0, kU32, Err::MODE_UNSUPPORTED));
  }
  RTCSEAL_TRY(c.rtp_timestamp, number(params, "rtp_timestamp", 0, 0, kU32, Err::MODE_UNSUPPORTED));
  RTCSEAL_TRY(c.rtp_step,
              number(params, "rtp_step", kDefaultRtpStep, 1, kU32, Err::MODE_UNSUPPORTED));
  RTCSEAL_TRY(c.ring_size,
              number(params, "ring_size", kDefaultRingSize, 1, kMaxRingSize, Err::KEY_INVALID));
  RTCSEAL_TRY(c.key_index, number(params, "key_index", 0, 0, c.ring_size - 1, Err::KEY_INVALID));
  RTCSEAL_TRY(c.ratchet_window, number(params, "ratchet_window", kDefaultRatchetWindow, 0,
                                       kMaxRatchetWindow, Err::KEY_INVALID));
  RTCSEAL_TRY(c.material, key_material(params));
  return c;
}

Result<Rekey> parse_rekey(const Params& params, size_t ring_size, size_t current_index) {
  for (const auto& [name, value] : params) {
    if (name != "key" && name != "key_index") {
      return fail(Err::MODE_UNSUPPORTED,
                  "rekey changes a key only; \"" + name + "\" needs a new configure");
    }
  }
  Rekey r;
  RTCSEAL_TRY(r.key_index,
              number(params, "key_index", current_index, 0, ring_size - 1, Err::KEY_INVALID));
  RTCSEAL_TRY(r.material, key_material(params));
  return r;
}

}  // namespace rtcseal::framecryptor::detail
