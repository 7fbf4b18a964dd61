// The draft01 engine of vonage-e2ee, OpenTok.js 2.27 and later (docs/spec.md §4.5.3):
// draft-ietf-sframe-enc-01 with the suite AES_CTR_128_HMAC_SHA256_80 (facts §2.3).
#include <array>
#include <string_view>

#include "rtcseal/big_endian.h"
#include "vonage_engine.h"

namespace rtcseal::vonage::detail {

namespace {

using crypto::Hash;
using crypto::SecretBytes;

constexpr size_t kNk = 16, kNn = 12, kNh = 32;  // the draft's ciphersuite table

// HKDF-Extract with the draft's label as salt and the key as input keying material, the reading
// of the draft authors' own test-vector generator (sframe-wg/sframe known-answer-test.go).
Result<SecretBytes> extract(std::string_view label, ByteView key) {
  return crypto::hkdf_extract(Hash::Sha256, as_bytes(label), key);
}

Result<SecretBytes> expand(ByteView prk, std::string_view label, size_t length) {
  return crypto::hkdf_expand(Hash::Sha256, prk, as_bytes(label), length);
}

class Draft01Crypto final : public EngineCrypto {
 public:
  Draft01Crypto(crypto::CipherKey cipher, SecretBytes salt, crypto::HmacKey auth)
      : EngineCrypto(std::move(cipher)), salt_(std::move(salt)), auth_(std::move(auth)) {}

  const HeaderLayout& header_layout() const override { return kDraft01Header; }

  size_t tag_size(Media) const override { return kDraft01TagSize; }

  bool encrypts_clear_bytes() const override { return false; }

  // "Encryption": nonce = sframe_salt XOR BE96(CTR); AES-CTR starts at nonce ‖ 00000000.
  CounterBlock counter_block(uint64_t, uint64_t ctr) const override {
    CounterBlock b{};
    for (size_t i = 0; i < kNn; ++i) b[i] = salt_[i];
    for (size_t i = 0; i < 8; ++i) b[kNn - 1 - i] ^= static_cast<uint8_t>(ctr >> (8 * i));
    return b;
  }

  // "AES-CTR with SHA2", compute_tag: HMAC(auth_key, BE64(len aad) ‖ BE64(len ct) ‖ nonce ‖ aad ‖
  // ct), where aad = header ‖ clear codec bytes ‖ metadata.
  Status mac(const FrameParts& p, uint8_t* out) const override {
    std::array<uint8_t, 16> lengths;
    const uint64_t aad_len = p.header.size() + p.clear.size() + p.metadata.size();
    store_be(lengths.data(), aad_len, 8);
    store_be(lengths.data() + 8, p.ciphertext.size(), 8);
    const ByteView parts[] = {
        lengths, ByteView(p.block).first(kNn), p.header, p.clear, p.metadata, p.ciphertext};
    return auth_.mac_into(parts, out);
  }

 private:
  SecretBytes salt_;
  crypto::HmacKey auth_;
};

}  // namespace

Result<std::unique_ptr<EngineCrypto>> make_draft01_crypto(ByteView master_key) {
  // "Key Derivation", then derive_subkeys of "AES-CTR with SHA2".
  RTCSEAL_TRY(SecretBytes secret, extract("SFrame10", master_key));
  RTCSEAL_TRY(SecretBytes sframe_key, expand(secret, "key", kNk));
  RTCSEAL_TRY(SecretBytes salt, expand(secret, "salt", kNn));
  RTCSEAL_TRY(SecretBytes aead_secret, extract("SFrame10 AES CTR AEAD", sframe_key));
  RTCSEAL_TRY(SecretBytes enc, expand(aead_secret, "enc", kNk));
  RTCSEAL_TRY(SecretBytes auth, expand(aead_secret, "auth", kNh));
  RTCSEAL_TRY(auto cipher, crypto::CipherKey::create(crypto::Cipher::Aes128Ctr, enc));
  RTCSEAL_TRY(auto mac, crypto::HmacKey::create(Hash::Sha256, auth));
  return std::unique_ptr<EngineCrypto>(
      new Draft01Crypto(std::move(cipher), std::move(salt), std::move(mac)));
}

}  // namespace rtcseal::vonage::detail
