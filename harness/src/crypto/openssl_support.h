// Small pieces every file of the crypto layer needs from OpenSSL: the error queue, read once and
// cleared so a failure never leaks into a later call on the same thread; an owning cipher-context
// pointer; and the digest names the EVP_MAC/EVP_KDF parameters take.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>

#include "rtcseal/crypto.h"
#include "rtcseal/result.h"

namespace rtcseal::crypto {

// The oldest queued reason (e.g. "xts duplicated keys"), or "no reason given".
std::string openssl_reason();

// `what: <reason>` carried by `code`.
Error openssl_failure(std::string what, Err code = Err::ENCRYPT_INTERNAL);

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// "SHA256" or "SHA512", as OSSL_*_PARAM_DIGEST expects.
const char* digest_name(Hash h);

}  // namespace rtcseal::crypto
