// Hostile packets into agora-builtin's unprotect: every mode, audio, video and data. The first byte
// picks the lane (unprotect_families.cpp); keys are derived once, so every input reaches the packet
// parser.
#include "unprotect_families.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static rtcseal::fuzz::Receivers receivers(rtcseal::fuzz::agora_family());
  return receivers.unprotect(data, size);
}
