// ECB and CTR on BoringSSL's AES_KEY API: the key schedule runs once in create(), and each call
// only walks blocks (ECB) or a fresh counter block (CTR). BoringSSL has no XTS and no SM4, so
// those ciphers answer UNIMPLEMENTED.
#include <openssl/aes.h>

#include <cstring>
#include <memory>
#include <utility>

#include "boringssl_support.h"
#include "checks.h"

namespace rtcseal::crypto {

namespace {
constexpr size_t kBlock = AES_BLOCK_SIZE;
}  // namespace

bool cipher_available(Cipher c) {
  return c != Cipher::Sm4Ecb && !is_xts(c);
}

// The schedules are wiped with the Impl: they are the key, expanded.
struct CipherKey::Impl {
  Cipher cipher;
  AES_KEY enc;
  AES_KEY dec;  // ECB only; CTR decrypts with the encryption schedule
  ~Impl() {
    wipe(&enc, sizeof enc);
    wipe(&dec, sizeof dec);
  }
};

CipherKey::CipherKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CipherKey::CipherKey(CipherKey&&) noexcept = default;
CipherKey& CipherKey::operator=(CipherKey&&) noexcept = default;
CipherKey::~CipherKey() = default;

Result<CipherKey> CipherKey::create(Cipher cipher, ByteView key) {
  if (!cipher_available(cipher)) {
    return fail(Err::UNIMPLEMENTED,
                std::string(cipher_name(cipher)) + ": BoringSSL has no XTS and no SM4");
  }
  if (auto st = check_cipher_key(cipher, key); !st) return st.error();
  auto impl = std::make_unique<Impl>();
  impl->cipher = cipher;
  const unsigned bits = static_cast<unsigned>(key.size() * 8);
  if (AES_set_encrypt_key(key.data(), bits, &impl->enc) != 0 ||
      (is_ecb(cipher) && AES_set_decrypt_key(key.data(), bits, &impl->dec) != 0)) {
    return fail(Err::ENCRYPT_INTERNAL, std::string(cipher_name(cipher)) + ": cannot set the key");
  }
  return CipherKey(std::move(impl));
}

namespace {

// `schedule` is the encryption one, except for ECB decryption.
Status run(Cipher cipher, const AES_KEY& schedule, bool encrypt, ByteView iv, ByteView in,
           uint8_t* out, Err code) {
  if (auto st = check_cipher_call(cipher, iv, in.size(), code); !st) return st;
  if (is_ecb(cipher)) {
    for (size_t at = 0; at < in.size(); at += kBlock) {
      AES_ecb_encrypt(in.data() + at, out + at, &schedule, encrypt ? AES_ENCRYPT : AES_DECRYPT);
    }
    return {};
  }
  // CTR: a local copy of the counter block, so calls never share keystream state.
  uint8_t counter[kBlock];
  uint8_t keystream[kBlock];
  unsigned used = 0;
  std::memcpy(counter, iv.data(), kBlock);
  if (!in.empty())
    AES_ctr128_encrypt(in.data(), out, in.size(), &schedule, counter, keystream, &used);
  wipe(keystream, sizeof keystream);
  return {};
}

}  // namespace

Status CipherKey::encrypt_into(ByteView iv, ByteView in, uint8_t* out) const {
  if (!impl_) return fail(Err::ENCRYPT_INTERNAL, "CipherKey used after move");
  return run(impl_->cipher, impl_->enc, true, iv, in, out, Err::ENCRYPT_INTERNAL);
}

Status CipherKey::decrypt_into(ByteView iv, ByteView in, uint8_t* out) const {
  if (!impl_) return fail(Err::DECRYPT_INTERNAL, "CipherKey used after move");
  const AES_KEY& schedule = is_ecb(impl_->cipher) ? impl_->dec : impl_->enc;
  return run(impl_->cipher, schedule, false, iv, in, out, Err::DECRYPT_INTERNAL);
}

}  // namespace rtcseal::crypto
