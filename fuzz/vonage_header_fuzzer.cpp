// Hostile bytes into the header decoder of both vonage-e2ee engines; the first byte picks the
// layout (legacy or draft-01). Neither draft demands minimal lengths, so the check is that an
// accepted header stays inside the input and its fields survive an encode/decode round trip.
#include <array>

#include "fuzz_support.h"
#include "vonage_header.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rtcseal;
  using namespace rtcseal::vonage::detail;
  static constexpr std::array<HeaderLayout, 2> kLayouts = {kLegacyHeader, kDraft01Header};
  auto choice = fuzz::split_choice(data, size);
  if (!choice) return 0;
  const HeaderLayout& layout =
      fuzz::pick(std::span<const HeaderLayout>(kLayouts), choice->selector);
  auto header = parse_header(layout, choice->rest);
  if (!header.ok()) return 0;
  const uint64_t max = max_field_value(layout);
  if (header->size > choice->rest.size() || header->size > kMaxHeaderSize || header->kid > max ||
      header->ctr > max) {
    fuzz::property_broken();
  }
  HeaderBytes bytes{};
  const size_t written = write_header(layout, header->kid, header->ctr, bytes);
  auto again = parse_header(layout, ByteView(bytes.data(), written));
  if (!again.ok() || again->kid != header->kid || again->ctr != header->ctr ||
      again->size != written) {
    fuzz::property_broken();
  }
  return 0;
}
