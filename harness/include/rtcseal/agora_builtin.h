// Scheme "agora-builtin": Agora's eight built-in encryption modes under the reference wire format
// of docs/spec.md. The mode table maps each ENCRYPTION_MODE value to its native and Web strings
// (facts §1.1).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "rtcseal/scheme.h"

namespace rtcseal::agora {

enum class Family { Xts, Ecb, Gcm, Gcm2 };

struct ModeInfo {
  int value;                // ENCRYPTION_MODE enum value, 1..8
  std::string_view name;    // enum name, e.g. AES_128_GCM2
  std::string_view native;  // getEncryptionString(), e.g. aes-128-gcm-2
  std::string_view web;     // agora-rtc-sdk-ng EncryptionMode, e.g. aes-128-gcm2
  Family family;
  size_t key_size;              // bytes of cipher key (XTS: both halves)
  std::string_view introduced;  // first native SDK version with the mode
};

std::span<const ModeInfo> modes();
// Accepts the enum name, the native string, the Web string or the decimal value.
const ModeInfo* find_mode(std::string_view text);

// Wire constants of the reference format (docs/spec.md).
inline constexpr uint8_t kVersion = 1;
inline constexpr size_t kHeaderSize = 1;
inline constexpr size_t kPacketIdSize = 12;  // BE32(sender id) || BE64(counter)
inline constexpr size_t kTagSize = 16;
inline constexpr size_t kBlockSize = 16;
inline constexpr uint32_t kGcm2Iterations = 10000;

// The smallest well-formed packet of a mode: shorter ones are MALFORMED_PACKET.
size_t min_packet_size(Family f);

const Scheme& scheme();

}  // namespace rtcseal::agora
