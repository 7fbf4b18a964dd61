// Hostile packets into vonage-e2ee's unprotect: the legacy and draft01 engines, every codec. The
// first byte picks the lane (unprotect_families.cpp); keys are derived once, so every input reaches
// the packet parser.
#include "unprotect_families.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static rtcseal::fuzz::Receivers receivers(rtcseal::fuzz::vonage_family());
  return receivers.unprotect(data, size);
}
