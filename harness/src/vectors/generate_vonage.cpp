// Vectors of scheme vonage-e2ee (docs/spec.md §4): one file per engine, the cross-engine frames of
// the 2.26 <-> 2.27 break, and the secret rules. The packets come from the reference;
// tests/vonage_e2ee_test.cpp recomputes every ProtectTest packet from the spec with the crypto
// primitives alone and re-derives every cross-engine error from the header rules.
//
// PBKDF2 with 100,000 iterations costs tens of milliseconds per configure, and the runner
// configures once per UnprotectTest and twice per ProtectTest, so the files stay small: most
// groups leave out connection_id (whose draft-01 KID costs a second PBKDF2) and pin the KID.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rtcseal/vonage_e2ee.h"
#include "vector_builder.h"

namespace rtcseal::vectors {

namespace {

using vonage::Engine;

const std::vector<std::string> kSources = {
    "docs/spec.md §4 (vonage-e2ee)", "facts.md 2.1-2.3 (Vonage E2EE rules and engines)",
    "draft-omara-sframe-00 and medooze/sframe lib/ (legacy engine)",
    "draft-ietf-sframe-enc-01 (draft01 engine)"};

constexpr Note kNotes[] = {
    {"Pseudorandom", "BASIC", "A round trip of a codec-shaped frame with pseudorandom content."},
    {"DerivedKid", "FUNCTIONALITY",
     "The sender KID comes from connection_id (legacy: its first nine decimal digits; draft01: "
     "PBKDF2 of it), not from a pinned value."},
    {"Utf8Secret", "FUNCTIONALITY",
     "A secret with multi-byte UTF-8 characters: PBKDF2 takes its UTF-8 bytes."},
    {"EmptyPayload", "EDGE_CASE", "A zero-length frame."},
    {"MaxPayload", "EDGE_CASE", "The largest payload the harness promises: 65535 bytes."},
    {"ClearCodecBytes", "FUNCTIONALITY",
     "The codec's leading bytes (VP8 payload header, Opus TOC, H.264 up to the first slice) stay "
     "in the clear (docs/spec.md 4.7)."},
    {"CounterEdge", "EDGE_CASE",
     "KID and CTR at 0, at a header length boundary or at the top of the engine's width."},
    {"WrongSecret", "MODIFIED_PARAMETER", "The receiver holds a different secret."},
    {"WrongSession", "MODIFIED_PARAMETER",
     "The receiver uses another session id, so PBKDF2 gives another key."},
    {"WrongMedia", "MODIFIED_PARAMETER",
     "The frame is read as another media kind, whose tag length differs."},
    {"UnknownKid", "FUNCTIONALITY",
     "An authentic frame from another sender than the one the receiver was configured for."},
    {"ModifiedHeader", "AUTH_BYPASS", "A bit of the SFrame header was flipped."},
    {"ModifiedCiphertext", "AUTH_BYPASS", "A bit of the ciphertext was flipped."},
    {"ModifiedTag", "AUTH_BYPASS", "A bit of the tag was flipped."},
    {"ModifiedClearBytes", "AUTH_BYPASS",
     "A bit of the codec bytes sent in the clear was flipped."},
    {"UnauthenticatedClearBytes", "AUTH_BYPASS",
     "The legacy engine does not authenticate the clear VP8 header: a change there is delivered "
     "undetected (draft-omara-sframe-00: the tag covers header and ciphertext only)."},
    {"SignatureFlag", "MODIFIED_PARAMETER",
     "The legacy S bit announces a signature, which the harness does not support."},
    {"Truncated", "EDGE_CASE", "The packet was cut short."},
    {"Garbage", "EDGE_CASE", "Bytes that are no frame at all."},
    {"CodecUnsupported", "FUNCTIONALITY",
     "A media and codec pair the engine does not carry (docs/spec.md 4.7)."},
    {"CodecHeader", "EDGE_CASE", "The codec header of the frame cannot be parsed."},
    {"CrossEngine", "MODIFIED_PARAMETER",
     "A frame of one engine offered to the other: OpenTok.js 2.26 and 2.27 cannot talk (facts "
     "2.1, 2.3). The error follows from the other header layout (docs/spec.md 4.9)."},
    {"SecretMissing", "MISSING_STEP", "No secret, or an empty one."},
    {"SecretLength", "EDGE_CASE", "A secret at or beyond the 8..256-character bounds."},
    {"Utf8Counting", "EDGE_CASE",
     "Characters are Unicode scalar values: a multi-byte character counts once, whatever its "
     "UTF-8 bytes or UTF-16 units."},
    {"EngineUnsupported", "MODIFIED_PARAMETER", "An engine other than legacy or draft01."},
    {"SessionMissing", "MISSING_STEP", "No session id, so no key can be derived."},
    {"ValidBoundary", "EDGE_CASE", "The closest valid neighbour of an invalid parameter."},
};

constexpr const char* kSession = "2_MX4xMjM0NTY3OH5-MTcwNjc4OTAxMjM0NX5ydGNzZWFsLXZlY3RvcnN-fg";
constexpr const char* kOtherSession = "1_MX4xMjM0NTY3OH5-MTcwNjc4OTk5OTk5OX5vdGhlci1zZXNzaW9ufn4";
// UUID-shaped like OpenTok connection ids; digits 5,2,1,4,7,9,3,4,0 make the legacy KID.
constexpr const char* kConnection = "5a2e1f47-9c3b-4d08-b6e2-71f0c8a94d35";
constexpr const char* kOtherConnection = "0b7d3c9e-2f64-4a18-9e05-c3d1a6f28b70";
constexpr const char* kSecret = "correct horse battery staple";
constexpr const char* kOtherSecret = "correct horse battery stapler";
constexpr const char* kUtf8Secret = "s\u00e9cret \u20ac \U0001F600 \u043a\u043b\u044e\u0447";

Params to_params(const Json& j) {
  Params p;
  for (auto it = j.begin(); it != j.end(); ++it) p[it.key()] = it.value().get<std::string>();
  return p;
}

Json params_for(Engine engine, const char* secret, const char* connection = nullptr) {
  Json p{{"engine", vonage::engine_name(engine)}, {"secret", secret}, {"session_id", kSession}};
  if (connection != nullptr) p["connection_id"] = connection;
  return p;
}

// ---- Codec-shaped frames ----

enum class Shape { Plain, Opus, Vp8Key, Vp8Delta, H264Idr, H264NonIdr };

struct FrameSpec {
  Media media;
  Codec codec;
  Shape shape;
  const char* label;
};

constexpr FrameSpec kAudio{Media::Audio, Codec::None, Shape::Plain, "audio/none"};
constexpr FrameSpec kOpus{Media::Audio, Codec::Opus, Shape::Opus, "audio/opus"};
constexpr FrameSpec kVp8Key{Media::Video, Codec::Vp8, Shape::Vp8Key, "video/vp8 key frame"};
constexpr FrameSpec kVp8Delta{Media::Video, Codec::Vp8, Shape::Vp8Delta, "video/vp8 delta frame"};
constexpr FrameSpec kH264Idr{Media::Video, Codec::H264, Shape::H264Idr, "video/h264 IDR frame"};
constexpr FrameSpec kH264NonIdr{Media::Video, Codec::H264, Shape::H264NonIdr,
                                "video/h264 non-IDR frame"};
constexpr FrameSpec kVp9{Media::Video, Codec::Vp9, Shape::Plain, "video/vp9"};
constexpr FrameSpec kVideo{Media::Video, Codec::None, Shape::Plain, "video/none"};

// The fixed leading bytes of each shape; the rest of the frame is pseudorandom. The H.264
// parameter sets hold no 00 00 01, so the IDR slice is the first slice of the frame.
Bytes frame_prefix(Shape shape) {
  switch (shape) {
    case Shape::Plain:
      return {};
    case Shape::Opus:
      return {0x78};     // TOC: config 15 (CELT FB 20 ms), mono, one frame
    case Shape::Vp8Key:  // frame tag (key, show), start code 9d 01 2a, 640 x 480
      return {0x50, 0x42, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01};
    case Shape::Vp8Delta:
      return {0x31, 0x07, 0x01};
    case Shape::H264Idr:  // SPS, PPS, then an IDR slice
      return {0x00, 0x00, 0x00, 0x01, 0x67, 0x42, 0xc0, 0x1f, 0x8c, 0x8d, 0x40, 0x00, 0x00,
              0x00, 0x01, 0x68, 0xce, 0x3c, 0x80, 0x00, 0x00, 0x01, 0x65, 0x88, 0x84};
    case Shape::H264NonIdr:
      return {0x00, 0x00, 0x00, 0x01, 0x41, 0x9a, 0x24};
  }
  return {};
}

Bytes make_frame(TestBytes& rng, Shape shape, size_t size) {
  Bytes frame = frame_prefix(shape);
  if (frame.size() > size) frame.resize(size);
  Bytes rest = rng.bytes(size - frame.size());
  frame.insert(frame.end(), rest.begin(), rest.end());
  return frame;
}

Bytes flipped(Bytes b, size_t index, uint8_t mask) {
  b[index] ^= mask;
  return b;
}

Bytes cut(const Bytes& b, size_t n) {
  return Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n));
}

