// VP8 payload header length (RFC 6386 §9.1): the frame tag's bit 0 is 0 on key frames, whose
// 3-byte tag is followed by a 7-byte start code and dimensions.
#include "rtcseal/codecs.h"

namespace rtcseal::codecs {

std::optional<size_t> vp8_header_size(ByteView frame) {
  constexpr size_t kKeyFrameHeader = 10, kDeltaFrameHeader = 3;
  if (frame.empty()) return std::nullopt;
  const size_t size = (frame[0] & 1) == 0 ? kKeyFrameHeader : kDeltaFrameHeader;
  if (frame.size() < size) return std::nullopt;
  return size;
}

}  // namespace rtcseal::codecs
