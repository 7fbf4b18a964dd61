// Hostile packets into sframe's unprotect: suites 1-5, with and without the sender-key ratchet. The
// first byte picks the lane (unprotect_families.cpp); keys are derived once, so every input reaches
// the packet parser.
#include "unprotect_families.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static rtcseal::fuzz::Receivers receivers(rtcseal::fuzz::sframe_family());
  return receivers.unprotect(data, size);
}