using Failure = std::optional<InputError>;

Failure oops(const std::string& file, const Error& e) {
  return InputError{file, "", "generator: " + std::string(error_name(e.code)) + ": " + e.message};
}

// One vector file. Senders are configured once per parameter set, since each configure runs
// PBKDF2; the reference is the generator's oracle, and an error here is a generator bug.
class VonageFile {
 public:
  VonageFile(std::string name, std::string algorithm, std::vector<std::string> header)
      : name_(std::move(name)),
        rng_(name_),
        file_("vonage-e2ee", std::move(algorithm), std::move(header), kSources, kNotes) {}

  TestBytes& rng() { return rng_; }
  FileBuilder& file() { return file_; }
  const std::string& name() const { return name_; }

  Result<Context*> sender(const Json& params) {
    const std::string key = params.dump();
    auto it = senders_.find(key);
    if (it == senders_.end()) {
      RTCSEAL_TRY(auto ctx, vonage::scheme().configure(to_params(params)));
      it = senders_.emplace(key, std::move(ctx)).first;
    }
    return it->second.get();
  }

  Result<Bytes> seal(const Json& params, const FrameSpec& f, ByteView payload,
                     std::optional<uint64_t> kid, uint64_t ctr) {
    RTCSEAL_TRY(Context * ctx, sender(params));
    return ctx->protect({f.media, f.codec, payload, {}, ctr, kid});
  }

