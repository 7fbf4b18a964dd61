// Where a framecryptor frame's parts go (docs/spec.md §5.4-§5.6): the clear header per media and
// codec, the H.264 escaping, and the IV.
#pragma once

#include <array>

#include "rtcseal/framecryptor.h"

namespace rtcseal::framecryptor::detail {

// The number of leading bytes a frame keeps in the clear (§5.5). The sender computes it from the
// payload and the receiver from the frame: the clear header is the same bytes in both.
// CODEC_UNSUPPORTED for a media/codec pair the variant does not carry, MALFORMED_PACKET for a
// frame its codec cannot parse.
Result<size_t> clear_bytes(Variant variant, Media media, Codec codec, ByteView frame);

// True when everything after the clear header is RBSP-escaped (§5.4): LiveKit's H.264 frames.
bool escaped(Variant variant, Media media, Codec codec);

using Iv = std::array<uint8_t, kIvSize>;
// BE32(ssrc) || BE32(rtp timestamp) || BE32(third word), the third word per variant (§5.6).
Iv make_iv(Variant variant, uint32_t ssrc, uint32_t rtp_timestamp, uint64_t send_count);

}  // namespace rtcseal::framecryptor::detail
