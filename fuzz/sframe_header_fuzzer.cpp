// Hostile bytes into the RFC 9605 header decoder. RFC 9605 demands the minimal encoding, so any
// header the decoder accepts must be exactly what the encoder writes for its KID and CTR.
#include <algorithm>

#include "fuzz_support.h"
#include "rtcseal/sframe.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rtcseal;
  auto header = sframe::parse_header(ByteView(data, size));
  if (!header.ok()) return 0;
  if (header->size > size || header->size > sframe::kMaxHeaderSize) fuzz::property_broken();
  Bytes encoded = sframe::encode_header(header->kid, header->ctr);
  if (!std::equal(encoded.begin(), encoded.end(), data, data + header->size)) {
    fuzz::property_broken();
  }
  return 0;
}
