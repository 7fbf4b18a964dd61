// RBSP emulation prevention (H.264 §7.4.1), byte for byte as libwebrtc's H264::WriteRbsp and
// H264::ParseRbsp do it (docs/spec.md §6.3).
#include "rtcseal/codecs.h"

namespace rtcseal::codecs {

namespace {
constexpr uint8_t kEmulationByte = 0x03;
}  // namespace

void rbsp_escape_append(ByteView data, Bytes& out) {
  out.reserve(out.size() + data.size() + data.size() / 2);
  size_t zeros = 0;
  for (uint8_t b : data) {
    if (zeros >= 2 && b <= kEmulationByte) {
      out.push_back(kEmulationByte);
      zeros = 0;
    }
    out.push_back(b);
    zeros = b == 0 ? zeros + 1 : 0;
  }
}

void rbsp_unescape_append(ByteView data, Bytes& out) {
  out.reserve(out.size() + data.size());
  for (size_t i = 0; i < data.size();) {
    if (data.size() - i >= 3 && data[i] == 0 && data[i + 1] == 0 && data[i + 2] == kEmulationByte) {
      out.push_back(0);
      out.push_back(0);
      i += 3;
    } else {
      out.push_back(data[i++]);
    }
  }
}

Bytes rbsp_escape(ByteView data) {
  Bytes out;
  rbsp_escape_append(data, out);
  return out;
}

Bytes rbsp_unescape(ByteView data) {
  Bytes out;
  rbsp_unescape_append(data, out);
  return out;
}

}  // namespace rtcseal::codecs