  Result<Bytes> open(const Json& params, const FrameSpec& f, ByteView packet) {
    RTCSEAL_TRY(auto ctx, vonage::scheme().configure(to_params(params)));
    return ctx->unprotect({f.media, f.codec, packet, {}});
  }

  Failure protect_test(Json& group, const FrameSpec& f, size_t size, std::vector<std::string> flags,
                       std::optional<uint64_t> kid, uint64_t ctr, const std::string& note = "") {
    const Bytes payload = make_frame(rng_, f.shape, size);
    auto packet = seal(group["params"], f, payload, kid, ctr);
    if (!packet) return oops(name_, packet.error());
    std::string comment = std::string(f.label) + ", " + std::to_string(size) + " bytes";
    if (!note.empty()) comment += ", " + note;
    Json& t = file_.add(group, comment, std::move(flags));
    describe(t, f);
    if (kid) t["kid"] = *kid;
    t["ctr"] = ctr;
    t["payload"] = to_hex(payload);
    t["packet"] = to_hex(*packet);
    t["result"] = "valid";
    return std::nullopt;
  }

  Json& unprotect_test(Json& group, const FrameSpec& f, const std::string& comment,
                       const char* flag, const Bytes& packet) {
    Json& t = file_.add(group, comment, {flag});
    describe(t, f);
    t["packet"] = to_hex(packet);
    return t;
  }

