// H.264 Annex B NAL unit boundaries, found the way libwebrtc's H264::FindNaluIndices finds them
// (docs/spec.md §6.2), so a frame splits exactly as LiveKit's C++ FrameCryptor splits it.
#include "rtcseal/codecs.h"

namespace rtcseal::codecs {

namespace {
constexpr uint8_t kTypeMask = 0x1f;
constexpr uint8_t kSliceNonIdr = 1, kSliceIdr = 5;
}  // namespace

std::vector<NalUnit> h264_nal_units(ByteView frame) {
  std::vector<NalUnit> units;
  // A start code at i needs frame[i..i+2] = 00 00 01 and a header byte at i+3.
  for (size_t i = 0; i + 3 < frame.size(); ++i) {
    if (frame[i] != 0 || frame[i + 1] != 0 || frame[i + 2] != 1) continue;
    // The zero before a 3-byte start code makes it the 4-byte form: it ends the previous unit.
    const size_t start = i > 0 && frame[i - 1] == 0 ? i - 1 : i;
    if (!units.empty()) units.back().size = start - units.back().offset;
    units.push_back({i + 3, frame.size() - (i + 3), 0});
    i += 2;  // the next start code cannot begin inside this one
  }
  for (NalUnit& u : units) {
    if (u.size > 0) u.type = frame[u.offset] & kTypeMask;
  }
  return units;
}

std::optional<size_t> h264_first_slice_offset(ByteView frame) {
  for (const NalUnit& u : h264_nal_units(frame)) {
    if (u.type == kSliceNonIdr || u.type == kSliceIdr) return u.offset;
  }
  return std::nullopt;
}

std::optional<size_t> h264_slice_prefix_size(ByteView frame) {
  constexpr size_t kSliceBytes = 2;  // the NAL header byte and the slice header's first byte
  auto slice = h264_first_slice_offset(frame);
  if (!slice || frame.size() - *slice < kSliceBytes) return std::nullopt;
  return *slice + kSliceBytes;
}

}  // namespace rtcseal::codecs
