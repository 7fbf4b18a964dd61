#include <openssl/hmac.h>

#include <memory>

#include "boringssl_support.h"

namespace rtcseal::crypto {

namespace {
struct HmacCtxFree {
  void operator()(HMAC_CTX* c) const { HMAC_CTX_free(c); }
};
}  // namespace

// A fresh HMAC_CTX per call: freeing it cleanses the keyed pads, so no key outlives the call.
Result<Bytes> hmac_concat(Hash h, ByteView key, std::span<const ByteView> parts) {
  const std::string what = std::string("HMAC-") + digest_name(h);
  std::unique_ptr<HMAC_CTX, HmacCtxFree> ctx(HMAC_CTX_new());
  if (!ctx) return boringssl_failure(what + " context");
  // A null key with a digest already set means "keep the old key" to HMAC_Init_ex, so an empty
  // key is passed as a real, zero-length buffer.
  static const uint8_t kNoBytes[1] = {};
  bool ok = HMAC_Init_ex(ctx.get(), key.empty() ? kNoBytes : key.data(), key.size(), digest(h),
                         nullptr) == 1;
  for (ByteView part : parts) ok = ok && HMAC_Update(ctx.get(), part.data(), part.size()) == 1;
  Bytes out(hash_size(h));
  unsigned out_len = 0;
  if (!ok || HMAC_Final(ctx.get(), out.data(), &out_len) != 1 || out_len != out.size()) {
    return boringssl_failure(what);
  }
  return out;
}

}  // namespace rtcseal::crypto
