#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <array>
#include <memory>
#include <string>

#include "checks.h"
#include "openssl_support.h"
#include "rtcseal/crypto.h"

namespace rtcseal::crypto {
namespace {

struct KdfCtxFree {
  void operator()(EVP_KDF_CTX* c) const { EVP_KDF_CTX_free(c); }
};
using KdfCtx = std::unique_ptr<EVP_KDF_CTX, KdfCtxFree>;

const EVP_MD* digest(Hash h) {
  return h == Hash::Sha256 ? EVP_sha256() : EVP_sha512();
}

// OSSL_PARAM octet strings and the PKCS5 call treat a null pointer as "absent" rather than
// "empty", so empty inputs are passed as a valid pointer with length zero.
const unsigned char* nonnull(ByteView v) {
  static const unsigned char kNoBytes[1] = {};
  return v.empty() ? kNoBytes : v.data();
}

OSSL_PARAM octets(const char* name, ByteView v) {
  return OSSL_PARAM_construct_octet_string(name, const_cast<unsigned char*>(nonnull(v)), v.size());
}

// One HKDF step through EVP_KDF; `mode` is EXTRACT_ONLY or EXPAND_ONLY.
Result<SecretBytes> run_hkdf(Hash h, int mode, ByteView key, ByteView salt_or_info, size_t length,
                             const char* step) {
  std::string what = std::string("HKDF-") + digest_name(h) + " " + step;
  EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
  if (kdf == nullptr) return openssl_failure(what);
  KdfCtx ctx(EVP_KDF_CTX_new(kdf));
  EVP_KDF_free(kdf);  // the context holds its own reference
  if (!ctx) return openssl_failure(what);
  bool extract = mode == EVP_KDF_HKDF_MODE_EXTRACT_ONLY;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode),
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char*>(digest_name(h)), 0),
      octets(OSSL_KDF_PARAM_KEY, key),
      octets(extract ? OSSL_KDF_PARAM_SALT : OSSL_KDF_PARAM_INFO, salt_or_info),
      OSSL_PARAM_construct_end()};
  SecretBytes out(length);
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) {
    return openssl_failure(what);
  }
  return out;
}

}  // namespace

Result<SecretBytes> hkdf_extract(Hash h, ByteView salt, ByteView ikm) {
  // RFC 5869 §2.2: an absent salt is HashLen zero bytes. OpenSSL 3.0 drops a zero-length salt
  // parameter and only lands on the same PRK because HMAC zero-pads short keys; the zeros are
  // spelt out so the RFC rule does not hang on that.
  std::array<uint8_t, 64> zeros{};
  if (salt.empty()) salt = ByteView(zeros.data(), hash_size(h));
  return run_hkdf(h, EVP_KDF_HKDF_MODE_EXTRACT_ONLY, ikm, salt, hash_size(h), "extract");
}

Result<SecretBytes> hkdf_expand(Hash h, ByteView prk, ByteView info, size_t length) {
  if (auto st = check_hkdf_expand_length(h, length); !st) return st.error();
  if (length == 0) return SecretBytes{};  // EVP_KDF rejects a zero-length output
  return run_hkdf(h, EVP_KDF_HKDF_MODE_EXPAND_ONLY, prk, info, length, "expand");
}

Result<SecretBytes> hkdf(Hash h, ByteView salt, ByteView ikm, ByteView info, size_t length) {
  auto prk = hkdf_extract(h, salt, ikm);
  if (!prk) return prk.error();
  return hkdf_expand(h, *prk, info, length);
}

Result<SecretBytes> pbkdf2(Hash h, ByteView password, ByteView salt, uint32_t iterations,
                           size_t length) {
  if (auto st = check_pbkdf2(iterations, password.size(), salt.size(), length); !st) {
    return st.error();
  }
  if (length == 0) return SecretBytes{};
  SecretBytes out(length);
  if (PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(nonnull(password)),
                        static_cast<int>(password.size()), nonnull(salt),
                        static_cast<int>(salt.size()), static_cast<int>(iterations), digest(h),
                        static_cast<int>(length), out.data()) != 1) {
    return openssl_failure(std::string("PBKDF2-HMAC-") + digest_name(h));
  }
  return out;
}

}  // namespace rtcseal::crypto
