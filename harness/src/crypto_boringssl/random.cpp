#include <openssl/rand.h>

#include <cstring>

#include "boringssl_support.h"

namespace rtcseal::crypto {

// BoringSSL's RAND_bytes takes a size_t and aborts rather than fail, so one call covers any size.
Result<Bytes> random_bytes(size_t n) {
  Bytes out(n);
  if (n != 0 && RAND_bytes(out.data(), n) != 1) return boringssl_failure("RAND_bytes");
  return out;
}

Result<uint64_t> random_u64() {
  uint8_t buf[sizeof(uint64_t)];
  if (RAND_bytes(buf, sizeof buf) != 1) return boringssl_failure("RAND_bytes");
  uint64_t v;
  std::memcpy(&v, buf, sizeof v);
  return v;
}

}  // namespace rtcseal::crypto
