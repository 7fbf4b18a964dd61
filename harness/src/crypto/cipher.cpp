#include <openssl/err.h>
#include <openssl/evp.h>

#include <climits>
#include <memory>
#include <string>
#include <utility>

#include "openssl_support.h"
#include "rtcseal/crypto.h"

namespace rtcseal::crypto {
namespace {

const char* cipher_name(Cipher c) {
  switch (c) {
    case Cipher::Aes128Ecb:
      return "AES-128-ECB";
    case Cipher::Aes256Ecb:
      return "AES-256-ECB";
    case Cipher::Sm4Ecb:
      return "SM4-ECB";
    case Cipher::Aes128Xts:
      return "AES-128-XTS";
    case Cipher::Aes256Xts:
      return "AES-256-XTS";
    case Cipher::Aes128Ctr:
      return "AES-128-CTR";
    case Cipher::Aes256Ctr:
      return "AES-256-CTR";
  }
  return "unknown cipher";
}

bool is_ecb(Cipher c) {
  return c == Cipher::Aes128Ecb || c == Cipher::Aes256Ecb || c == Cipher::Sm4Ecb;
}
bool is_xts(Cipher c) {
  return c == Cipher::Aes128Xts || c == Cipher::Aes256Xts;
}

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

size_t cipher_key_size(Cipher c) {
  switch (c) {
    case Cipher::Aes128Ecb:
    case Cipher::Sm4Ecb:
    case Cipher::Aes128Ctr:
      return 16;
    case Cipher::Aes256Ecb:
    case Cipher::Aes128Xts:
    case Cipher::Aes256Ctr:
      return 32;
    case Cipher::Aes256Xts:
      return 64;
  }
  return 0;
}

size_t cipher_iv_size(Cipher c) {
  return is_ecb(c) ? 0 : 16;
}

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

Result<CipherKey> CipherKey::create(Cipher cipher, ByteView key) {
  std::string name = cipher_name(cipher);
  if (key.size() != cipher_key_size(cipher)) {
    return fail(Err::ENCRYPT_INTERNAL, name + ": key must be " +
                                           std::to_string(cipher_key_size(cipher)) +
                                           " bytes, got " + std::to_string(key.size()));
  }
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
// Messages are built only on failure, so the per-packet path allocates nothing.
Status run(Cipher cipher, EVP_CIPHER_CTX* ctx, ByteView iv, ByteView in, uint8_t* out, Err code) {
  auto bad = [&](const std::string& why) {
    return fail(code, std::string(cipher_name(cipher)) + ": " + why);
  };
  if (iv.size() != cipher_iv_size(cipher)) {
    return bad("iv must be " + std::to_string(cipher_iv_size(cipher)) + " bytes, got " +
               std::to_string(iv.size()));
  }
  if (is_ecb(cipher) && in.size() % 16 != 0) {
    return bad("input of " + std::to_string(in.size()) +
               " bytes is not a multiple of the 16-byte block");
  }
  if (is_xts(cipher) && in.size() < 16) {
    return bad("input of " + std::to_string(in.size()) +
               " bytes is shorter than one 16-byte block");
  }
  if (in.size() > INT_MAX)
    return bad("input of " + std::to_string(in.size()) + " bytes is too large");
  if (in.empty()) return {};
  // Only the IV changes per call; the key schedule stays from create().
  int len = 0;
  int tail = 0;
  if (EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, iv.empty() ? nullptr : iv.data(), -1) !=
          1 ||
      EVP_CipherUpdate(ctx, out, &len, in.data(), static_cast<int>(in.size())) != 1 ||
      EVP_CipherFinal_ex(ctx, out + len, &tail) != 1) {
    return bad(openssl_reason());
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

Result<Bytes> CipherKey::encrypt(ByteView iv, ByteView in) const {
  Bytes out(in.size());
  auto st = encrypt_into(iv, in, out.data());
  if (!st) return st.error();
  return out;
}

Result<Bytes> CipherKey::decrypt(ByteView iv, ByteView in) const {
  Bytes out(in.size());
  auto st = decrypt_into(iv, in, out.data());
  if (!st) return st.error();
  return out;
}

}  // namespace rtcseal::crypto
