// Which media and codecs each vonage-e2ee engine carries, and how many leading bytes of a frame
// it leaves in the clear (docs/spec.md §4.7). The codec parsing itself is rtcseal::codecs'.
#include <string>

#include "rtcseal/codecs.h"
#include "vonage_engine.h"

namespace rtcseal::vonage::detail {

namespace {

constexpr size_t kOpusTocBytes = 1;  // the Opus TOC byte (RFC 6716 §3.1)

Error unsupported(Engine engine, Media media, Codec codec) {
  return fail(Err::CODEC_UNSUPPORTED,
              "the " + std::string(engine_name(engine)) + " engine does not carry " +
                  std::string(media_name(media)) + "/" + std::string(codec_name(codec)));
}

Error unparsable(Codec codec, const std::string& why) {
  return fail(Err::MALFORMED_PACKET,
              "cannot parse the " + std::string(codec_name(codec)) + " header: " + why);
}

Result<size_t> vp8_prefix(ByteView frame) {
  auto n = codecs::vp8_header_size(frame);
  if (!n) return unparsable(Codec::Vp8, "the frame is shorter than its payload header");
  return *n;
}

// Up to the first slice NAL unit's header byte and one byte more, as libwebrtc's FrameCryptor
// keeps them (facts §3.2).
Result<size_t> h264_prefix(ByteView frame) {
  auto n = codecs::h264_slice_prefix_size(frame);
  if (!n) return unparsable(Codec::H264, "no slice NAL unit with a byte after its header");
  return *n;
}

}  // namespace

Result<size_t> clear_prefix(Engine engine, Media media, Codec codec, ByteView frame) {
  const bool draft01 = engine == Engine::Draft01;
  switch (media) {
    case Media::Audio:
      if (codec == Codec::None) return size_t{0};
      if (codec != Codec::Opus) break;
      if (!draft01) return size_t{0};  // legacy encrypts audio whole
      if (frame.size() < kOpusTocBytes) return unparsable(codec, "an Opus frame has a TOC byte");
      return kOpusTocBytes;
    case Media::Video:
      switch (codec) {
        case Codec::None:
        case Codec::Vp9:  // VP9 packetizers read no payload bytes: the whole frame is encrypted
          return size_t{0};
        case Codec::Vp8:
          return vp8_prefix(frame);
        case Codec::H264:
          if (draft01) return h264_prefix(frame);
          break;  // legacy knows only the VP8 payload header (medooze/sframe VP8PayloadHeader.js)
        case Codec::Opus:
          break;
      }
      break;
    case Media::Data:
      break;  // the engines transform audio and video frames only
  }
  return unsupported(engine, media, codec);
}

}  // namespace rtcseal::vonage::detail
