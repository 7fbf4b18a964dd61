// The crypto backend a test binary runs on. The KAT sources are built twice: into rtcseal_tests on
// OpenSSL and into rtcseal_tests_boringssl on BoringSSL (RTCSEAL_CRYPTO_BORINGSSL). A cipher the
// backend lacks must answer UNIMPLEMENTED; the tests check that instead of dropping the case.
#pragma once

#include <gtest/gtest.h>

#include "rtcseal/crypto.h"

namespace rtcseal::crypto {

inline bool backend_has(Cipher c) {
#ifdef RTCSEAL_CRYPTO_BORINGSSL
  return c != Cipher::Sm4Ecb && c != Cipher::Aes128Xts && c != Cipher::Aes256Xts;
#else
  (void)c;
  return true;
#endif
}

// For a cipher the backend lacks: it says so, and create() with a well-sized key answers
// UNIMPLEMENTED.
inline void expect_unimplemented(Cipher c) {
  EXPECT_FALSE(cipher_available(c));
  auto key = CipherKey::create(c, Bytes(cipher_key_size(c), 1));
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().code, Err::UNIMPLEMENTED) << key.error().message;
}

}  // namespace rtcseal::crypto
