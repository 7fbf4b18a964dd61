// rtcseal-boringssl: the built-in schemes on the BoringSSL crypto backend, served over shim
// protocol v1 on stdin and stdout (docs/shim-protocol.md, docs/boringssl.md). Modes whose cipher
// BoringSSL lacks (XTS, SM4) answer UNIMPLEMENTED.
#include <iostream>
#include <string>

#include "rtcseal/implementation.h"
#include "rtcseal/scheme.h"
#include "rtcseal/shim_server.h"

int main() {
  using namespace rtcseal;
  std::ios::sync_with_stdio(false);
  auto impl = make_reference_implementation();  // the registry, here linked to BoringSSL
  shim::Hello hello{"boringssl", RTCSEAL_VERSION, {}, {std::string(shim::kBatchFeature)}};
  for (const Scheme* scheme : all_schemes()) hello.schemes.emplace_back(scheme->name());
  shim::ShimServer server(*impl, std::move(hello));
  return shim::serve(server, std::cin, std::cout);
}
