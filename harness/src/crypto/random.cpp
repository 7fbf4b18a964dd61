#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>

#include "openssl_support.h"
#include "rtcseal/crypto.h"

namespace rtcseal::crypto {
Result<Bytes> random_bytes(size_t n) {
  Bytes out(n);
  // RAND_bytes takes an int length, so very large requests are filled in slices.
  for (size_t done = 0; done < n;) {
    int chunk = static_cast<int>(std::min<size_t>(n - done, INT_MAX));
    if (RAND_bytes(out.data() + done, chunk) != 1) return openssl_failure("RAND_bytes failed");
    done += static_cast<size_t>(chunk);
  }
  return out;
}

Result<uint64_t> random_u64() {
  unsigned char buf[sizeof(uint64_t)];
  if (RAND_bytes(buf, sizeof buf) != 1) return openssl_failure("RAND_bytes failed");
  uint64_t v;
  std::memcpy(&v, buf, sizeof v);
  return v;
}

}  // namespace rtcseal::crypto