  void invalid(Json& group, const FrameSpec& f, const std::string& comment, const char* flag,
               const Bytes& packet, Err error) {
    Json& t = unprotect_test(group, f, comment, flag, packet);
    t["result"] = "invalid";
    t["error"] = error_name(error);
  }

 private:
  static void describe(Json& t, const FrameSpec& f) {
    t["media"] = media_name(f.media);
    t["codec"] = codec_name(f.codec);
  }

  std::string name_;
  TestBytes rng_;
  FileBuilder file_;
  std::map<std::string, std::unique_ptr<Context>> senders_;
};

// ---- One engine ----

struct EngineCase {
  Engine engine;
  std::vector<FrameSpec> derived_kid_frames;  // round trips with the KID from connection_id
  uint64_t max_field;
};

Failure round_trips(VonageFile& vf, const EngineCase& ec) {
  Json& derived = vf.file().group("ProtectTest", params_for(ec.engine, kSecret, kConnection));
  uint64_t ctr = 0;
  for (const FrameSpec& f : ec.derived_kid_frames) {
    const size_t size = f.media == Media::Audio ? 160 : 1200;
    std::vector<std::string> flags{"DerivedKid"};
    const bool clear_bytes = f.codec == Codec::Vp8 || f.codec == Codec::H264 ||
                             (f.codec == Codec::Opus && ec.engine == Engine::Draft01);
    if (clear_bytes) flags.push_back("ClearCodecBytes");
    if (auto e = vf.protect_test(derived, f, size, std::move(flags), std::nullopt, ctr++)) {
      return e;
    }
  }
  Json& pinned = vf.file().group("ProtectTest", params_for(ec.engine, kUtf8Secret));
  if (auto e = vf.protect_test(pinned, kAudio, 0, {"Utf8Secret", "EmptyPayload"}, 1, 0)) return e;
  if (auto e = vf.protect_test(pinned, kVp9, 65535, {"Utf8Secret", "MaxPayload"}, 2, 1)) return e;
  // KID and CTR around each header length boundary and at the top of the engine's width.
  struct Edge {
    uint64_t kid, ctr;
    const char* note;
  };
  const Edge edges[] = {
      {0, 0, "KID 0 and CTR 0"},
      {7, 255, "the largest inline KID, the largest 1-byte CTR"},
      {8, 256, "the smallest extended KID, the smallest 2-byte CTR"},
      {999999999, 0xffffffffull, "the largest nine-digit KID, the largest 4-byte CTR"},
      {ec.max_field, ec.max_field, "KID and CTR at the top of the header's width"},
  };
  // Audio (legacy tag 4) and video (tag 10) in turn.
  bool audio = true;
  for (const Edge& edge : edges) {
    const FrameSpec& f = audio ? kOpus : kVp8Delta;
    audio = !audio;
    if (auto e = vf.protect_test(pinned, f, 33, {"Utf8Secret", "CounterEdge"}, edge.kid, edge.ctr,
                                 edge.note)) {
      return e;
    }
  }
  return std::nullopt;
}

