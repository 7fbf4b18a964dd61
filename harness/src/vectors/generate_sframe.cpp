// Vectors of scheme sframe (RFC 9605): one file per cipher suite, the configuration rules and the
// §5.1 ratchet. Packets come from the reference; tests/sframe_recompute_test.cpp recomputes every
// valid one from the RFC's formulas. Negative cases follow docs/spec.md §3.6.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rtcseal/sframe.h"
#include "vector_builder.h"

namespace rtcseal::vectors {

namespace {

using sframe::Suite;

const std::vector<std::string> kSources = {
    "RFC 9605 (Secure Frame): header 4.3, key schedule 4.4.2, encryption 4.4.3, suites 4.5, "
    "sender keys 5.1",
    "docs/spec.md 3 (rtcseal's parameters, counters, ratchet window and error rules)"};

constexpr Note kNotes[] = {
    {"Pseudorandom", "BASIC", "A round trip with pseudorandom payload, key and counter."},
    {"EmptyPayload", "EDGE_CASE", "A zero-length frame: the packet is header and tag only."},
    {"BlockBoundary", "EDGE_CASE", "A frame of 16 or 17 bytes, around the AES block."},
    {"MaxPayload", "EDGE_CASE", "The largest payload the harness promises: 65535 bytes."},
    {"Metadata", "FUNCTIONALITY", "Metadata is authenticated with the header (RFC 9605 4.4.3)."},
    {"WholeFrame", "FUNCTIONALITY",
     "SFrame protects the whole frame: every codec gives the same wire format."},
    {"DefaultCounter", "FUNCTIONALITY",
     "Nothing pinned: the configured KID and the first counter value, 0 (RFC 9605 4.4.1)."},
    {"KidEdge", "EDGE_CASE", "A KID at an edge of its encoding: 0, 7, 8, 255, 256 or 2^64-1."},
    {"CtrEdge", "EDGE_CASE", "A CTR at an edge of its encoding: 0, 7, 8, 255, 256 or 2^64-1."},
    {"WrongKey", "MODIFIED_PARAMETER", "The receiver holds another base_key for the KID."},
    {"WrongSuite", "MODIFIED_PARAMETER", "The receiver runs another cipher suite."},
    {"UnknownKid", "MODIFIED_PARAMETER", "The receiver holds no key for the packet's KID."},
    {"MetadataMismatch", "AUTH_BYPASS", "The receiver's metadata differs from the sender's."},
    {"ModifiedHeader", "AUTH_BYPASS", "A bit of the header's CTR was flipped."},
    {"ModifiedCiphertext", "AUTH_BYPASS", "A bit of the ciphertext was flipped."},
    {"ModifiedTag", "AUTH_BYPASS", "A bit of the tag was flipped, or the tag was cut short."},
    {"Truncated", "EDGE_CASE",
     "The packet ends inside its header or tag: shorter than header + Nt."},
    {"LengthPastEnd", "MODIFIED_PARAMETER",
     "A KID or CTR length field claims more bytes than the packet has (docs/spec.md 3.6)."},
    {"NonMinimalEncoding", "EDGE_CASE",
     "A KID or CTR in more bytes than it needs, sealed correctly over that header. RFC 9605 4.3 "
     "says senders MUST encode minimally but not what receivers do: rejecting it as "
     "MALFORMED_PACKET (rtcseal) and decrypting it are both acceptable."},
    {"SuiteUnsupported", "MODIFIED_PARAMETER", "A suite outside 1..5, a typo or no suite."},
    {"SuiteAlias", "FUNCTIONALITY", "A suite given by its RFC 9605 name instead of its value."},
    {"KeyMissing", "MISSING_STEP", "No base_key or no kid, or an empty one."},
    {"KeyInvalid", "MODIFIED_PARAMETER",
     "A base_key that is not hex, or a kid that is not a "
     "decimal number 0..2^64-1."},
    {"ValidBoundary", "EDGE_CASE", "The closest valid neighbour of an invalid parameter."},
    {"RatchetBitsInvalid", "MODIFIED_PARAMETER", "ratchet_bits outside 0..63."},
    {"RatchetForward", "FUNCTIONALITY",
     "The KID names a later ratchet step of the held key generation; the receiver ratchets "
     "forward (RFC 9605 5.1)."},
    {"RatchetWrap", "EDGE_CASE", "The ratchet step's low R bits wrap around past 2^R - 1."},
    {"RatchetAmbiguous", "EDGE_CASE",
     "The KID is 2^(R-1) ratchet steps ahead, as far as it could be behind: rtcseal refuses it "
     "(UNKNOWN_KEY_ID); an implementation that reads it as ahead returns the frame."},
    {"RatchetTooFar", "EDGE_CASE",
     "The KID is more ratchet steps ahead than rtcseal follows (256): UNKNOWN_KEY_ID, or the "
     "frame for an implementation that follows further."},
    {"RatchetUnknownGeneration", "MODIFIED_PARAMETER",
     "The KID's key generation is one the receiver does not hold."},
    {"RatchetDisabled", "MODIFIED_PARAMETER",
     "The receiver does not ratchet (no ratchet_bits): a later step is an unknown KID."},
};

constexpr uint64_t kMax = UINT64_MAX;
constexpr uint64_t kEdges[] = {0, 7, 8, 255, 256, kMax};

Params to_params(const Json& j) {
  Params p;
  for (auto it = j.begin(); it != j.end(); ++it) p[it.key()] = it.value().get<std::string>();
  return p;
}

Json params_for(const Suite& s, uint64_t kid, const Bytes& base_key) {
  return Json{{"suite", std::to_string(s.id)},
              {"kid", std::to_string(kid)},
              {"base_key", to_hex(base_key)}};
}

// The reference is the generator's oracle; an error here is a bug in the generator itself.
Result<Bytes> seal(const Json& params, Media media, Codec codec, ByteView payload,
                   ByteView metadata, std::optional<uint64_t> kid, std::optional<uint64_t> ctr) {
  RTCSEAL_TRY(auto ctx, sframe::scheme().configure(to_params(params)));
  return ctx->protect({media, codec, payload, metadata, ctr, kid});
}

// A frame sealed over an arbitrary header, for encodings the scheme never writes.
Result<Bytes> seal_with_header(const Suite& s, uint64_t kid, uint64_t ctr, ByteView base_key,
                               const Bytes& header, ByteView payload) {
  RTCSEAL_TRY(sframe::KeySalt ks, sframe::derive(s, kid, base_key));
  RTCSEAL_TRY(sframe::Aead aead, sframe::Aead::create(s, ks.key));
  RTCSEAL_TRY(Bytes sealed, aead.seal(sframe::make_nonce(ks.salt, ctr), header, payload));
  Bytes packet = header;
  packet.insert(packet.end(), sealed.begin(), sealed.end());
  return packet;
}

Bytes flipped(Bytes b, size_t index, uint8_t mask) {
  b[index] ^= mask;
  return b;
}

Bytes prefix(const Bytes& b, size_t n) {
  return Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n));
}

