#include <openssl/crypto.h>

#include "rtcseal/crypto.h"

namespace rtcseal::crypto {

// OPENSSL_cleanse writes through a volatile function pointer, so the store survives even when
// the buffer is freed straight afterwards (where a plain memset would be optimised away).
void wipe(void* data, size_t size) {
  if (size != 0) OPENSSL_cleanse(data, size);
}

}  // namespace rtcseal::crypto
