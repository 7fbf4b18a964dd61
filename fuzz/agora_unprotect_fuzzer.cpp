// Hostile packets into agora-builtin's unprotect. The first byte picks the mode and the media
// kind; keys are derived once, so every input reaches the packet parser and the cipher.
#include <array>
#include <memory>

#include "rtcseal/agora_builtin.h"

namespace {

using namespace rtcseal;

std::array<std::unique_ptr<Context>, 8>& receivers() {
  static auto contexts = [] {
    std::array<std::unique_ptr<Context>, 8> out;
    for (const auto& m : agora::modes()) {
      Params p{{"mode", std::string(m.name)},
               {"key", "fuzzing key string, fixed so the fuzzer gets past configure"},
               {"salt", "X5w9T+50kzxVOnkJKiY/lUk82/bES2kATOt3vBuGEDw="},
               {"datastream", "true"}};
      auto ctx = agora::scheme().configure(p);
      if (!ctx.ok()) __builtin_trap();
      out[m.value - 1] = std::move(ctx).value();
    }
    return out;
  }();
  return contexts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  auto& ctx = *receivers()[data[0] % 8];
  Media media = static_cast<Media>((data[0] >> 3) % 3);
  auto result = ctx.unprotect({media, Codec::None, ByteView(data + 1, size - 1), {}});
  // A packet is either rejected with a canonical error or yields a payload no longer than itself.
  if (result.ok() && result->size() >= size) __builtin_trap();
  return 0;
}
