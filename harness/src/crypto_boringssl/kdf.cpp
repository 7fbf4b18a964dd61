#include <openssl/evp.h>
#include <openssl/hkdf.h>

#include "boringssl_support.h"
#include "checks.h"

namespace rtcseal::crypto {

namespace {

// RFC 5869 §2.2: an absent salt is HashLen zero bytes, spelt out rather than left to HMAC's
// zero-padding of short keys.
ByteView salt_or_zeros(Hash h, ByteView salt) {
  static constexpr uint8_t kZeros[64] = {};
  return salt.empty() ? ByteView(kZeros, hash_size(h)) : salt;
}

}  // namespace

Result<SecretBytes> hkdf_extract(Hash h, ByteView salt, ByteView ikm) {
  salt = salt_or_zeros(h, salt);
  SecretBytes prk(hash_size(h));
  size_t prk_len = 0;
  if (HKDF_extract(prk.data(), &prk_len, digest(h), ikm.data(), ikm.size(), salt.data(),
                   salt.size()) != 1 ||
      prk_len != prk.size()) {
    return boringssl_failure(std::string("HKDF-") + digest_name(h) + " extract");
  }
  return prk;
}

Result<SecretBytes> hkdf_expand(Hash h, ByteView prk, ByteView info, size_t length) {
  if (auto st = check_hkdf_expand_length(h, length); !st) return st.error();
  SecretBytes out(length);
  if (length != 0 && HKDF_expand(out.data(), length, digest(h), prk.data(), prk.size(), info.data(),
                                 info.size()) != 1) {
    return boringssl_failure(std::string("HKDF-") + digest_name(h) + " expand");
  }
  return out;
}

// BoringSSL's one-shot HKDF: extract then expand in one call.
Result<SecretBytes> hkdf(Hash h, ByteView salt, ByteView ikm, ByteView info, size_t length) {
  if (auto st = check_hkdf_expand_length(h, length); !st) return st.error();
  salt = salt_or_zeros(h, salt);
  SecretBytes out(length);
  if (length != 0 && HKDF(out.data(), length, digest(h), ikm.data(), ikm.size(), salt.data(),
                          salt.size(), info.data(), info.size()) != 1) {
    return boringssl_failure(std::string("HKDF-") + digest_name(h));
  }
  return out;
}

Result<SecretBytes> pbkdf2(Hash h, ByteView password, ByteView salt, uint32_t iterations,
                           size_t length) {
  if (auto st = check_pbkdf2(iterations, password.size(), salt.size(), length); !st) {
    return st.error();
  }
  SecretBytes out(length);
  if (length != 0 &&
      PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(password.data()), password.size(),
                        salt.data(), salt.size(), iterations, digest(h), length, out.data()) != 1) {
    return boringssl_failure(std::string("PBKDF2-HMAC-") + digest_name(h));
  }
  return out;
}

}  // namespace rtcseal::crypto
