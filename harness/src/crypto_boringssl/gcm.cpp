// AES-GCM on BoringSSL's EVP_AEAD interface. An EVP_AEAD_CTX fixes its tag length when it is
// keyed, so one context is kept per tag length in use, keyed on first use (the schemes use only
// the 16-byte tag). BoringSSL's GCM AEAD takes any non-empty nonce, which covers the 8-byte nonce
// of the GCM paper's test case 5.
#include <openssl/aead.h>
#include <openssl/err.h>

#include <array>
#include <memory>
#include <utility>

#include "boringssl_support.h"
#include "checks.h"

namespace rtcseal::crypto {

namespace {

constexpr size_t kMaxTag = 16;

struct AeadCtxFree {
  void operator()(EVP_AEAD_CTX* c) const { EVP_AEAD_CTX_free(c); }
};
using AeadCtx = std::unique_ptr<EVP_AEAD_CTX, AeadCtxFree>;

}  // namespace

struct GcmKey::Impl {
  const EVP_AEAD* aead;
  SecretBytes key;                                // kept to key the contexts of other tag lengths
  std::array<AeadCtx, kMaxTag + 1> by_tag_len{};  // by_tag_len[n]: the context for n-byte tags

  // The context for `tag_len`, keyed now if this is its first use; nullptr if BoringSSL fails.
  EVP_AEAD_CTX* ctx(size_t tag_len) {
    AeadCtx& slot = by_tag_len[tag_len];
    if (!slot) slot.reset(EVP_AEAD_CTX_new(aead, key.data(), key.size(), tag_len));
    return slot.get();
  }
};

GcmKey::GcmKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GcmKey::GcmKey(GcmKey&&) noexcept = default;
GcmKey& GcmKey::operator=(GcmKey&&) noexcept = default;
GcmKey::~GcmKey() = default;

Result<GcmKey> GcmKey::create(ByteView key) {
  if (auto st = check_gcm_key(key); !st) return st.error();
  auto impl = std::make_unique<Impl>();
  impl->aead = key.size() == 16 ? EVP_aead_aes_128_gcm() : EVP_aead_aes_256_gcm();
  impl->key = secret_copy(key);
  // The full-tag context is keyed at once, so a bad key fails here and not on first use.
  if (impl->ctx(kMaxTag) == nullptr) return boringssl_failure("AES-GCM: cannot set the key");
  return GcmKey(std::move(impl));
}

Status GcmKey::seal_into(ByteView nonce, ByteView aad, ByteView plaintext, uint8_t* out,
                         size_t tag_len) const {
  if (!impl_) return fail(Err::ENCRYPT_INTERNAL, "GcmKey used after move");
  if (auto st = check_gcm_sizes(nonce, plaintext.size(), tag_len, Err::ENCRYPT_INTERNAL); !st) {
    return st;
  }
  EVP_AEAD_CTX* ctx = impl_->ctx(tag_len);
  size_t written_tag = 0;
  // The ciphertext goes to `out` and the tag right behind it: ciphertext || tag.
  if (ctx == nullptr ||
      EVP_AEAD_CTX_seal_scatter(ctx, out, out + plaintext.size(), &written_tag, tag_len,
                                nonce.data(), nonce.size(), plaintext.data(), plaintext.size(),
                                nullptr, 0, aad.data(), aad.size()) != 1 ||
      written_tag != tag_len) {
    return boringssl_failure("AES-GCM seal");
  }
  return {};
}

Status GcmKey::open_into(ByteView nonce, ByteView aad, ByteView ciphertext_and_tag, uint8_t* out,
                         size_t tag_len) const {
  if (!impl_) return fail(Err::DECRYPT_INTERNAL, "GcmKey used after move");
  if (auto st = check_gcm_open_sizes(nonce, ciphertext_and_tag, tag_len); !st) return st;
  EVP_AEAD_CTX* ctx = impl_->ctx(tag_len);
  if (ctx == nullptr) return boringssl_failure("AES-GCM open", Err::DECRYPT_INTERNAL);
  ByteView ct = ciphertext_and_tag.first(ciphertext_and_tag.size() - tag_len);
  ByteView tag = ciphertext_and_tag.last(tag_len);
  // open_gather compares the tag in constant time; a mismatch is its only failure for inputs that
  // passed the size checks above.
  if (EVP_AEAD_CTX_open_gather(ctx, out, nonce.data(), nonce.size(), ct.data(), ct.size(),
                               tag.data(), tag.size(), aad.data(), aad.size()) != 1) {
    ERR_clear_error();
    // Never hand back plaintext that failed authentication.
    if (!ct.empty()) wipe(out, ct.size());
    return fail(Err::AUTH_FAILED, "AES-GCM: the tag does not verify");
  }
  return {};
}

}  // namespace rtcseal::crypto
