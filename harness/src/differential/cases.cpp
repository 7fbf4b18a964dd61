// The protect inputs of one configuration: payload sizes that hit the edges (empty, one byte,
// around the 16-byte block, the largest RTP-ish frames, 65535) and random ones, over the media and
// codec pairs real senders use. Codec payloads get a plausible header so frame-aware schemes
// (VP8 and H.264 clear bytes) take their codec paths instead of refusing every frame. Schemes
// that authenticate metadata get some (up to 64 bytes) on half the cases.
#include "rng.h"
#include "rtcseal/differential.h"

namespace rtcseal::differential {

namespace {

struct Stream {
  Media media;
  Codec codec;
};
constexpr Stream kStreams[] = {
    {Media::Audio, Codec::Opus}, {Media::Audio, Codec::None}, {Media::Video, Codec::Vp8},
    {Media::Video, Codec::H264}, {Media::Video, Codec::Vp9},  {Media::Data, Codec::None},
};

constexpr size_t kEdgeSizes[] = {0, 1, 2, 15, 16, 17, 31, 32, 33, 255, 256, 1200, 65535};

size_t draw_size(Rng& rng, size_t index) {
  if (index < std::size(kEdgeSizes)) return kEdgeSizes[index];
  // Mostly packet-sized, sometimes up to the 16-bit limit.
  return rng.below(4) == 0 ? rng.below(65536) : rng.below(1500);
}

Bytes draw_payload(Rng& rng, Codec codec, size_t size) {
  Bytes p = rng.bytes(size);
  if (codec == Codec::H264 && size >= 5) {
    // An Annex B start code and an IDR or non-IDR slice NAL header.
    p[0] = p[1] = p[2] = 0;
    p[3] = 1;
    p[4] = rng.below(2) ? 0x65 : 0x41;
  }
  return p;
}

}  // namespace

std::vector<Case> make_cases(const Config& config, size_t count, uint64_t rng_seed) {
  Rng rng(substream(rng_seed, config.label()));
  std::vector<Case> out;
  for (size_t i = 0; i < count; ++i) {
    const Stream& s = kStreams[rng.below(std::size(kStreams))];
    Case c;
    c.media = s.media;
    c.codec = s.codec;
    c.payload = draw_payload(rng, s.codec, draw_size(rng, i));
    if (config.metadata && rng.below(2) == 0) c.metadata = rng.bytes(rng.below(65));
    c.ctr = config.first_ctr + i;
    c.kid = config.kid;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace rtcseal::differential
