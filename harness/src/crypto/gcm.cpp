#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>
#include <string>
#include <utility>

#include "checks.h"
#include "openssl_support.h"
#include "rtcseal/crypto.h"

namespace rtcseal::crypto {
namespace {

constexpr size_t kDefaultNonceSize = 12;  // the IV length OpenSSL configures for GCM

CipherCtx keyed_ctx(const EVP_CIPHER* cipher, ByteView key, bool encrypt) {
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx || EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(), nullptr, encrypt) != 1) {
    return nullptr;
  }
  return ctx;
}

}  // namespace

// One keyed context per direction, plus the nonce length each is configured for, so the common
// 12-byte case never touches the IV-length control.
struct GcmKey::Impl {
  CipherCtx enc;
  CipherCtx dec;
  size_t enc_nonce_size = kDefaultNonceSize;
  size_t dec_nonce_size = kDefaultNonceSize;
};

GcmKey::GcmKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GcmKey::GcmKey(GcmKey&&) noexcept = default;
GcmKey& GcmKey::operator=(GcmKey&&) noexcept = default;
GcmKey::~GcmKey() = default;

Result<GcmKey> GcmKey::create(ByteView key) {
  if (auto st = check_gcm_key(key); !st) return st.error();
  const char* name = key.size() == 16 ? "AES-128-GCM" : "AES-256-GCM";
  std::unique_ptr<EVP_CIPHER, decltype(&EVP_CIPHER_free)> evp(
      EVP_CIPHER_fetch(nullptr, name, nullptr), &EVP_CIPHER_free);
  if (!evp) {
    return fail(Err::ENCRYPT_INTERNAL, std::string(name) + ": unavailable: " + openssl_reason());
  }
  auto impl = std::make_unique<Impl>();
  impl->enc = keyed_ctx(evp.get(), key, true);
  if (impl->enc) impl->dec = keyed_ctx(evp.get(), key, false);
  if (!impl->enc || !impl->dec) {
    return fail(Err::ENCRYPT_INTERNAL,
                std::string(name) + ": cannot set the key: " + openssl_reason());
  }
  return GcmKey(std::move(impl));
}

namespace {

// Re-inits a keyed context with a new nonce, changing the IV length first only when it differs.
bool set_nonce(EVP_CIPHER_CTX* ctx, size_t& configured, ByteView nonce) {
  if (nonce.size() != configured) {
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) !=
        1) {
      return false;
    }
    configured = nonce.size();
  }
  return EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data(), -1) == 1;
}

}  // namespace

Status GcmKey::seal_into(ByteView nonce, ByteView aad, ByteView plaintext, uint8_t* out,
                         size_t tag_len) const {
  if (!impl_) return fail(Err::ENCRYPT_INTERNAL, "GcmKey used after move");
  if (auto st = check_gcm_sizes(nonce, plaintext.size(), tag_len, Err::ENCRYPT_INTERNAL); !st) {
    return st;
  }
  EVP_CIPHER_CTX* ctx = impl_->enc.get();
  int len = 0;
  int tail = 0;
  bool ok = set_nonce(ctx, impl_->enc_nonce_size, nonce) &&
            (aad.empty() || EVP_EncryptUpdate(ctx, nullptr, &len, aad.data(),
                                              static_cast<int>(aad.size())) == 1) &&
            (plaintext.empty() || EVP_EncryptUpdate(ctx, out, &len, plaintext.data(),
                                                    static_cast<int>(plaintext.size())) == 1) &&
            EVP_EncryptFinal_ex(ctx, out + plaintext.size(), &tail) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(tag_len),
                                out + plaintext.size()) == 1;
  if (!ok) return openssl_failure("AES-GCM seal");
  return {};
}

Status GcmKey::open_into(ByteView nonce, ByteView aad, ByteView ciphertext_and_tag, uint8_t* out,
                         size_t tag_len) const {
  if (!impl_) return fail(Err::DECRYPT_INTERNAL, "GcmKey used after move");
  if (auto st = check_gcm_open_sizes(nonce, ciphertext_and_tag, tag_len); !st) return st;
  ByteView ct = ciphertext_and_tag.first(ciphertext_and_tag.size() - tag_len);
  ByteView tag = ciphertext_and_tag.last(tag_len);
  EVP_CIPHER_CTX* ctx = impl_->dec.get();
  int len = 0;
  bool ok = set_nonce(ctx, impl_->dec_nonce_size, nonce) &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag_len),
                                const_cast<uint8_t*>(tag.data())) == 1 &&
            (aad.empty() || EVP_DecryptUpdate(ctx, nullptr, &len, aad.data(),
                                              static_cast<int>(aad.size())) == 1) &&
            (ct.empty() ||
             EVP_DecryptUpdate(ctx, out, &len, ct.data(), static_cast<int>(ct.size())) == 1);
  if (!ok) return openssl_failure("AES-GCM open", Err::DECRYPT_INTERNAL);
  // The tag is compared (in constant time) inside the final call.
  int tail = 0;
  if (EVP_DecryptFinal_ex(ctx, out + ct.size(), &tail) != 1) {
    ERR_clear_error();
    // Never hand back plaintext that failed authentication.
    if (!ct.empty()) OPENSSL_cleanse(out, ct.size());
    return fail(Err::AUTH_FAILED, "AES-GCM: the tag does not verify");
  }
  return {};
}

}  // namespace rtcseal::crypto
