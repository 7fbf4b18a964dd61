// What every file of the BoringSSL backend needs: the guard that these really are BoringSSL's
// headers (Debian's android-libboringssl-dev, not OpenSSL's), the error queue read once and
// cleared, and the digest of a Hash.
#pragma once

#include <openssl/is_boringssl.h>  // fails to compile against OpenSSL's headers
//
#include <openssl/digest.h>

#include <string>

#include "rtcseal/crypto.h"
#include "rtcseal/result.h"

namespace rtcseal::crypto {

// `what: <BoringSSL's reason>` carried by `code`; the error queue is left empty.
Error boringssl_failure(const std::string& what, Err code = Err::ENCRYPT_INTERNAL);

const EVP_MD* digest(Hash h);
const char* digest_name(Hash h);

}  // namespace rtcseal::crypto
