// The legacy engine of vonage-e2ee, OpenTok.js 2.26 and earlier (docs/spec.md §4.5.2): the early
// SFrame of draft-omara-sframe-00 as the medooze/sframe library implements it (facts §2.3).
#include <string_view>

#include "rtcseal/big_endian.h"
#include "vonage_engine.h"

namespace rtcseal::vonage::detail {

namespace {

using crypto::SecretBytes;

// HKDF-SHA256 with the label as salt and an empty info, as lib/AesCm128HmacSha256EncryptionKey.js
// derives its three keys (medooze/sframe).
Result<SecretBytes> derive(ByteView k, std::string_view label, size_t length) {
  return crypto::hkdf(crypto::Hash::Sha256, as_bytes(label), k, {}, length);
}

class LegacyCrypto final : public EngineCrypto {
 public:
  LegacyCrypto(crypto::CipherKey cipher, SecretBytes salt, crypto::HmacKey auth)
      : EngineCrypto(std::move(cipher)), salt_(std::move(salt)), auth_(std::move(auth)) {}

  const HeaderLayout& header_layout() const override { return kLegacyHeader; }

  size_t tag_size(Media media) const override {
    return media == Media::Video ? kLegacyVideoTagSize : kLegacyAudioTagSize;
  }

  // medooze encrypts the whole frame and then copies the clear bytes in front of the header; the
  // receiver overwrites the decrypted copy with them.
  bool encrypts_clear_bytes() const override { return true; }

  // IV = (BE64(CTR) ‖ BE64(KID)) XOR salt, used whole as the 128-bit counter block (lib/IV.js).
  CounterBlock counter_block(uint64_t kid, uint64_t ctr) const override {
    CounterBlock b;
    store_be(b.data(), ctr, 8);
    store_be(b.data() + 8, kid, 8);
    for (size_t i = 0; i < b.size(); ++i) b[i] ^= salt_[i];
    return b;
  }

  // HMAC over header ‖ ciphertext only: the clear codec bytes are not authenticated.
  Status mac(const FrameParts& p, uint8_t* out) const override {
    if (!p.metadata.empty()) {
      return fail(Err::UNIMPLEMENTED, "the legacy engine authenticates no metadata");
    }
    const ByteView parts[] = {p.header, p.ciphertext};
    return auth_.mac_into(parts, out);
  }

 private:
  SecretBytes salt_;
  crypto::HmacKey auth_;
};

}  // namespace

Result<std::unique_ptr<EngineCrypto>> make_legacy_crypto(ByteView master_key) {
  RTCSEAL_TRY(SecretBytes salt, derive(master_key, "SFrameSaltKey", 16));
  RTCSEAL_TRY(SecretBytes enc, derive(master_key, "SFrameEncryptionKey", 16));
  RTCSEAL_TRY(SecretBytes auth, derive(master_key, "SFrameAuthenticationKey", 32));
  RTCSEAL_TRY(auto cipher, crypto::CipherKey::create(crypto::Cipher::Aes128Ctr, enc));
  RTCSEAL_TRY(auto mac, crypto::HmacKey::create(crypto::Hash::Sha256, auth));
  return std::unique_ptr<EngineCrypto>(
      new LegacyCrypto(std::move(cipher), std::move(salt), std::move(mac)));
}

}  // namespace rtcseal::vonage::detail
