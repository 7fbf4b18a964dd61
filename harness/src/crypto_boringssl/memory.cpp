// Wiping and constant-time comparison, from BoringSSL's own helpers.
#include <openssl/mem.h>

#include "boringssl_support.h"

namespace rtcseal::crypto {

// OPENSSL_cleanse is an opaque call to the compiler, so the store survives a free right after.
void wipe(void* data, size_t size) {
  if (size != 0) OPENSSL_cleanse(data, size);
}

bool ct_equal(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace rtcseal::crypto
