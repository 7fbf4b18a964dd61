// rtcseal_bench: every benchmark family in one program, so one run prints every ratio table.
#include "bench_common.h"

int main(int argc, char** argv) {
  using namespace rtcseal::bench;
  register_agora();
  register_sframe();
  register_vonage();
  register_framecryptor();
  register_shim();
  return run_main(argc, argv);
}
