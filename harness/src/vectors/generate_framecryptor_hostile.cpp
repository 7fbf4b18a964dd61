// Hostile framecryptor frames (docs/spec.md §5.8): every frame of every kind cut to 0..31 bytes,
// the H.264 hazards, broken escaping and unsupported media/codec pairs. Each must be rejected;
// the reference names the error and the generator fails if it accepts one.
#include "generate_framecryptor.h"
#include "rtcseal/codecs.h"

namespace rtcseal::vectors::fcgen {

namespace {

namespace fc = framecryptor;
using Failure = std::optional<InputError>;

constexpr size_t kShortest = 0, kLongest = 31;  // the lengths facts.md 3.2 lists as hazards

class HostileFile {
 public:
  explicit HostileFile(fc::Variant v)
      : variant_(v),
        path_("framecryptor/" + std::string(fc::variant_name(v)) + "_hostile.json"),
        rng_(path_),
        file_("framecryptor", std::string(fc::variant_name(v)) + " hostile frames",
              {"Frames a framecryptor receiver must reject without reading out of bounds.",
               "Each error is the reference's; tests/framecryptor_recompute_test.cpp checks it "
               "against the receiving rules of docs/spec.md section 5.8."},
              kSources, kNotes) {
    params_ = {{"variant", std::string(fc::variant_name(v))},
               {"key", "hex:" + to_hex(rng_.bytes(32))},
               {"ssrc", "1"},
               {"rtp_timestamp", "0"},
               {"ratchet_window", "0"}};
  }

  InputResult<GeneratedFile> build() {
    for (auto step : {&HostileFile::short_frames, &HostileFile::h264_hazards,
                      &HostileFile::broken_escaping, &HostileFile::unsupported}) {
      if (auto e = (this->*step)()) return *e;
    }
    return GeneratedFile{path_, file_.dump()};
  }

 private:
  bool livekit() const { return variant_ == fc::Variant::LiveKit; }

  Failure reject(Json& g, Media media, Codec codec, const Bytes& packet, const std::string& comment,
                 const char* flag, std::optional<Err> intended) {
    Json& t = file_.add(g, comment, {flag});
    return expect_rejected(t, path_, params_, media, codec, packet, intended);
  }

  Failure short_frames() {
    Json& g = file_.group("UnprotectTest", Json(params_));
    for (const FrameKind& k : frame_kinds(variant_)) {
      auto packet = seal(params_, k.media, k.codec, k.make(rng_, k.min_size + 40), 0);
      if (!packet) return oops(path_, packet.error());
      for (size_t len = kShortest; len <= kLongest; ++len) {
        const Bytes cut(packet->begin(), packet->begin() + static_cast<std::ptrdiff_t>(len));
        if (auto e = reject(g, k.media, k.codec, cut,
                            std::string(k.name) + " cut to " + std::to_string(len) + " bytes",
                            "ShortFrame", std::nullopt)) {
          return e;
        }
      }
    }
    return std::nullopt;
  }

  Failure h264_hazards() {
    if (!livekit()) return std::nullopt;
    Json& g = file_.group("UnprotectTest", Json(params_));
    auto hex = [](const char* h) { return *from_hex(h); };
    struct Case {
      const char* comment;
      Bytes frame;
    };
    Bytes no_start_code = rng_.bytes(60);
    no_start_code[0] = 0x65;
    const Case cases[] = {
        {"an empty H.264 frame", {}},
        {"only a start code", hex("00000001")},
        {"a slice NAL header as the last byte: its offset + 2 is past the end",
         hex("0000000167aabbcc0000000165")},
        {"a start code as the last three bytes", hex("0000000167aabbcc000001")},
        {"parameter sets and no slice", hex("0000000167aabbcc0000000168ce0000000106aabb")},
        {"no start code at all", no_start_code},
    };
    for (const Case& c : cases) {
      if (auto e = reject(g, Media::Video, Codec::H264, c.frame, c.comment, "H264Hazard",
                          Err::MALFORMED_PACKET)) {
        return e;
      }
    }
    // Exactly the 19-byte clear header and fewer than 30 bytes after it.
    auto packet = seal(params_, Media::Video, Codec::H264, h264_idr(rng_, 60), 3);
    if (!packet) return oops(path_, packet.error());
    for (size_t keep : {size_t{19}, size_t{19 + 29}}) {
      const Bytes cut(packet->begin(), packet->begin() + static_cast<std::ptrdiff_t>(keep));
      if (auto e = reject(g, Media::Video, Codec::H264, cut,
                          "an H.264 frame cut to " + std::to_string(keep) + " bytes", "H264Hazard",
                          Err::MALFORMED_PACKET)) {
        return e;
      }
    }
    return std::nullopt;
  }

