#include "openssl_support.h"

#include <openssl/err.h>

namespace rtcseal::crypto {

std::string openssl_reason() {
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  const char* reason = e != 0 ? ERR_reason_error_string(e) : nullptr;
  return reason ? reason : "no reason given";
}

Error openssl_failure(std::string what, Err code) {
  return fail(code, what + ": " + openssl_reason());
}

const char* digest_name(Hash h) {
  return h == Hash::Sha256 ? "SHA256" : "SHA512";
}

}  // namespace rtcseal::crypto
