#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>
#include <string>
#include <utility>

#include "openssl_support.h"
#include "rtcseal/crypto.h"

namespace rtcseal::crypto {
namespace {

struct MacCtxFree {
  void operator()(EVP_MAC_CTX* c) const { EVP_MAC_CTX_free(c); }
};
using MacCtx = std::unique_ptr<EVP_MAC_CTX, MacCtxFree>;

// A per-thread HMAC context with the digest set and no key. Each call duplicates and keys it, so
// the algorithm and digest are looked up by name once per thread instead of once per packet, and
// no key outlives the call (freeing a context cleanses it).
EVP_MAC_CTX* unkeyed_template(Hash h) {
  thread_local MacCtx templates[2];
  MacCtx& slot = templates[h == Hash::Sha256 ? 0 : 1];
  if (slot) return slot.get();
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac == nullptr) return nullptr;
  MacCtx ctx(EVP_MAC_CTX_new(mac));
  EVP_MAC_free(mac);  // the context holds its own reference
  if (!ctx) return nullptr;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest_name(h)), 0),
      OSSL_PARAM_construct_end()};
  if (EVP_MAC_CTX_set_params(ctx.get(), params) != 1) return nullptr;
  slot = std::move(ctx);
  return slot.get();
}

}  // namespace

bool ct_equal(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<Bytes> hmac_concat(Hash h, ByteView key, std::span<const ByteView> parts) {
  EVP_MAC_CTX* tmpl = unkeyed_template(h);
  if (tmpl == nullptr) return openssl_failure(std::string("HMAC-") + digest_name(h) + " setup");
  MacCtx ctx(EVP_MAC_CTX_dup(tmpl));
  if (!ctx) return openssl_failure("HMAC context copy");
  // A null key pointer means "keep the current key" to EVP_MAC_init; an empty key must still be
  // passed as a real (zero-length) key.
  static const unsigned char kNoBytes[1] = {};
  const unsigned char* k = key.empty() ? kNoBytes : key.data();
  Bytes out(hash_size(h));
  size_t out_len = 0;
  bool ok = EVP_MAC_init(ctx.get(), k, key.size(), nullptr) == 1;
  for (ByteView part : parts) {
    ok = ok && EVP_MAC_update(ctx.get(), part.data(), part.size()) == 1;
  }
  if (!ok || EVP_MAC_final(ctx.get(), out.data(), &out_len, out.size()) != 1) {
    return openssl_failure(std::string("HMAC-") + digest_name(h));
  }
  return out;
}

struct HmacKey::Impl {
  Hash hash;
  MacCtx ctx;  // keyed; freeing it cleanses the key schedule
};

HmacKey::HmacKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HmacKey::HmacKey(HmacKey&&) noexcept = default;
HmacKey& HmacKey::operator=(HmacKey&&) noexcept = default;
HmacKey::~HmacKey() = default;

Result<HmacKey> HmacKey::create(Hash h, ByteView key) {
  EVP_MAC_CTX* tmpl = unkeyed_template(h);
  if (tmpl == nullptr) return openssl_failure(std::string("HMAC-") + digest_name(h) + " setup");
  MacCtx ctx(EVP_MAC_CTX_dup(tmpl));
  static const unsigned char kNoBytes[1] = {};
  if (!ctx ||
      EVP_MAC_init(ctx.get(), key.empty() ? kNoBytes : key.data(), key.size(), nullptr) != 1) {
    return openssl_failure(std::string("HMAC-") + digest_name(h) + " key");
  }
  return HmacKey(std::make_unique<Impl>(Impl{h, std::move(ctx)}));
}

size_t HmacKey::size() const {
  return hash_size(impl_->hash);
}

Status HmacKey::mac_into(std::span<const ByteView> parts, uint8_t* out) const {
  if (!impl_) return fail(Err::ENCRYPT_INTERNAL, "HmacKey used after move");
  EVP_MAC_CTX* ctx = impl_->ctx.get();
  // A null key restarts the MAC with the key already set, skipping its schedule.
  bool ok = EVP_MAC_init(ctx, nullptr, 0, nullptr) == 1;
  for (ByteView part : parts) ok = ok && EVP_MAC_update(ctx, part.data(), part.size()) == 1;
  size_t out_len = 0;
  if (!ok || EVP_MAC_final(ctx, out, &out_len, size()) != 1) {
    return openssl_failure(std::string("HMAC-") + digest_name(impl_->hash));
  }
  return {};
}

}  // namespace rtcseal::crypto
