// What a frame-level scheme must leave in the clear, per codec: the VP8 payload header and the
// H.264 NAL unit boundaries, plus H.264's RBSP escaping. Every scheme that needs these calls this
// one module. All functions take hostile input: they never read past `frame` and never throw.
// docs/spec.md §6 states every rule and edge case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "rtcseal/bytes.h"

namespace rtcseal::codecs {

// VP8 (RFC 6386 §9.1): a key frame ((frame[0] & 1) == 0) starts with a 10-byte header, a delta
// frame with 3. Returns that length, or nullopt when the frame is shorter than it.
std::optional<size_t> vp8_header_size(ByteView frame);

// One H.264 NAL unit of an Annex B byte stream (start codes 00 00 01 or 00 00 00 01).
struct NalUnit {
  size_t offset;  // index of the NAL header byte, just after the start code
  size_t size;    // bytes up to the next start code or the end of the frame
  uint8_t type;   // nal_unit_type, the low 5 bits of the header byte (0 when size is 0)
};

// Every 00 00 01 followed by at least one byte starts a NAL unit; a zero byte just before it
// belongs to the start code (the 4-byte form), not to the previous unit. Bytes before the first
// start code are ignored. This is libwebrtc's H264::FindNaluIndices (common_video/h264).
std::vector<NalUnit> h264_nal_units(ByteView frame);

// The offset of the first slice NAL unit (type 1, non-IDR, or 5, IDR), or nullopt.
std::optional<size_t> h264_first_slice_offset(ByteView frame);

// The clear prefix libwebrtc's FrameCryptor keeps in an H.264 frame: everything up to the first
// slice's NAL header byte and one byte after it (first slice offset + 2). nullopt when there is
// no slice or the frame ends before those two bytes.
std::optional<size_t> h264_slice_prefix_size(ByteView frame);

// RBSP emulation prevention (H.264 §7.4.1): escape inserts 0x03 after every 00 00 that is
// followed by a byte <= 0x03; unescape drops the 0x03 of every 00 00 03. The _append forms add
// to `out`, so a caller can build a frame without an extra copy.
Bytes rbsp_escape(ByteView data);
Bytes rbsp_unescape(ByteView data);
void rbsp_escape_append(ByteView data, Bytes& out);
void rbsp_unescape_append(ByteView data, Bytes& out);

}  // namespace rtcseal::codecs
