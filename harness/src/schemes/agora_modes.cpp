// The ENCRYPTION_MODE table (facts §1.1: AgoraBase.h, getEncryptionString(), agora-rtc-sdk-ng).
#include <charconv>
#include <string>

#include "rtcseal/agora_builtin.h"

namespace rtcseal::agora {

namespace {
constexpr ModeInfo kModes[] = {
    {1, "AES_128_XTS", "aes-128-xts", "aes-128-xts", Family::Xts, 32, "3.1.0"},
    {2, "AES_128_ECB", "aes-128-ecb", "aes-128-ecb", Family::Ecb, 16, "3.1.0"},
    {3, "AES_256_XTS", "aes-256-xts", "aes-256-xts", Family::Xts, 64, "3.1.0"},
    {4, "SM4_128_ECB", "sm4-128-ecb", "sm4-128-ecb", Family::Ecb, 16, "3.1.2"},
    {5, "AES_128_GCM", "aes-128-gcm", "aes-128-gcm", Family::Gcm, 16, "3.3.1"},
    {6, "AES_256_GCM", "aes-256-gcm", "aes-256-gcm", Family::Gcm, 32, "3.3.1"},
    {7, "AES_128_GCM2", "aes-128-gcm-2", "aes-128-gcm2", Family::Gcm2, 16, "3.4.5"},
    {8, "AES_256_GCM2", "aes-256-gcm-2", "aes-256-gcm2", Family::Gcm2, 32, "3.4.5"},
};
}  // namespace

std::span<const ModeInfo> modes() {
  return kModes;
}

const ModeInfo* find_mode(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  // Only the canonical spelling counts: "05", "+5" and " 5" are not mode 5.
  bool numeric =
      ec == std::errc() && end == text.data() + text.size() && text == std::to_string(value);
  for (const ModeInfo& m : kModes) {
    if (numeric ? m.value == value : (text == m.name || text == m.native || text == m.web)) {
      return &m;
    }
  }
  return nullptr;
}

size_t min_packet_size(Family f) {
  switch (f) {
    case Family::Ecb:
      return kHeaderSize;
    case Family::Xts:
      return kHeaderSize + kPacketIdSize;
    case Family::Gcm:
    case Family::Gcm2:
      return kHeaderSize + kPacketIdSize + kTagSize;
  }
  return kHeaderSize;
}

}  // namespace rtcseal::agora