  // SSRC 1 makes the IV start 00 00 00 01, so every H.264 packet here carries emulation bytes.
  Failure broken_escaping() {
    if (!livekit()) return std::nullopt;
    Json& g = file_.group("UnprotectTest", Json(params_));
    const Bytes frame = h264_idr(rng_, 80);
    auto packet = seal(params_, Media::Video, Codec::H264, frame, 5);
    if (!packet) return oops(path_, packet.error());
    const size_t n = 19;
    const ByteView body = ByteView(*packet).subspan(n);
    Bytes unescaped(packet->begin(), packet->begin() + n);
    codecs::rbsp_unescape_append(body, unescaped);
    Bytes twice(packet->begin(), packet->begin() + n);
    codecs::rbsp_escape_append(body, twice);
    if (unescaped == *packet || twice == *packet) {
      return InputError{path_, "", "generator: the H.264 frame carries no emulation byte"};
    }
    // Unescaping a body that holds no 00 00 03 changes nothing, so a frame whose emulation bytes
    // were stripped still opens (§5.8); escaping twice leaves bytes the receiver cannot remove.
    auto opened = open(params_, Media::Video, Codec::H264, unescaped);
    if (!opened || *opened != frame) {
      return InputError{path_, "", "generator: the stripped H.264 frame did not open"};
    }
    Json& t =
        file_.add(g, "emulation bytes stripped in transit: still accepted", {"BrokenEscaping"});
    describe_frame(t, Media::Video, Codec::H264, unescaped, ByteView(frame));
    t["result"] = "valid";
    return reject(g, Media::Video, Codec::H264, twice, "escaped a second time in transit",
                  "BrokenEscaping", std::nullopt);
  }

  Failure unsupported() {
    Json& g = file_.group("UnprotectTest", Json(params_));
    std::vector<std::pair<Media, Codec>> pairs = {
        {Media::Video, Codec::None}, {Media::Video, Codec::Opus}, {Media::Audio, Codec::Vp8},
        {Media::Audio, Codec::H264}, {Media::Audio, Codec::Vp9},  {Media::Data, Codec::Opus},
        {Media::Data, Codec::Vp8}};
    if (!livekit()) {
      pairs.push_back({Media::Video, Codec::H264});
      pairs.push_back({Media::Video, Codec::Vp9});
    }
    const Bytes frame = rng_.bytes(60);
    for (const auto& [media, codec] : pairs) {
      if (auto e = reject(g, media, codec, frame,
                          std::string(media_name(media)) + "/" + std::string(codec_name(codec)),
                          "CodecUnsupported", Err::CODEC_UNSUPPORTED)) {
        return e;
      }
    }
    return std::nullopt;
  }

  fc::Variant variant_;
  std::string path_;
  TestBytes rng_;
  FileBuilder file_;
  Params params_;
};

}  // namespace

InputResult<GeneratedFile> hostile_file(fc::Variant variant) {
  HostileFile f(variant);
  return f.build();
}

}  // namespace rtcseal::vectors::fcgen