// Wrong keys, tampering, truncation and unparsable input against one VP8 key frame. The KID is
// pinned and the receivers carry no connection_id (one PBKDF2 per check) except where the KID
// check itself is the point.
Failure mismatches_and_tampering(VonageFile& vf, const EngineCase& ec) {
  const bool legacy = ec.engine == Engine::Legacy;
  const Json sender = params_for(ec.engine, kSecret);
  const uint64_t kid = legacy ? vonage::legacy_kid(kConnection) : 0x5eed1e55c0deull;
  const uint64_t ctr = 41;
  const Bytes frame = make_frame(vf.rng(), Shape::Vp8Key, 300);
  auto sealed = vf.seal(sender, kVp8Key, frame, kid, ctr);
  if (!sealed) return oops(vf.name(), sealed.error());
  const Bytes& packet = *sealed;
  // docs/spec.md 4.5: clear ‖ header ‖ ciphertext ‖ tag, the legacy ciphertext covering the
  // clear bytes again; the header length follows from the sizes.
  const size_t clear = 10, tag = 10;
  const size_t header = packet.size() - frame.size() - tag - (legacy ? clear : 0);
  Json& g = vf.file().group("UnprotectTest", sender);
  auto against = [&](const std::string& comment, const char* flag, const Json& receiver,
                     Err error) {
    Json& t = vf.unprotect_test(g, kVp8Key, comment, flag, packet);
    t["receiverParams"] = receiver;
    t["result"] = "invalid";
    t["error"] = error_name(error);
  };
  against("the receiver has another secret", "WrongSecret", params_for(ec.engine, kOtherSecret),
          Err::AUTH_FAILED);
  Json other_session = sender;
  other_session["session_id"] = kOtherSession;
  against("the receiver is in another session", "WrongSession", other_session, Err::AUTH_FAILED);
  against("the receiver expects the sender of another connection_id", "UnknownKid",
          params_for(ec.engine, kSecret, kOtherConnection), Err::UNKNOWN_KEY_ID);

  vf.invalid(g, kVp8Key, "a KID bit flipped", "ModifiedHeader", flipped(packet, clear + 1, 0x01),
             Err::AUTH_FAILED);
  vf.invalid(g, kVp8Key, "a CTR bit flipped", "ModifiedHeader",
             flipped(packet, clear + header - 1, 0x01), Err::AUTH_FAILED);
  // Bit 7 is the legacy S flag; draft-01 calls it R and ignores it, but the tag still covers it.
  vf.invalid(g, kVp8Key, "bit 7 of the header byte set",
             legacy ? "SignatureFlag" : "ModifiedHeader", flipped(packet, clear, 0x80),
             legacy ? Err::MALFORMED_PACKET : Err::AUTH_FAILED);
  vf.invalid(g, kVp8Key, "a ciphertext bit flipped", "ModifiedCiphertext",
             flipped(packet, clear + header + 100, 0x20), Err::AUTH_FAILED);
  vf.invalid(g, kVp8Key, "a tag bit flipped", "ModifiedTag", flipped(packet, packet.size() - 1, 1),
             Err::AUTH_FAILED);
  const Bytes width_flipped = flipped(packet, 6, 0x01);
  if (legacy) {
    Json& t = vf.unprotect_test(g, kVp8Key, "a bit of the clear VP8 width flipped: delivered",
                                "UnauthenticatedClearBytes", width_flipped);
    t["payload"] = to_hex(flipped(frame, 6, 0x01));
    t["result"] = "valid";
  } else {
    vf.invalid(g, kVp8Key, "a bit of the clear VP8 width flipped", "ModifiedClearBytes",
               width_flipped, Err::AUTH_FAILED);
  }
  // The key-frame bit turns the 10 clear bytes into 3: the header is read at 9d 01 2a, whose
  // bit 7 is the legacy S flag.
  vf.invalid(g, kVp8Key, "the VP8 key-frame bit flipped", "ModifiedClearBytes",
             flipped(packet, 0, 0x01), legacy ? Err::MALFORMED_PACKET : Err::AUTH_FAILED);
  vf.invalid(g, kVp8Key, "the last byte cut off", "Truncated", cut(packet, packet.size() - 1),
             Err::AUTH_FAILED);
  vf.invalid(g, kVp8Key, "cut to one byte short of header and tag", "Truncated",
             cut(packet, clear + header + tag - 1), Err::MALFORMED_PACKET);
  vf.invalid(g, kVp8Key, "cut inside the SFrame header", "Truncated",
             cut(packet, clear + header - 1), Err::MALFORMED_PACKET);
  vf.invalid(g, kVp8Key, "cut to the clear bytes", "Truncated", cut(packet, clear),
             Err::MALFORMED_PACKET);
  vf.invalid(g, kVp8Key, "cut inside the VP8 payload header", "CodecHeader", cut(packet, 9),
             Err::MALFORMED_PACKET);
  vf.invalid(g, kVp8Key, "an empty packet", "Truncated", {}, Err::MALFORMED_PACKET);

  // Twenty zero bytes: a zero-length CTR field to the legacy parser; to draft-01 a 2-byte header
  // and an 8-byte body whose tag cannot match.
  vf.invalid(g, kAudio, "twenty zero bytes", "Garbage", Bytes(20, 0),
             legacy ? Err::MALFORMED_PACKET : Err::AUTH_FAILED);
  const FrameSpec data{Media::Data, Codec::None, Shape::Plain, "data/none"};
  const FrameSpec audio_vp8{Media::Audio, Codec::Vp8, Shape::Plain, "audio/vp8"};
  const FrameSpec video_opus{Media::Video, Codec::Opus, Shape::Plain, "video/opus"};
  for (const FrameSpec* f : {&data, &audio_vp8, &video_opus}) {
    vf.invalid(g, *f, std::string(f->label) + " is not carried", "CodecUnsupported", packet,
               Err::CODEC_UNSUPPORTED);
  }

  // The tag length depends on the media kind in the legacy engine only.
  const Bytes audio = make_frame(vf.rng(), Shape::Plain, 120);
  auto audio_packet = vf.seal(sender, kAudio, audio, kid, ctr + 1);
  if (!audio_packet) return oops(vf.name(), audio_packet.error());
  if (legacy) {
    vf.invalid(g, kVideo, "an audio frame (4-byte tag) read as video (10-byte tag)", "WrongMedia",
               *audio_packet, Err::AUTH_FAILED);
  } else {
    Json& t = vf.unprotect_test(g, kVideo, "an audio frame read as video: the tag binds no media",
                                "WrongMedia", *audio_packet);
    t["payload"] = to_hex(audio);
    t["result"] = "valid";
  }
  return std::nullopt;
}

