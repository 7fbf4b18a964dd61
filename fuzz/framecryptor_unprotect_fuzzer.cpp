// Hostile packets into framecryptor's unprotect: LiveKit and Jitsi, every media and codec (H.264
// reaches the NAL unit and RBSP code). The first byte picks the lane (unprotect_families.cpp);
// keys are derived once, so every input reaches the packet parser.
#include "unprotect_families.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static rtcseal::fuzz::Receivers receivers(rtcseal::fuzz::framecryptor_family());
  return receivers.unprotect(data, size);
}
