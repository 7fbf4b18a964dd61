// The cipher suites of RFC 9605: constants from §4.5 Table 1, identifiers from §8.1 Table 2.
#include "rtcseal/sframe.h"

namespace rtcseal::sframe {

namespace {

using crypto::Hash;

constexpr Suite kSuites[] = {
    {1, "AES_128_CTR_HMAC_SHA256_80", Hash::Sha256, 32, 16, 48, 12, 10, AeadKind::AesCtrHmac},
    {2, "AES_128_CTR_HMAC_SHA256_64", Hash::Sha256, 32, 16, 48, 12, 8, AeadKind::AesCtrHmac},
    {3, "AES_128_CTR_HMAC_SHA256_32", Hash::Sha256, 32, 16, 48, 12, 4, AeadKind::AesCtrHmac},
    {4, "AES_128_GCM_SHA256_128", Hash::Sha256, 32, 0, 16, 12, 16, AeadKind::AesGcm},
    {5, "AES_256_GCM_SHA512_128", Hash::Sha512, 64, 0, 32, 12, 16, AeadKind::AesGcm},
};

constexpr bool nonces_fit() {
  for (const Suite& s : kSuites) {
    if (s.nn != kNonceSize) return false;
  }
  return true;
}
static_assert(nonces_fit(), "Nonce is a fixed array of kNonceSize bytes");

}  // namespace

std::span<const Suite> suites() {
  return kSuites;
}

const Suite* find_suite(uint64_t id) {
  for (const Suite& s : kSuites) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace rtcseal::sframe