// Draft-01 only: the Opus and H.264 clear bytes are authenticated, and H.264 needs a slice.
Failure draft01_codec_cases(VonageFile& vf) {
  const Json sender = params_for(Engine::Draft01, kSecret);
  Json& g = vf.file().group("UnprotectTest", sender);
  for (const FrameSpec* f : {&kOpus, &kH264Idr}) {
    auto packet = vf.seal(sender, *f, make_frame(vf.rng(), f->shape, 200), 3, 9);
    if (!packet) return oops(vf.name(), packet.error());
    vf.invalid(g, *f, std::string(f->label) + ": a clear byte flipped", "ModifiedClearBytes",
               flipped(*packet, 0 + (f->shape == Shape::H264Idr ? 5 : 0), 0x04), Err::AUTH_FAILED);
  }
  vf.invalid(g, kH264Idr, "an H.264 frame with parameter sets but no slice", "CodecHeader",
             cut(frame_prefix(Shape::H264Idr), 19), Err::MALFORMED_PACKET);
  vf.invalid(g, kH264Idr, "a slice NAL unit with no byte after its header", "CodecHeader",
             cut(frame_prefix(Shape::H264Idr), 23), Err::MALFORMED_PACKET);
  vf.invalid(g, kOpus, "an empty Opus packet has no TOC byte", "CodecHeader", {},
             Err::MALFORMED_PACKET);
  return std::nullopt;
}

Failure legacy_codec_cases(VonageFile& vf) {
  const Json sender = params_for(Engine::Legacy, kSecret);
  Json& g = vf.file().group("UnprotectTest", sender);
  vf.invalid(g, kH264Idr, "the legacy engine knows no H.264 rule", "CodecUnsupported",
             make_frame(vf.rng(), Shape::H264Idr, 100), Err::CODEC_UNSUPPORTED);
  return std::nullopt;
}

InputResult<std::string> engine_file(const EngineCase& ec) {
  const std::string name(vonage::engine_name(ec.engine));
  VonageFile vf("vonage-e2ee " + name, name,
                {"vonage-e2ee, engine " + name + " (docs/spec.md §4).",
                 "Every ProtectTest packet is recomputed from the spec by "
                 "tests/vonage_e2ee_test.cpp."});
  if (auto e = round_trips(vf, ec)) return *e;
  if (auto e = mismatches_and_tampering(vf, ec)) return *e;
  if (auto e = ec.engine == Engine::Legacy ? legacy_codec_cases(vf) : draft01_codec_cases(vf)) {
    return *e;
  }
  return vf.file().dump();
}

