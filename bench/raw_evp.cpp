#include "raw_evp.h"

#include <openssl/core_names.h>

#include <string_view>

namespace rtcseal::bench {

namespace {

using CipherPtr = std::unique_ptr<EVP_CIPHER, decltype(&EVP_CIPHER_free)>;

std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> keyed(const EVP_CIPHER* cipher, ByteView key,
                                                     int encrypt) {
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  if (!ctx || EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(), nullptr, encrypt) != 1) {
    return nullptr;
  }
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  return ctx;
}

bool run(EVP_CIPHER_CTX* ctx, const uint8_t* iv, ByteView in, uint8_t* out) {
  int len = 0, tail = 0;
  return EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, iv, -1) == 1 &&
         EVP_CipherUpdate(ctx, out, &len, in.data(), static_cast<int>(in.size())) == 1 &&
         EVP_CipherFinal_ex(ctx, out + len, &tail) == 1;
}

}  // namespace

RawCipher::RawCipher(const char* name, ByteView key) {
  CipherPtr cipher(EVP_CIPHER_fetch(nullptr, name, nullptr), &EVP_CIPHER_free);
  if (!cipher || key.size() != static_cast<size_t>(EVP_CIPHER_get_key_length(cipher.get()))) {
    return;
  }
  enc_ = keyed(cipher.get(), key, 1);
  dec_ = keyed(cipher.get(), key, 0);
}

bool RawCipher::encrypt(const uint8_t* iv, ByteView in, uint8_t* out) const {
  return run(enc_.get(), iv, in, out);
}

bool RawCipher::decrypt(const uint8_t* iv, ByteView in, uint8_t* out) const {
  return run(dec_.get(), iv, in, out);
}

bool RawCipher::seal(const uint8_t* iv, ByteView aad, ByteView in, uint8_t* out, uint8_t* tag,
                     size_t tag_len) const {
  EVP_CIPHER_CTX* c = enc_.get();
  int len = 0, tail = 0;
  return EVP_EncryptInit_ex(c, nullptr, nullptr, nullptr, iv) == 1 &&
         EVP_EncryptUpdate(c, nullptr, &len, aad.data(), static_cast<int>(aad.size())) == 1 &&
         EVP_EncryptUpdate(c, out, &len, in.data(), static_cast<int>(in.size())) == 1 &&
         EVP_EncryptFinal_ex(c, out + len, &tail) == 1 &&
         EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, static_cast<int>(tag_len), tag) == 1;
}

bool RawCipher::open(const uint8_t* iv, ByteView aad, ByteView in, const uint8_t* tag,
                     size_t tag_len, uint8_t* out) const {
  EVP_CIPHER_CTX* c = dec_.get();
  int len = 0, tail = 0;
  return EVP_DecryptInit_ex(c, nullptr, nullptr, nullptr, iv) == 1 &&
         EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag_len),
                             const_cast<uint8_t*>(tag)) == 1 &&
         EVP_DecryptUpdate(c, nullptr, &len, aad.data(), static_cast<int>(aad.size())) == 1 &&
         EVP_DecryptUpdate(c, out, &len, in.data(), static_cast<int>(in.size())) == 1 &&
         EVP_DecryptFinal_ex(c, out + len, &tail) == 1;  // verifies the tag
}

bool gcm_round_trip_keyed_per_frame(const char* name, ByteView key, const uint8_t* iv, ByteView aad,
                                    ByteView in, uint8_t* ct, uint8_t* tag, size_t tag_len,
                                    uint8_t* out) {
  const EVP_CIPHER* cipher =
      std::string_view(name) == "AES-128-GCM" ? EVP_aes_128_gcm() : EVP_aes_256_gcm();
  int len = 0, tail = 0;
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> e(EVP_CIPHER_CTX_new());
  if (!e || EVP_EncryptInit(e.get(), cipher, key.data(), iv) != 1 ||
      EVP_EncryptUpdate(e.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(e.get(), ct, &len, in.data(), static_cast<int>(in.size())) != 1 ||
      EVP_EncryptFinal(e.get(), ct + len, &tail) != 1 ||
      EVP_CIPHER_CTX_ctrl(e.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(tag_len), tag) != 1) {
    return false;
  }
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> d(EVP_CIPHER_CTX_new());
  return d && EVP_DecryptInit(d.get(), cipher, key.data(), iv) == 1 &&
         EVP_CIPHER_CTX_ctrl(d.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag_len), tag) == 1 &&
         EVP_DecryptUpdate(d.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())) == 1 &&
         EVP_DecryptUpdate(d.get(), out, &len, ct, static_cast<int>(in.size())) == 1 &&
         EVP_DecryptFinal(d.get(), out + len, &tail) == 1;
}

RawHmac::RawHmac(const char* digest, ByteView key) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac == nullptr) return;
  ctx_.reset(EVP_MAC_CTX_new(mac));
  EVP_MAC_free(mac);  // the context holds its own reference
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
      OSSL_PARAM_construct_end()};
  if (!ctx_ || EVP_MAC_init(ctx_.get(), key.data(), key.size(), params) != 1) {
    ctx_.reset();
    return;
  }
  size_ = EVP_MAC_CTX_get_mac_size(ctx_.get());
}

bool RawHmac::mac(std::span<const ByteView> parts, uint8_t* out) const {
  // A null key re-initialises with the key already set, skipping the key schedule.
  bool ok = EVP_MAC_init(ctx_.get(), nullptr, 0, nullptr) == 1;
  for (ByteView p : parts) ok = ok && EVP_MAC_update(ctx_.get(), p.data(), p.size()) == 1;
  size_t len = 0;
  return ok && EVP_MAC_final(ctx_.get(), out, &len, size_) == 1;
}

}  // namespace rtcseal::bench
