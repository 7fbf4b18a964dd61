// Hostile frames into the codec helpers every frame-level scheme relies on (VP8 payload header,
// H.264 NAL units, RBSP escaping). Each result must stay inside the frame, and RBSP escaping must
// be undone exactly by unescaping.
#include <algorithm>

#include "fuzz_support.h"
#include "rtcseal/codecs.h"

namespace {

using namespace rtcseal;

// After escaping, 00 00 is never followed by 00, 01 or 02: that is what escaping is for.
bool start_code_free(const Bytes& escaped) {
  for (size_t i = 2; i < escaped.size(); ++i) {
    if (escaped[i - 2] == 0 && escaped[i - 1] == 0 && escaped[i] <= 2) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView frame(data, size);
  if (auto n = codecs::vp8_header_size(frame); n && *n > size) fuzz::property_broken();

  size_t end = 0;
  for (const codecs::NalUnit& nal : codecs::h264_nal_units(frame)) {
    if (nal.offset < end || nal.offset > size || nal.size > size - nal.offset) {
      fuzz::property_broken();
    }
    end = nal.offset + nal.size;
  }
  if (auto n = codecs::h264_slice_prefix_size(frame); n && *n > size) fuzz::property_broken();

  const Bytes escaped = codecs::rbsp_escape(frame);
  const Bytes unescaped = codecs::rbsp_unescape(escaped);
  if (!start_code_free(escaped) || unescaped.size() != size ||
      !std::equal(unescaped.begin(), unescaped.end(), data)) {
    fuzz::property_broken();
  }
  // Unescaping hostile input may drop bytes, never add them.
  if (codecs::rbsp_unescape(frame).size() > size) fuzz::property_broken();
  return 0;
}