// ---- The 2.26 <-> 2.27 break ----

Failure cross_group(VonageFile& vf, Engine from, Engine to) {
  const Json sender = params_for(from, kSecret, kConnection);
  Json& g = vf.file().group("UnprotectTest", sender);
  struct Case {
    const FrameSpec* frame;
    size_t size;
    uint64_t ctr;
    bool receiver_knows_sender;  // the receiver is configured with the sender's connection_id
  };
  const Case cases[] = {{&kVp8Key, 1200, 0, false},
                        {&kVp8Delta, 1200, 300, true},
                        {&kOpus, 60, 2, false},
                        {&kAudio, 160, 70000, false},
                        {&kVp9, 500, 1u << 24, false}};
  for (const Case& c : cases) {
    auto packet = vf.seal(sender, *c.frame, make_frame(vf.rng(), c.frame->shape, c.size),
                          std::nullopt, c.ctr);
    if (!packet) return oops(vf.name(), packet.error());
    const Json receiver = params_for(to, kSecret, c.receiver_knows_sender ? kConnection : nullptr);
    // The outcome is whatever the other header layout makes of these bytes; the reference says
    // which, and tests/vonage_e2ee_test.cpp derives it again from the header rules.
    auto got = vf.open(receiver, *c.frame, *packet);
    if (got.ok()) {
      return InputError{vf.name(), "", "generator: a cross-engine frame was accepted"};
    }
    Json& t =
        vf.unprotect_test(g, *c.frame,
                          std::string(c.frame->label) + " with CTR " + std::to_string(c.ctr) +
                              " from a " + std::string(vonage::engine_name(from)) +
                              " sender to a " + std::string(vonage::engine_name(to)) + " receiver",
                          "CrossEngine", *packet);
    t["receiverParams"] = receiver;
    t["result"] = "invalid";
    t["error"] = error_name(got.error().code);
  }
  return std::nullopt;
}

InputResult<std::string> cross_engine_file() {
  VonageFile vf("vonage-e2ee cross-engine", "legacy <-> draft01",
                {"Frames of one vonage-e2ee engine offered to the other, same secret and session.",
                 "OpenTok.js 2.27.0+ does not interoperate with earlier versions (facts 2.1)."});
  if (auto e = cross_group(vf, Engine::Legacy, Engine::Draft01)) return *e;
  if (auto e = cross_group(vf, Engine::Draft01, Engine::Legacy)) return *e;
  return vf.file().dump();
}

// ---- Secret rules ----

std::string repeat(std::string_view unit, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += unit;
  return s;
}