std::string lower(std::string_view name) {
  std::string s(name);
  std::transform(s.begin(), s.end(), s.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return s;
}

// What the tests of one file share: the builder, the reproducible inputs and the oracle calls.
class Writer {
 public:
  Writer(std::string algorithm, std::vector<std::string> header, std::string_view seed)
      : rng_(seed), file_("sframe", std::move(algorithm), std::move(header), kSources, kNotes) {}

  using Failure = std::optional<InputError>;

  Failure oops(const Error& e) const {
    return InputError{"sframe generator", "", "generator: " + e.message};
  }

  struct Frame {
    Media media = Media::Video;
    Codec codec = Codec::None;
    Bytes payload, metadata;
    std::optional<uint64_t> kid, ctr;
  };

  Failure protect_test(Json& group, const Frame& f, const std::string& comment,
                       std::vector<std::string> flags) {
    auto packet = seal(group["params"], f.media, f.codec, f.payload, f.metadata, f.kid, f.ctr);
    if (!packet) return oops(packet.error());
    Json& t = file_.add(group, comment, std::move(flags));
    t["media"] = media_name(f.media);
    t["codec"] = codec_name(f.codec);
    if (f.kid) t["kid"] = *f.kid;
    if (f.ctr) t["ctr"] = *f.ctr;
    if (!f.metadata.empty()) t["metadata"] = to_hex(f.metadata);
    t["payload"] = to_hex(f.payload);
    t["packet"] = to_hex(*packet);
    t["result"] = "valid";
    return std::nullopt;
  }

  // An UnprotectTest; the caller sets result and error or payload.
  Json& unprotect_test(Json& group, const std::string& comment, const char* flag,
                       const Bytes& packet, const Json* receiver = nullptr,
                       const Bytes& metadata = {}) {
    Json& t = file_.add(group, comment, {flag});
    t["media"] = "video";
    t["codec"] = "none";
    if (!metadata.empty()) t["metadata"] = to_hex(metadata);
    t["packet"] = to_hex(packet);
    if (receiver) t["receiverParams"] = *receiver;
    return t;
  }

  void rejected(Json& group, const std::string& comment, const char* flag, const Bytes& packet,
                const char* error, const Json* receiver = nullptr, const Bytes& metadata = {}) {
    Json& t = unprotect_test(group, comment, flag, packet, receiver, metadata);
    t["result"] = "invalid";
    t["error"] = error;
  }

  void accepted(Json& group, const std::string& comment, const char* flag, const Bytes& packet,
                const Bytes& payload, const Json* receiver = nullptr) {
    Json& t = unprotect_test(group, comment, flag, packet, receiver);
    t["payload"] = to_hex(payload);
    t["result"] = "valid";
  }

  // Either outcome passes: the frame, or exactly `error`.
  void acceptable(Json& group, const std::string& comment, const char* flag, const Bytes& packet,
                  const Bytes& payload, const char* error, const Json* receiver = nullptr) {
    Json& t = unprotect_test(group, comment, flag, packet, receiver);
    t["payload"] = to_hex(payload);
    t["result"] = "acceptable";
    t["error"] = error;
  }

  TestBytes rng_;
  FileBuilder file_;
};

std::vector<std::string> size_flags(size_t n) {
  std::vector<std::string> f{"Pseudorandom"};
  if (n == 0) f.push_back("EmptyPayload");
  if (n == 16 || n == 17) f.push_back("BlockBoundary");
  if (n == 65535) f.push_back("MaxPayload");
  return f;
}

class SuiteFile : Writer {
 public:
  explicit SuiteFile(const Suite& s)
      : Writer(std::string(s.name),
               {"sframe " + std::string(s.name) + " (RFC 9605 cipher suite " +
                    std::to_string(s.id) + ").",
                "Valid packets are recomputed from RFC 9605 by tests/sframe_recompute_test.cpp."},
               s.name),
        suite_(s),
        base_key_(rng_.bytes(16)),
        kid_(0x1000 + (rng_.u64() & 0xfff)),
        params_(params_for(s, kid_, base_key_)) {}

  InputResult<std::string> build() {
    if (auto e = round_trips()) return *e;
    if (auto e = edges()) return *e;
    if (auto e = mismatches()) return *e;
    if (auto e = tampering()) return *e;
    if (auto e = hostile_headers()) return *e;
    return file_.dump();
  }

 private:
  uint64_t some_ctr() { return rng_.u64() & 0xffffffff; }

  Failure round_trips() {
    Json& g = file_.group("ProtectTest", params_);
    for (Media media : {Media::Audio, Media::Video, Media::Data}) {
      for (size_t size : {0, 1, 16, 17, 1200}) {
        Frame f{media, Codec::None, rng_.bytes(size), {}, kid_, some_ctr()};
        std::string comment =
            std::string(media_name(media)) + ", " + std::to_string(size) + "-byte frame";
        if (auto e = protect_test(g, f, comment, size_flags(size))) return e;
      }
    }
    Frame big{Media::Video, Codec::None, rng_.bytes(65535), {}, kid_, some_ctr()};
    if (auto e = protect_test(g, big, "video, 65535-byte frame", size_flags(65535))) return e;
    const std::pair<Media, Codec> codecs[] = {{Media::Audio, Codec::Opus},
                                              {Media::Video, Codec::Vp8},
                                              {Media::Video, Codec::H264},
                                              {Media::Video, Codec::Vp9},
                                              {Media::Data, Codec::None}};
    for (auto [media, codec] : codecs) {
      Frame f{media, codec, rng_.bytes(300), {}, kid_, some_ctr()};
      std::string comment = std::string(codec_name(codec)) + " " + std::string(media_name(media)) +
                            " frame, protected whole";
      if (auto e = protect_test(g, f, comment, {"WholeFrame"})) return e;
    }
    for (size_t md : {1, 14, 100}) {
      Frame f{Media::Video, Codec::None, rng_.bytes(200), rng_.bytes(md), kid_, some_ctr()};
      if (auto e = protect_test(g, f, std::to_string(md) + "-byte metadata", {"Metadata"})) {
        return e;
      }
    }
    Frame plain{Media::Audio, Codec::Opus, rng_.bytes(60), {}, std::nullopt, std::nullopt};
    return protect_test(g, plain, "nothing pinned: the configured KID and CTR 0",
                        {"DefaultCounter"});
  }

  // Every KID edge with every CTR edge: headers of 1 to 17 bytes.
  Failure edges() {
    for (uint64_t kid : kEdges) {
      Json& g = file_.group("ProtectTest", params_for(suite_, kid, base_key_));
      for (uint64_t ctr : kEdges) {
        Frame f{Media::Video, Codec::None, rng_.bytes(17), {}, kid, ctr};
        std::string comment = "kid " + std::to_string(kid) + ", ctr " + std::to_string(ctr) + " (" +
                              std::to_string(sframe::encode_header(kid, ctr).size()) +
                              "-byte header)";
        if (auto e = protect_test(g, f, comment, {"KidEdge", "CtrEdge"})) return e;
      }
    }
    return std::nullopt;
  }

  Failure mismatches() {
    Bytes payload = rng_.bytes(1200), metadata = rng_.bytes(14);
    auto plain = seal(params_, Media::Video, Codec::None, payload, {}, kid_, some_ctr());
    auto with_md = seal(params_, Media::Video, Codec::None, payload, metadata, kid_, some_ctr());
    if (!plain) return oops(plain.error());
    if (!with_md) return oops(with_md.error());
    Json& g = file_.group("UnprotectTest", params_);
    Json other_key = params_for(suite_, kid_, rng_.bytes(16));
    rejected(g, "the receiver holds another base_key", "WrongKey", *plain, "AUTH_FAILED",
             &other_key);
    Json other_kid = params_for(suite_, kid_ + 1, base_key_);
    rejected(g, "the receiver holds only KID " + std::to_string(kid_ + 1), "UnknownKid", *plain,
             "UNKNOWN_KEY_ID", &other_kid);
    for (const Suite& other : sframe::suites()) {
      if (other.id == suite_.id) continue;
      Json p = params_for(other, kid_, base_key_);
      rejected(g, "the receiver runs " + std::string(other.name), "WrongSuite", *plain,
               "AUTH_FAILED", &p);
    }
    Json& ok = unprotect_test(g, "the receiver has the same metadata", "Metadata", *with_md,
                              nullptr, metadata);
    ok["payload"] = to_hex(payload);
    ok["result"] = "valid";
    rejected(g, "the receiver has no metadata", "MetadataMismatch", *with_md, "AUTH_FAILED");
    rejected(g, "a metadata bit differs", "MetadataMismatch", *with_md, "AUTH_FAILED", nullptr,
             flipped(metadata, 5, 0x10));
    rejected(g, "metadata given for a frame sealed without", "MetadataMismatch", *plain,
             "AUTH_FAILED", nullptr, metadata);
    return std::nullopt;
  }

  Failure tampering() {
    Bytes payload = rng_.bytes(100);
    // A header with a two-byte KID and a four-byte CTR, so each part can be hit.
    const uint64_t ctr = 0x80000000 | some_ctr();
    auto sealed = seal(params_, Media::Video, Codec::None, payload, {}, kid_, ctr);
    if (!sealed) return oops(sealed.error());
    const Bytes& p = *sealed;
    const size_t hs = sframe::encode_header(kid_, ctr).size();
    Json& g = file_.group("UnprotectTest", params_);
    rejected(g, "a CTR bit flipped", "ModifiedHeader", flipped(p, hs - 1, 0x01), "AUTH_FAILED");
    rejected(g, "a KID bit flipped: another, unknown KID", "UnknownKid", flipped(p, 2, 0x01),
             "UNKNOWN_KEY_ID");
    rejected(g, "a ciphertext bit flipped", "ModifiedCiphertext", flipped(p, hs + 7, 0x80),
             "AUTH_FAILED");
    rejected(g, "a tag bit flipped", "ModifiedTag", flipped(p, p.size() - 1, 0x01), "AUTH_FAILED");
    rejected(g, "the last tag byte cut off", "ModifiedTag", prefix(p, p.size() - 1), "AUTH_FAILED");
    rejected(
        g, "a tag of zeros", "ModifiedTag",
        [&] {
          Bytes z = p;
          std::fill(z.end() - static_cast<std::ptrdiff_t>(suite_.nt), z.end(), 0);
          return z;
        }(),
        "AUTH_FAILED");
    return std::nullopt;
  }

  Failure hostile_headers() {
    Json& g = file_.group("UnprotectTest", params_);
    // The longest header (17 bytes): cut the packet at every length short of header + tag.
    Json max_params = params_for(suite_, kMax, base_key_);
    Bytes payload = rng_.bytes(8);
    auto longest = seal(max_params, Media::Video, Codec::None, payload, {}, kMax, kMax);
    if (!longest) return oops(longest.error());
    for (size_t n = 0; n < sframe::kMaxHeaderSize + suite_.nt; ++n) {
      std::string where = n < sframe::kMaxHeaderSize ? "inside the header" : "inside the tag";
      rejected(g, "cut to " + std::to_string(n) + " bytes, " + where, "Truncated",
               prefix(*longest, n), "MALFORMED_PACKET", &max_params);
    }
    // Length fields that run past the end of a short packet (docs/spec.md 3.6: RFC 9605's 3-bit
    // fields cannot claim more than 8 bytes, so "too long" means "longer than what is there").
    rejected(g, "KID length 8 with 3 bytes after the config byte", "LengthPastEnd",
             Bytes{0xf0, 0x01, 0x02, 0x03}, "MALFORMED_PACKET");
    rejected(g, "CTR length 8 with 2 bytes after the config byte", "LengthPastEnd",
             Bytes{0x0f, 0x01, 0x02}, "MALFORMED_PACKET");
    rejected(g, "KID length 2 and CTR length 8 with 9 bytes after the config byte", "LengthPastEnd",
             Bytes{0x9f, 0x10, 0x00, 1, 2, 3, 4, 5, 6, 7}, "MALFORMED_PACKET");
    // Encodings the RFC forbids a sender to write, sealed correctly over those very bytes.
    struct NonMinimal {
      const char* comment;
      uint64_t kid, ctr;
      Bytes header;
    };
    const NonMinimal cases[] = {
        {"KID 5 in an extended one-byte field", 5, 2, {0x82, 0x05}},
        {"KID 300 with a leading zero byte", 300, 2, {0xa2, 0x00, 0x01, 0x2c}},
        {"CTR 3 in an extended one-byte field", 1, 3, {0x18, 0x03}},
        {"CTR 4660 with a leading zero byte", 1, 4660, {0x1a, 0x00, 0x12, 0x34}},
    };
    for (const NonMinimal& c : cases) {
      Json receiver = params_for(suite_, c.kid, base_key_);
      Bytes frame = rng_.bytes(20);
      auto packet = seal_with_header(suite_, c.kid, c.ctr, base_key_, c.header, frame);
      if (!packet) return oops(packet.error());
      acceptable(g, c.comment, "NonMinimalEncoding", *packet, frame, "MALFORMED_PACKET", &receiver);
    }
    return std::nullopt;
  }

  const Suite& suite_;
  Bytes base_key_;
  uint64_t kid_;
  Json params_;
};

// §5.1 with R = 4: a key generation at step 14, followed forward and across the wrap of the low
// R bits, and KIDs a receiver cannot follow.
class RatchetFile : Writer {
 public:
  RatchetFile()
      : Writer("sender-key ratchet (RFC 9605 5.1)",
               {"sframe sender keys: KID = (key_generation << R) | (ratchet_step mod 2^R).",
                "The group's base_key is the key at the group's ratchet step."},
               "sframe ratchet") {}

  InputResult<std::string> build() {
    for (const Suite& s : sframe::suites()) {
      if (auto e = suite_cases(s)) return *e;
    }
    return file_.dump();
  }

 private:
  static constexpr unsigned kBits = 4;
  static constexpr uint64_t kGeneration = 0x2a;
  static constexpr uint64_t kStep = 14;

  static uint64_t kid_at(uint64_t generation, uint64_t step, unsigned bits = kBits) {
    return generation << bits | (step & ((uint64_t{1} << bits) - 1));
  }
  static Json ratchet_params(const Suite& s, uint64_t kid, ByteView base_key, unsigned bits) {
    Json p = params_for(s, kid, Bytes(base_key.begin(), base_key.end()));
    p["ratchet_bits"] = std::to_string(bits);
    return p;
  }

  Failure suite_cases(const Suite& s) {
    const Bytes base_key = rng_.bytes(16);
    const std::string name(s.name);
    Json params = ratchet_params(s, kid_at(kGeneration, kStep), base_key, kBits);
    Json& g = file_.group("ProtectTest", params);
    // 2^(R-1) - 1 = 7 steps is as far as a step can lead and still be told from a passed one.
    struct Ahead {
      uint64_t steps;
      const char* flag;
    };
    for (Ahead a : {Ahead{0, "Pseudorandom"}, Ahead{1, "RatchetForward"}, Ahead{2, "RatchetWrap"},
                    Ahead{7, "RatchetWrap"}}) {
      Frame f{
          Media::Video,       Codec::None, rng_.bytes(40), {}, kid_at(kGeneration, kStep + a.steps),
          rng_.u64() & 0xffff};
      std::string comment = name + ": " + std::to_string(a.steps) + " ratchet steps ahead";
      if (auto e = protect_test(g, f, comment, {a.flag})) return e;
    }
    Bytes payload = rng_.bytes(40);
    const uint64_t ahead = kid_at(kGeneration, kStep + 1);
    auto packet = seal(params, Media::Video, Codec::None, payload, {}, ahead, 9);
    if (!packet) return oops(packet.error());
    Json& u = file_.group("UnprotectTest", params);
    rejected(u, name + ": one step ahead, tag bit flipped", "RatchetForward",
             flipped(*packet, packet->size() - 1, 0x04), "AUTH_FAILED");
    Json other_generation = ratchet_params(s, kid_at(kGeneration + 1, kStep), base_key, kBits);
    rejected(u, name + ": the receiver holds only the next key generation",
             "RatchetUnknownGeneration", *packet, "UNKNOWN_KEY_ID", &other_generation);
    Json no_ratchet = params_for(s, kid_at(kGeneration, kStep), base_key);
    rejected(u, name + ": the receiver does not ratchet", "RatchetDisabled", *packet,
             "UNKNOWN_KEY_ID", &no_ratchet);
    if (auto e = sender_ahead(s, u, base_key, kBits, 8, "RatchetAmbiguous")) return e;
    return sender_ahead(s, u, base_key, 10, 300, "RatchetTooFar");
  }

  // A sender already `steps` ratchet steps past the receiver's step (R = `bits`): sealed by a
  // sender configured at the later step, since rtcseal's own sender would not jump that far.
  Failure sender_ahead(const Suite& s, Json& group, const Bytes& base_key, unsigned bits,
                       uint64_t steps, const char* flag) {
    crypto::SecretBytes later = crypto::secret_copy(base_key);
    for (uint64_t i = 0; i < steps; ++i) {
      auto next = sframe::ratchet(s, later);
      if (!next) return oops(next.error());
      later = std::move(*next);
    }
    const uint64_t kid = kid_at(kGeneration, kStep + steps, bits);
    Json sender = ratchet_params(s, kid, later, bits);
    Bytes payload = rng_.bytes(40);
    auto packet = seal(sender, Media::Video, Codec::None, payload, {}, kid, 3);
    if (!packet) return oops(packet.error());
    Json receiver = ratchet_params(s, kid_at(kGeneration, kStep, bits), base_key, bits);
    acceptable(group,
               std::string(s.name) + ": " + std::to_string(steps) +
                   " ratchet steps ahead (R = " + std::to_string(bits) + ")",
               flag, *packet, payload, "UNKNOWN_KEY_ID", &receiver);
    return std::nullopt;
  }
};

// Every parameter rule of docs/spec.md 3.2, with its closest valid neighbour.
std::string config_rules() {
  TestBytes rng("sframe config_rules");
  FileBuilder file("sframe", "configuration rules",
                   {"sframe parameter rules: suite, kid, base_key, ratchet_bits.",
                    "RFC 9605 defines no native error codes; only canonical errors are checked."},
                   kSources, kNotes);
  Json& g = file.group("ConfigureTest", Json::object());
  const std::string key = to_hex(rng.bytes(16));
  auto base = [&](const char* suite) {
    return Json{{"suite", suite}, {"kid", "7"}, {"base_key", key}};
  };
  auto test = [&](const std::string& comment, const char* flag, Json params, const char* error) {
    Json& t = file.add(g, comment, {flag});
    t["params"] = std::move(params);
    t["result"] = error ? "invalid" : "valid";
    if (error) t["error"] = error;
  };
  auto with = [&](const char* name, const char* value) {
    Json p = base("1");
    p[name] = value;
    return p;
  };
  auto without = [&](const char* name) {
    Json p = base("1");
    p.erase(name);
    return p;
  };
  for (const Suite& s : sframe::suites()) {
    test("suite " + std::to_string(s.id), "ValidBoundary", base(std::to_string(s.id).c_str()),
         nullptr);
    test("suite named " + std::string(s.name), "SuiteAlias", base(std::string(s.name).c_str()),
         nullptr);
  }
  test("no suite", "SuiteUnsupported", without("suite"), "MODE_UNSUPPORTED");
  for (const char* bad : {"0", "6", "61440", "65535", "01", "+1", "-1", "",
                          "aes_128_gcm_sha256_128", "AES_128_GCM"}) {
    test("suite \"" + std::string(bad) + "\"", "SuiteUnsupported", base(bad), "MODE_UNSUPPORTED");
  }
  test("no base_key", "KeyMissing", without("base_key"), "KEY_MISSING");
  test("empty base_key", "KeyMissing", with("base_key", ""), "KEY_MISSING");
  for (const char* bad : {"abc", "zz", "0x00", "00 11"}) {
    test("base_key \"" + std::string(bad) + "\"", "KeyInvalid", with("base_key", bad),
         "KEY_INVALID");
  }
  test("a one-byte base_key", "ValidBoundary", with("base_key", "00"), nullptr);
  test("an upper-case hex base_key", "ValidBoundary", with("base_key", "A0B1C2D3E4F5"), nullptr);
  test("no kid", "KeyMissing", without("kid"), "KEY_MISSING");
  test("empty kid", "KeyMissing", with("kid", ""), "KEY_MISSING");
  for (const char* bad : {"-1", "18446744073709551616", "01", "0x10", " 1", "1.0", "seven"}) {
    test("kid \"" + std::string(bad) + "\"", "KeyInvalid", with("kid", bad), "KEY_INVALID");
  }
  test("kid 0", "ValidBoundary", with("kid", "0"), nullptr);
  test("kid 2^64-1", "ValidBoundary", with("kid", "18446744073709551615"), nullptr);
  for (const char* ok : {"0", "1", "63"}) {
    test("ratchet_bits " + std::string(ok), "ValidBoundary", with("ratchet_bits", ok), nullptr);
  }
  for (const char* bad : {"64", "-1", "", "four", "08"}) {
    test("ratchet_bits \"" + std::string(bad) + "\"", "RatchetBitsInvalid",
         with("ratchet_bits", bad), "MODE_UNSUPPORTED");
  }
  return file.dump();
}

}  // namespace

InputResult<std::vector<GeneratedFile>> generate_sframe() {
  std::vector<GeneratedFile> files;
  for (const Suite& s : sframe::suites()) {
    SuiteFile f(s);
    RTCSEAL_TRY(std::string content, f.build());
    files.push_back({"sframe/" + lower(s.name) + ".json", std::move(content)});
  }
  RatchetFile ratchet;
  RTCSEAL_TRY(std::string content, ratchet.build());
  files.push_back({"sframe/ratchet.json", std::move(content)});
  files.push_back({"sframe/config_rules.json", config_rules()});
  return files;
}

}  // namespace rtcseal::vectors
