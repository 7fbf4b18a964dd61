// Scheme "framecryptor": the frame format of LiveKit's FrameCryptor (client-sdk-js and the
// libwebrtc fork webrtc-sdk/webrtc) and of Jitsi's lib-jitsi-meet E2EE, in two variants. Frame
// layout, key schedules, key ring and every choice are in docs/spec.md §5. The key derivation and
// ratchet are public so that tests and the vector generator can reach them.
//
//   frame = clear header || AES-128-GCM(ciphertext || 16-byte tag) || IV (12) || 0x0c || key index
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "rtcseal/bytes.h"
#include "rtcseal/crypto.h"
#include "rtcseal/result.h"
#include "rtcseal/scheme.h"

namespace rtcseal::framecryptor {

enum class Variant { LiveKit, Jitsi };
std::string_view variant_name(Variant v);  // "livekit" or "jitsi"
std::optional<Variant> parse_variant(std::string_view s);

// The key schedule (§5.3). LiveKit's KeyDerivationAlgorithm: PBKDF2 (its default, a passphrase)
// or HKDF (raw key bytes). Jitsi: HKDF with an empty info and AES-128 (lib-jitsi-meet
// crypto-utils.js, its default here) or with info "JFrameInfo" and AES-256 (crypto-utils.ts).
enum class Kdf { Pbkdf2, Hkdf, HkdfJFrameInfo };
std::string_view kdf_name(Kdf k);  // "pbkdf2", "hkdf" or "hkdf-jframeinfo"
std::optional<Kdf> parse_kdf(std::string_view s);

// ---- Key schedule (§5.3) ----

inline constexpr uint32_t kPbkdf2Iterations = 100000;
inline constexpr std::string_view kLiveKitSalt = "LKFrameEncryptionKey";
inline constexpr size_t kLiveKitHkdfInfoSize = 128;  // 128 zero bytes
inline constexpr std::string_view kJitsiKeySalt = "JFrameEncryptionKey";
inline constexpr std::string_view kJitsiRatchetSalt = "JFrameRatchetKey";
inline constexpr std::string_view kJitsiInfo = "JFrameInfo";  // Kdf::HkdfJFrameInfo only
inline constexpr size_t kMaterialSize = 32;                   // what a ratchet step yields

// How key material becomes keys. `salt` is LiveKit's ratchet salt; Jitsi's salts are fixed.
struct KeySchedule {
  Variant variant = Variant::LiveKit;
  Kdf kdf = Kdf::Pbkdf2;
  Bytes salt = Bytes(kLiveKitSalt.begin(), kLiveKitSalt.end());
};

// The AES key length of a schedule: 16 bytes, or 32 for Jitsi's HkdfJFrameInfo.
size_t key_size(const KeySchedule& schedule);
// Whether `kdf` belongs to `variant` (pbkdf2 and hkdf to LiveKit, hkdf and hkdf-jframeinfo to
// Jitsi), and each variant's default.
bool kdf_allowed(Variant variant, Kdf kdf);
Kdf default_kdf(Variant variant);

// K(M): the AES-GCM key of material M.
Result<crypto::SecretBytes> encryption_key(const KeySchedule& schedule, ByteView material);
// R(M): the material one ratchet step after M.
Result<crypto::SecretBytes> ratchet(const KeySchedule& schedule, ByteView material);

// A `key` or `salt` parameter: "hex:" followed by hex digits gives those bytes; any other string
// gives its UTF-8 bytes (a LiveKit passphrase is one).
inline constexpr std::string_view kHexPrefix = "hex:";
Result<crypto::SecretBytes> decode_bytes_param(std::string_view text);

// ---- Frame (§5.4) ----

inline constexpr size_t kIvSize = 12;
inline constexpr size_t kTagSize = 16;
inline constexpr size_t kTrailerSize = 2;  // IV_LEN, key index
inline constexpr size_t kOverhead = kTagSize + kIvSize + kTrailerSize;
inline constexpr uint8_t kIvLengthByte = kIvSize;
inline constexpr uint32_t kSendCountModulus = 0xffff;  // sendCount % 0xFFFF in the IV

// ---- Parameters (§5.2) ----

inline constexpr size_t kDefaultRingSize = 16;
inline constexpr size_t kMaxRingSize = 256;  // the key index is one byte
inline constexpr size_t kDefaultRatchetWindow = 8;
inline constexpr size_t kMaxRatchetWindow = 255;
inline constexpr uint32_t kDefaultRtpStep = 3000;  // 90 kHz clock at 30 frames per second

const Scheme& scheme();

}  // namespace rtcseal::framecryptor
