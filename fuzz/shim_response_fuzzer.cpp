// Hostile reply lines into the shim-protocol decoder, checked against fixed requests of every op;
// the first byte picks the request. A reply the decoder accepts must survive re-encoding: decoding
// what encode_response wrote gives the same line again.
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "shim_requests.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rtcseal;
  static const std::vector<shim::Request> requests = fuzz::shim_requests();
  auto choice = fuzz::split_choice(data, size);
  if (!choice) return 0;
  const auto& request = fuzz::pick(std::span<const shim::Request>(requests), choice->selector);
  const std::string_view line(reinterpret_cast<const char*>(choice->rest.data()),
                              choice->rest.size());
  auto response = shim::decode_response(line, request);
  if (!response.ok()) return 0;
  const std::string encoded = shim::encode_response(*response);
  auto again = shim::decode_response(encoded, request);
  if (!again.ok() || shim::encode_response(*again) != encoded) fuzz::property_broken();
  return 0;
}
