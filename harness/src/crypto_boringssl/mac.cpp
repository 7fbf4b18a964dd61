#include <openssl/hmac.h>

#include <memory>

#include "boringssl_support.h"

namespace rtcseal::crypto {

namespace {
struct HmacCtxFree {
  void operator()(HMAC_CTX* c) const { HMAC_CTX_free(c); }
};
using HmacCtx = std::unique_ptr<HMAC_CTX, HmacCtxFree>;

// A null key with a digest already set means "keep the old key" to HMAC_Init_ex, so an empty
// key is passed as a real, zero-length buffer.
const uint8_t* key_bytes(ByteView key) {
  static const uint8_t kNoBytes[1] = {};
  return key.empty() ? kNoBytes : key.data();
}
}  // namespace

// A fresh HMAC_CTX per call: freeing it cleanses the keyed pads, so no key outlives the call.
Result<Bytes> hmac_concat(Hash h, ByteView key, std::span<const ByteView> parts) {
  const std::string what = std::string("HMAC-") + digest_name(h);
  HmacCtx ctx(HMAC_CTX_new());
  if (!ctx) return boringssl_failure(what + " context");
  bool ok = HMAC_Init_ex(ctx.get(), key_bytes(key), key.size(), digest(h), nullptr) == 1;
  for (ByteView part : parts) ok = ok && HMAC_Update(ctx.get(), part.data(), part.size()) == 1;
  Bytes out(hash_size(h));
  unsigned out_len = 0;
  if (!ok || HMAC_Final(ctx.get(), out.data(), &out_len) != 1 || out_len != out.size()) {
    return boringssl_failure(what);
  }
  return out;
}

struct HmacKey::Impl {
  Hash hash;
  HmacCtx ctx;  // keyed; HMAC_CTX_free cleanses the pads
};

HmacKey::HmacKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HmacKey::HmacKey(HmacKey&&) noexcept = default;
HmacKey& HmacKey::operator=(HmacKey&&) noexcept = default;
HmacKey::~HmacKey() = default;

Result<HmacKey> HmacKey::create(Hash h, ByteView key) {
  const std::string what = std::string("HMAC-") + digest_name(h);
  HmacCtx ctx(HMAC_CTX_new());
  if (!ctx || HMAC_Init_ex(ctx.get(), key_bytes(key), key.size(), digest(h), nullptr) != 1) {
    return boringssl_failure(what + " key");
  }
  return HmacKey(std::make_unique<Impl>(Impl{h, std::move(ctx)}));
}

size_t HmacKey::size() const {
  return hash_size(impl_->hash);
}

Status HmacKey::mac_into(std::span<const ByteView> parts, uint8_t* out) const {
  if (!impl_) return fail(Err::ENCRYPT_INTERNAL, "HmacKey used after move");
  HMAC_CTX* ctx = impl_->ctx.get();
  // A null key and digest restart the MAC under the key already set, skipping its schedule.
  bool ok = HMAC_Init_ex(ctx, nullptr, 0, nullptr, nullptr) == 1;
  for (ByteView part : parts) ok = ok && HMAC_Update(ctx, part.data(), part.size()) == 1;
  unsigned out_len = 0;
  if (!ok || HMAC_Final(ctx, out, &out_len) != 1 || out_len != size()) {
    return boringssl_failure(std::string("HMAC-") + digest_name(impl_->hash));
  }
  return {};
}

}  // namespace rtcseal::crypto
