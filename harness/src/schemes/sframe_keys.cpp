// The SFrame key schedule: key and salt per KID (RFC 9605 §4.4.2), the nonce per frame (§4.4.3)
// and the sender-key ratchet step (§5.1).
#include <string_view>

#include "rtcseal/sframe.h"

namespace rtcseal::sframe {

namespace {

constexpr std::string_view kKeyLabel = "SFrame 1.0 Secret key ";
constexpr std::string_view kSaltLabel = "SFrame 1.0 Secret salt ";
constexpr std::string_view kRatchetLabel = "SFrame 1.0 Ratchet";

// label + BE8(kid) + BE2(suite): the KID in its full 8 bytes, not the header's compact form.
Bytes label(std::string_view prefix, const Suite& suite, uint64_t kid) {
  Bytes out(prefix.begin(), prefix.end());
  put_be(out, kid, 8);
  put_be(out, suite.id, 2);
  return out;
}

}  // namespace

Result<crypto::SecretBytes> extract_secret(const Suite& suite, ByteView base_key) {
  return crypto::hkdf_extract(suite.hash, {}, base_key);
}

Bytes key_label(const Suite& suite, uint64_t kid) {
  return label(kKeyLabel, suite, kid);
}

Bytes salt_label(const Suite& suite, uint64_t kid) {
  return label(kSaltLabel, suite, kid);
}

Result<KeySalt> derive(const Suite& suite, uint64_t kid, ByteView base_key) {
  RTCSEAL_TRY(crypto::SecretBytes secret, extract_secret(suite, base_key));
  KeySalt out;
  RTCSEAL_TRY(out.key, crypto::hkdf_expand(suite.hash, secret, key_label(suite, kid), suite.nk));
  RTCSEAL_TRY(out.salt, crypto::hkdf_expand(suite.hash, secret, salt_label(suite, kid), suite.nn));
  return out;
}

Nonce make_nonce(ByteView salt, uint64_t ctr) {
  Nonce nonce{};
  for (size_t i = 0; i < kNonceSize; ++i) {
    // The CTR occupies the last 8 bytes of the big-endian Nn-byte integer.
    const size_t from_end = kNonceSize - 1 - i;
    const uint8_t ctr_byte = from_end < 8 ? static_cast<uint8_t>(ctr >> (8 * from_end)) : 0;
    nonce[i] = static_cast<uint8_t>((i < salt.size() ? salt[i] : 0) ^ ctr_byte);
  }
  return nonce;
}

Result<crypto::SecretBytes> ratchet(const Suite& suite, ByteView base_key) {
  RTCSEAL_TRY(crypto::SecretBytes secret, extract_secret(suite, base_key));
  return crypto::hkdf_expand(suite.hash, secret, as_bytes(kRatchetLabel), suite.nh);
}

}  // namespace rtcseal::sframe
