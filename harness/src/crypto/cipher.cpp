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

// A context keyed for one direction, or nullptr with OpenSSL's reason in `why`.
CipherCtx keyed_ctx(const EVP_CIPHER* cipher, ByteView key, bool encrypt, std::string& why) {
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx || EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(), nullptr, encrypt) != 1) {
    why = openssl_reason();
    return nullptr;
  }
  // ECB takes whole blocks only; the other modes have no padding to switch off.
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  return ctx;
}

}  // namespace

// One keyed context per direction. The encrypt context can be missing while the decrypt one
// works: OpenSSL 3 refuses XTS encryption when K1 == K2 but still decrypts (IEEE 1619 vector 1),
// so that refusal is kept and reported by encrypt() instead of failing create().
struct CipherKey::Impl {
  Cipher cipher;
  CipherCtx enc;
  CipherCtx dec;
  std::string enc_error;
};

CipherKey::CipherKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CipherKey::CipherKey(CipherKey&&) noexcept = default;
CipherKey& CipherKey::operator=(CipherKey&&) noexcept = default;
CipherKey::~CipherKey() = default;

bool cipher_available(Cipher) {
  return true;  // Debian's OpenSSL 3 default provider has every cipher of the API
}

Result<CipherKey> CipherKey::create(Cipher cipher, ByteView key) {
  if (auto st = check_cipher_key(cipher, key); !st) return st.error();
  std::string name = cipher_name(cipher);
  // An explicit fetch keeps the per-call path free of implicit algorithm look-ups; each context
  // holds its own reference, so ours is released at once.
  std::unique_ptr<EVP_CIPHER, decltype(&EVP_CIPHER_free)> evp(
      EVP_CIPHER_fetch(nullptr, name.c_str(), nullptr), &EVP_CIPHER_free);
  if (!evp) return fail(Err::ENCRYPT_INTERNAL, name + ": unavailable: " + openssl_reason());
  auto impl = std::make_unique<Impl>();
  impl->cipher = cipher;
  std::string why;
  impl->dec = keyed_ctx(evp.get(), key, false, why);
  if (!impl->dec) return fail(Err::ENCRYPT_INTERNAL, name + ": cannot set the key: " + why);
  impl->enc = keyed_ctx(evp.get(), key, true, why);
  if (!impl->enc) impl->enc_error = name + ": encryption refused for this key: " + why;
  return CipherKey(std::move(impl));
}

namespace {

// Shared by both directions: size checks, IV re-init on the pre-keyed context, one update.
Status run(Cipher cipher, EVP_CIPHER_CTX* ctx, ByteView iv, ByteView in, uint8_t* out, Err code) {
  if (auto st = check_cipher_call(cipher, iv, in.size(), code); !st) return st;
  if (in.empty()) return {};
  // Only the IV changes per call; the key schedule stays from create().
  int len = 0;
  int tail = 0;
  if (EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, iv.empty() ? nullptr : iv.data(), -1) !=
          1 ||
      EVP_CipherUpdate(ctx, out, &len, in.data(), static_cast<int>(in.size())) != 1 ||
      EVP_CipherFinal_ex(ctx, out + len, &tail) != 1) {
    return fail(code, std::string(cipher_name(cipher)) + ": " + openssl_reason());
  }
  return {};
}

}  // namespace

Status CipherKey::encrypt_into(ByteView iv, ByteView in, uint8_t* out) const {
  if (!impl_) return fail(Err::ENCRYPT_INTERNAL, "CipherKey used after move");
  if (!impl_->enc) return fail(Err::ENCRYPT_INTERNAL, impl_->enc_error);
  return run(impl_->cipher, impl_->enc.get(), iv, in, out, Err::ENCRYPT_INTERNAL);
}

Status CipherKey::decrypt_into(ByteView iv, ByteView in, uint8_t* out) const {
  if (!impl_) return fail(Err::DECRYPT_INTERNAL, "CipherKey used after move");
  return run(impl_->cipher, impl_->dec.get(), iv, in, out, Err::DECRYPT_INTERNAL);
}

}  // namespace rtcseal::crypto
