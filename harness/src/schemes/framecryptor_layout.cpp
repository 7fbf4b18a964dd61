// The framecryptor clear header, escaping and IV (docs/spec.md §5.4-§5.6). The codec parsing
// itself is rtcseal::codecs'.
#include "framecryptor_layout.h"

#include <string>

#include "rtcseal/codecs.h"

namespace rtcseal::framecryptor::detail {

namespace {

constexpr size_t kOpusTocBytes = 1;  // RFC 6716 §3.1; UNENCRYPTED_BYTES.audio in both clients

Error unsupported(Variant variant, Media media, Codec codec) {
  return fail(Err::CODEC_UNSUPPORTED,
              "the " + std::string(variant_name(variant)) + " variant does not carry " +
                  std::string(media_name(media)) + "/" + std::string(codec_name(codec)));
}

Error unparsable(Codec codec, const char* why) {
  return fail(Err::MALFORMED_PACKET,
              "cannot parse the " + std::string(codec_name(codec)) + " frame: " + why);
}

Result<size_t> video_clear_bytes(Variant variant, Codec codec, ByteView frame) {
  const bool livekit = variant == Variant::LiveKit;
  switch (codec) {
    case Codec::Vp8:
      if (auto n = codecs::vp8_header_size(frame)) return *n;
      return unparsable(codec, "shorter than its payload header");
    case Codec::H264:
      if (!livekit) break;  // lib-jitsi-meet has no H.264 layout (§5.5)
      if (auto n = codecs::h264_slice_prefix_size(frame)) return *n;
      return unparsable(codec, "no slice NAL unit with two bytes after its start code");
    case Codec::Vp9:
      if (livekit) return size_t{0};
      break;
    case Codec::None:
    case Codec::Opus:
      break;
  }
  return unsupported(variant, Media::Video, codec);
}

}  // namespace

Result<size_t> clear_bytes(Variant variant, Media media, Codec codec, ByteView frame) {
  switch (media) {
    case Media::Audio:
      if (codec != Codec::Opus && codec != Codec::None) break;
      if (frame.size() < kOpusTocBytes) return unparsable(codec, "an audio frame has a TOC byte");
      return kOpusTocBytes;
    case Media::Video:
      return video_clear_bytes(variant, codec, frame);
    case Media::Data:
      if (codec == Codec::None) return size_t{0};
      break;
  }
  return unsupported(variant, media, codec);
}

bool escaped(Variant variant, Media media, Codec codec) {
  return variant == Variant::LiveKit && media == Media::Video && codec == Codec::H264;
}

Iv make_iv(Variant variant, uint32_t ssrc, uint32_t rtp_timestamp, uint64_t send_count) {
  const auto count = static_cast<uint32_t>(send_count % kSendCountModulus);
  // LiveKit writes timestamp - count, wrapping modulo 2^32 (DataView.setUint32, uint32_t).
  const uint32_t third =
      variant == Variant::LiveKit ? static_cast<uint32_t>(rtp_timestamp - count) : count;
  Iv iv{};
  const uint32_t words[] = {ssrc, rtp_timestamp, third};
  for (size_t w = 0; w < 3; ++w) {
    for (size_t i = 0; i < 4; ++i) iv[4 * w + i] = static_cast<uint8_t>(words[w] >> (24 - 8 * i));
  }
  return iv;
}

}  // namespace rtcseal::framecryptor::detail