std::string secret_rules_file() {
  FileBuilder file(
      "vonage-e2ee", "secret and parameter rules",
      {"vonage-e2ee configuration rules (docs/spec.md §4.2, §4.3): a secret of 8 to 256 "
       "characters, counted as Unicode scalar values.",
       "Native platform codes are left to the profiles (facts 2.2)."},
      kSources, kNotes);
  Json& g = file.group("ConfigureTest", Json::object());
  auto base = [](Engine e) {
    return Json{{"engine", vonage::engine_name(e)}, {"session_id", kSession}};
  };
  auto with_secret = [&](Engine e, const std::string& secret) {
    Json p = base(e);
    p["secret"] = secret;
    return p;
  };
  auto add = [&](const std::string& comment, const char* flag, Json params) -> Json& {
    Json& t = file.add(g, comment, {flag});
    t["params"] = std::move(params);
    return t;
  };
  auto invalid = [&](const std::string& comment, const char* flag, Json params, Err err) {
    Json& t = add(comment, flag, std::move(params));
    t["result"] = "invalid";
    t["error"] = error_name(err);
  };
  auto valid = [&](const std::string& comment, const char* flag, Json params) {
    add(comment, flag, std::move(params))["result"] = "valid";
  };
  for (Engine e : {Engine::Legacy, Engine::Draft01}) {
    const std::string n(vonage::engine_name(e));
    invalid(n + ": no secret", "SecretMissing", base(e), Err::SECRET_MISSING);
    invalid(n + ": an empty secret", "SecretMissing", with_secret(e, ""), Err::SECRET_MISSING);
    invalid(n + ": 7 characters", "SecretLength", with_secret(e, "1234567"), Err::SECRET_INVALID);
    invalid(n + ": 257 characters", "SecretLength", with_secret(e, std::string(257, 'x')),
            Err::SECRET_INVALID);
  }
  // Every valid case costs one PBKDF2, so they use the legacy engine without connection_id.
  const Engine L = Engine::Legacy;
  valid("8 characters", "ValidBoundary", with_secret(L, "12345678"));
  valid("256 characters", "ValidBoundary", with_secret(L, std::string(256, 'x')));
  invalid("7 x U+00E9: 14 bytes but 7 characters", "Utf8Counting",
          with_secret(L, repeat("\u00e9", 7)), Err::SECRET_INVALID);
  valid("8 x U+00E9: 16 bytes, 8 characters", "Utf8Counting", with_secret(L, repeat("\u00e9", 8)));
  valid("256 x U+20AC: 768 bytes, 256 characters", "Utf8Counting",
        with_secret(L, repeat("\u20ac", 256)));
  invalid("257 x U+20AC: 771 bytes, 257 characters", "Utf8Counting",
          with_secret(L, repeat("\u20ac", 257)), Err::SECRET_INVALID);
  invalid("7 x U+1F600: 28 bytes and 14 UTF-16 units, but 7 characters", "Utf8Counting",
          with_secret(L, repeat("\U0001F600", 7)), Err::SECRET_INVALID);
  valid("129 x U+1F600: 258 UTF-16 units, 129 characters", "Utf8Counting",
        with_secret(L, repeat("\U0001F600", 129)));
  valid("256 x U+1F600: 1024 bytes, 256 characters", "Utf8Counting",
        with_secret(L, repeat("\U0001F600", 256)));
  valid("no engine: draft01, the current engine, applies", "ValidBoundary",
        Json{{"secret", kSecret}, {"session_id", kSession}});
  for (const char* engine : {"", "2.27", "Legacy", "draft-01", "rfc9605"}) {
    invalid("engine \"" + std::string(engine) + "\"", "EngineUnsupported",
            Json{{"engine", engine}, {"secret", kSecret}, {"session_id", kSession}},
            Err::MODE_UNSUPPORTED);
  }
  invalid("no session_id", "SessionMissing", Json{{"engine", "legacy"}, {"secret", kSecret}},
          Err::KEY_MISSING);
  invalid("an empty session_id", "SessionMissing",
          Json{{"engine", "draft01"}, {"secret", kSecret}, {"session_id", ""}}, Err::KEY_MISSING);
  return file.dump();
}

}  // namespace

InputResult<std::vector<GeneratedFile>> generate_vonage_e2ee() {
  std::vector<GeneratedFile> files;
  const EngineCase engines[] = {
      {Engine::Legacy, {kOpus, kAudio, kVp8Key, kVp8Delta, kVp9, kVideo}, vonage::kLegacyMaxField},
      {Engine::Draft01, {kOpus, kVp8Key, kH264Idr, kH264NonIdr}, vonage::kDraft01MaxField},
  };
  for (const EngineCase& ec : engines) {
    RTCSEAL_TRY(std::string content, engine_file(ec));
    files.push_back(
        {"vonage-e2ee/" + std::string(vonage::engine_name(ec.engine)) + ".json", content});
  }
  RTCSEAL_TRY(std::string cross, cross_engine_file());
  files.push_back({"vonage-e2ee/cross_engine.json", std::move(cross)});
  files.push_back({"vonage-e2ee/secret_rules.json", secret_rules_file()});
  return files;
}

}  // namespace rtcseal::vectors
