// The framecryptor key schedules (docs/spec.md §5.3): LiveKit's PBKDF2 or HKDF with its ratchet
// salt, Jitsi's two HKDF salts, and the `key` and `salt` parameter encoding.
#include "framecryptor_key_ring.h"

namespace rtcseal::framecryptor {

namespace {

constexpr std::pair<Variant, std::string_view> kVariants[] = {{Variant::LiveKit, "livekit"},
                                                              {Variant::Jitsi, "jitsi"}};
constexpr std::pair<Kdf, std::string_view> kKdfs[] = {
    {Kdf::Pbkdf2, "pbkdf2"}, {Kdf::Hkdf, "hkdf"}, {Kdf::HkdfJFrameInfo, "hkdf-jframeinfo"}};

// LiveKit's deriveKeys() and ratchet() run one KDF with the ratchet salt and differ only in the
// output length: 16 bytes for the key, 32 for the next material (client-sdk-js src/e2ee/utils.ts,
// webrtc-sdk api/crypto/frame_crypto_transformer.cc DoKeyDerivation).
Result<crypto::SecretBytes> livekit_kdf(const KeySchedule& s, ByteView material, size_t length) {
  if (s.kdf == Kdf::Pbkdf2) {
    return crypto::pbkdf2(crypto::Hash::Sha256, material, s.salt, kPbkdf2Iterations, length);
  }
  const Bytes info(kLiveKitHkdfInfoSize, 0);
  return crypto::hkdf(crypto::Hash::Sha256, s.salt, material, info, length);
}

// lib-jitsi-meet modules/e2ee/crypto-utils.js: HKDF-SHA256 with an empty info;
// crypto-utils.ts: with info "JFrameInfo".
Result<crypto::SecretBytes> jitsi_kdf(const KeySchedule& s, std::string_view salt,
                                      ByteView material, size_t length) {
  const ByteView info = s.kdf == Kdf::HkdfJFrameInfo ? as_bytes(kJitsiInfo) : ByteView{};
  return crypto::hkdf(crypto::Hash::Sha256, as_bytes(salt), material, info, length);
}

}  // namespace

std::string_view variant_name(Variant v) {
  for (const auto& [value, name] : kVariants) {
    if (value == v) return name;
  }
  return {};
}

std::optional<Variant> parse_variant(std::string_view s) {
  for (const auto& [value, name] : kVariants) {
    if (name == s) return value;
  }
  return std::nullopt;
}

std::string_view kdf_name(Kdf k) {
  for (const auto& [value, name] : kKdfs) {
    if (value == k) return name;
  }
  return {};
}

std::optional<Kdf> parse_kdf(std::string_view s) {
  for (const auto& [value, name] : kKdfs) {
    if (name == s) return value;
  }
  return std::nullopt;
}

size_t key_size(const KeySchedule& schedule) {
  return schedule.kdf == Kdf::HkdfJFrameInfo ? 32 : 16;
}

bool kdf_allowed(Variant variant, Kdf kdf) {
  return variant == Variant::LiveKit ? kdf != Kdf::HkdfJFrameInfo : kdf != Kdf::Pbkdf2;
}

Kdf default_kdf(Variant variant) {
  return variant == Variant::LiveKit ? Kdf::Pbkdf2 : Kdf::Hkdf;
}

Result<crypto::SecretBytes> encryption_key(const KeySchedule& schedule, ByteView material) {
  const size_t length = key_size(schedule);
  if (schedule.variant == Variant::Jitsi) {
    return jitsi_kdf(schedule, kJitsiKeySalt, material, length);
  }
  return livekit_kdf(schedule, material, length);
}

Result<crypto::SecretBytes> ratchet(const KeySchedule& schedule, ByteView material) {
  if (schedule.variant == Variant::Jitsi) {
    return jitsi_kdf(schedule, kJitsiRatchetSalt, material, kMaterialSize);
  }
  return livekit_kdf(schedule, material, kMaterialSize);
}

Result<crypto::SecretBytes> decode_bytes_param(std::string_view text) {
  if (!text.starts_with(kHexPrefix)) return crypto::secret_copy(as_bytes(text));
  auto bytes = from_hex(text.substr(kHexPrefix.size()));
  if (!bytes) return bytes.error();
  crypto::SecretBytes out = crypto::secret_copy(*bytes);
  crypto::wipe(bytes->data(), bytes->size());
  return out;
}

namespace detail {

Result<KeyStep> key_step(const KeySchedule& schedule, ByteView material) {
  RTCSEAL_TRY(crypto::SecretBytes next, ratchet(schedule, material));
  if (schedule.variant == Variant::Jitsi) {
    RTCSEAL_TRY(crypto::SecretBytes key, encryption_key(schedule, material));
    return KeyStep{std::move(key), std::move(next)};
  }
  // PBKDF2's and HKDF's first output block does not depend on the length asked for, so LiveKit's
  // K(M) is the first half of R(M): one KDF run serves both (§5.3).
  crypto::SecretBytes key(next.begin(),
                          next.begin() + static_cast<std::ptrdiff_t>(key_size(schedule)));
  return KeyStep{std::move(key), std::move(next)};
}

}  // namespace detail

}  // namespace rtcseal::framecryptor
