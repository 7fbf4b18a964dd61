// Shared pieces of the framecryptor vector generator: notes, frame builders and the oracle.
#include <algorithm>

#include "generate_framecryptor.h"

namespace rtcseal::vectors::fcgen {

namespace fc = framecryptor;

const std::vector<std::string> kSources = {
    "docs/spec.md section 5 (scheme framecryptor) and section 6 (codec helpers)",
    "facts.md 3.2 (LiveKit FrameCryptor and Jitsi JFrame)",
    "livekit/client-sdk-js src/e2ee (FrameCryptor.ts, utils.ts, constants.ts, naluUtils.ts)",
    "webrtc-sdk/webrtc api/crypto/frame_crypto_transformer.{h,cc} and its unittest",
    "jitsi/lib-jitsi-meet modules/e2ee (Context.ts, crypto-utils.js)"};

const std::vector<Note> kNotes = {
    {"Pseudorandom", "BASIC", "A round trip with a pseudorandom frame."},
    {"ClearHeaderOnly", "EDGE_CASE",
     "A frame no longer than its clear header: nothing is encrypted, the tag still covers it."},
    {"EmptyPayload", "EDGE_CASE", "A zero-length VP9 or data frame: tag, IV and trailer only."},
    {"MaxPayload", "EDGE_CASE", "The largest payload the harness promises: 65535 bytes."},
    {"H264Escaping", "EDGE_CASE",
     "An H.264 frame whose IV holds 00 00 00 01, which RBSP escaping must break."},
    {"LargeClearHeader", "EDGE_CASE",
     "The first H.264 slice starts past byte 255 (libwebrtc keeps the clear length in a "
     "uint8_t and cuts it; client-sdk-js does not)."},
    {"CounterEdge", "EDGE_CASE",
     "The send counter or RTP timestamp at an edge, where the IV's third word wraps."},
    {"KeyIndexEdge", "EDGE_CASE", "The key index at the top of the ring or of its one byte."},
    {"KnownAnswer", "BASIC",
     "A published known answer (facts.md 3.2; webrtc-sdk frame_crypto_transformer_unittest.cc)."},
    {"RatchetStep", "FUNCTIONALITY",
     "Keys of material ratcheted k times; the comment gives K(R^k(M)) (the ratchet snapshot)."},
    {"RatchetRecovery", "FUNCTIONALITY",
     "The sender ratcheted its key; the receiver ratchets within its window and accepts."},
    {"RatchetWindowExceeded", "MODIFIED_PARAMETER",
     "The sender is more ratchet steps ahead than the receiver's window."},
    {"WrongKey", "MODIFIED_PARAMETER", "The receiver holds other key material."},
    {"WrongVariant", "MODIFIED_PARAMETER", "The receiver runs the other variant."},
    {"WrongKdf", "MODIFIED_PARAMETER", "The receiver derives with the other LiveKit KDF."},
    {"WrongSalt", "MODIFIED_PARAMETER", "The receiver has another LiveKit ratchet salt."},
    {"ModifiedHeader", "AUTH_BYPASS", "A bit of the clear header (the AAD) was flipped."},
    {"ModifiedCiphertext", "AUTH_BYPASS", "A bit of the ciphertext was flipped."},
    {"ModifiedTag", "AUTH_BYPASS", "A bit of the GCM tag was flipped."},
    {"ModifiedIv", "AUTH_BYPASS", "A bit of the IV in the trailer was flipped."},
    {"InvalidTrailer", "MODIFIED_PARAMETER", "IV_LEN is not 12."},
    {"UnknownKeyIndex", "MODIFIED_PARAMETER",
     "The key index names a slot outside the ring or one that holds no key."},
    {"ShortFrame", "EDGE_CASE",
     "A frame cut to 0..31 bytes: shorter than its clear header plus 30, or ending in bytes "
     "that are no trailer (the short-frame hazards of facts.md 3.2)."},
    {"H264Hazard", "EDGE_CASE",
     "An H.264 frame that is empty, has no slice, or whose slice header runs past the end."},
    {"BrokenEscaping", "MODIFIED_PARAMETER", "H.264 emulation bytes removed or added in transit."},
    {"CodecUnsupported", "FUNCTIONALITY", "A media/codec pair the variant does not carry."},
    {"KeyMissing", "MISSING_STEP", "No key, or a key with no bytes."},
    {"KeyInvalid", "MODIFIED_PARAMETER",
     "Malformed key hex, or a key index, ring size or ratchet window out of range."},
    {"SaltInvalid", "MODIFIED_PARAMETER", "A LiveKit salt with malformed hex or no bytes."},
    {"ModeUnsupported", "MODIFIED_PARAMETER",
     "An unknown variant or KDF, or a malformed SSRC, RTP timestamp or RTP step."},
    {"ValidBoundary", "EDGE_CASE", "The closest valid neighbour of an invalid parameter."},
};

namespace {

// Random bytes without zeros, so that no start code appears where a builder does not put one.
Bytes nonzero(TestBytes& rng, size_t n) {
  Bytes b = rng.bytes(n);
  std::replace(b.begin(), b.end(), uint8_t{0}, uint8_t{0x80});
  return b;
}

Bytes audio(TestBytes& rng, size_t size) {
  return rng.bytes(size);
}

Bytes vp8_delta(TestBytes& rng, size_t size) {
  Bytes b = rng.bytes(size);
  b[0] |= 0x01;
  return b;
}

Bytes h264_non_idr(TestBytes& rng, size_t size) {
  Bytes b{0x00, 0x00, 0x00, 0x01, 0x41};
  Bytes rest = nonzero(rng, size - b.size());
  b.insert(b.end(), rest.begin(), rest.end());
  return b;
}

}  // namespace

Bytes vp8_key_frame(TestBytes& rng, size_t size) {
  Bytes b = rng.bytes(size);
  b[0] &= 0xfe;  // key frame (RFC 6386 §9.1)
  const uint8_t start_code[] = {0x9d, 0x01, 0x2a};
  if (size >= 6) std::copy(std::begin(start_code), std::end(start_code), b.begin() + 3);
  return b;
}

Bytes h264_idr(TestBytes& rng, size_t size) {
  Bytes b{0x00, 0x00, 0x00, 0x01, 0x67};  // SPS
  Bytes sps = nonzero(rng, 3);
  b.insert(b.end(), sps.begin(), sps.end());
  b.insert(b.end(), {0x00, 0x00, 0x00, 0x01, 0x68, 0xce, 0x00, 0x00, 0x01, 0x65});  // PPS, IDR
  Bytes rest = nonzero(rng, size - b.size());
  b.insert(b.end(), rest.begin(), rest.end());
  return b;
}

std::vector<FrameKind> frame_kinds(fc::Variant variant) {
  std::vector<FrameKind> kinds = {
      {"audio/opus", Media::Audio, Codec::Opus, 1, audio},
      {"audio/none", Media::Audio, Codec::None, 1, audio},
      {"video/vp8 key frame", Media::Video, Codec::Vp8, 10, vp8_key_frame},
      {"video/vp8 delta frame", Media::Video, Codec::Vp8, 3, vp8_delta},
  };
  if (variant == fc::Variant::LiveKit) {
    kinds.push_back({"video/h264 IDR frame", Media::Video, Codec::H264, 19, h264_idr});
    kinds.push_back({"video/h264 non-IDR frame", Media::Video, Codec::H264, 6, h264_non_idr});
    kinds.push_back({"video/vp9", Media::Video, Codec::Vp9, 0, audio});
  }
  kinds.push_back({"data/none", Media::Data, Codec::None, 0, audio});
  return kinds;
}

Result<Bytes> seal(const Params& sender, Media media, Codec codec, ByteView payload,
                   std::optional<uint64_t> ctr) {
  RTCSEAL_TRY(auto ctx, fc::scheme().configure(sender));
  return ctx->protect({media, codec, payload, {}, ctr, std::nullopt});
}

Result<Bytes> open(const Params& receiver, Media media, Codec codec, ByteView packet) {
  RTCSEAL_TRY(auto ctx, fc::scheme().configure(receiver));
  return ctx->unprotect({media, codec, packet, {}});
}

InputError oops(const std::string& file, const Error& e) {
  return InputError{file, "", "generator: " + std::string(error_name(e.code)) + " " + e.message};
}

void describe_frame(Json& t, Media media, Codec codec, ByteView packet,
                    std::optional<ByteView> payload) {
  t["media"] = media_name(media);
  t["codec"] = codec_name(codec);
  if (payload) t["payload"] = to_hex(*payload);
  t["packet"] = to_hex(packet);
}

std::optional<InputError> expect_rejected(Json& t, const std::string& file, const Params& receiver,
                                          Media media, Codec codec, ByteView packet,
                                          std::optional<Err> intended) {
  auto got = open(receiver, media, codec, packet);
  if (got || (intended && got.error().code != *intended)) {
    return InputError{file, "",
                      "generator: the reference gave " +
                          std::string(got ? "success" : error_name(got.error().code)) + " for " +
                          t["comment"].dump()};
  }
  describe_frame(t, media, codec, packet, std::nullopt);
  t["result"] = "invalid";
  t["error"] = error_name(got.error().code);
  return std::nullopt;
}

}  // namespace rtcseal::vectors::fcgen
