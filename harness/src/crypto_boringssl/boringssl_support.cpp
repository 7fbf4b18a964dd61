#include "boringssl_support.h"

#include <openssl/err.h>

namespace rtcseal::crypto {

Error boringssl_failure(const std::string& what, Err code) {
  uint32_t e = ERR_get_error();
  ERR_clear_error();
  const char* reason = e != 0 ? ERR_reason_error_string(e) : nullptr;
  return fail(code, what + ": " + (reason ? reason : "no reason given"));
}

const EVP_MD* digest(Hash h) {
  return h == Hash::Sha256 ? EVP_sha256() : EVP_sha512();
}

const char* digest_name(Hash h) {
  return h == Hash::Sha256 ? "SHA256" : "SHA512";
}

}  // namespace rtcseal::crypto
