// Vectors of scheme framecryptor (docs/spec.md §5): per variant a codec × size matrix, edges,
// mismatches and tampering; the LiveKit known answers and ratchet snapshot; the configuration
// rules; and the hostile frames (generate_framecryptor_hostile.cpp). Packets come from the
// reference; tests/framecryptor_recompute_test.cpp recomputes every ProtectTest from the spec.
#include "generate_framecryptor.h"

namespace rtcseal::vectors {

namespace {

using namespace fcgen;
namespace fc = framecryptor;
using Failure = std::optional<InputError>;

std::vector<std::string> flags_for(size_t size, size_t clear) {
  if (size == 0) return {"EmptyPayload"};
  if (size == clear) return {"ClearHeaderOnly"};
  if (size == 65535) return {"Pseudorandom", "MaxPayload"};
  return {"Pseudorandom"};
}

Bytes flipped(Bytes b, size_t index, uint8_t mask) {
  b[index] ^= mask;
  return b;
}

// One vector file under construction.
class FcFile {
 public:
  FcFile(std::string path, const std::string& algorithm, std::vector<std::string> header)
      : path_(std::move(path)),
        file_("framecryptor", algorithm, std::move(header), kSources, kNotes) {}

  Json& group(const char* type, const Params& params) { return file_.group(type, Json(params)); }

  Failure protect(Json& g, const Params& params, Media media, Codec codec, const Bytes& payload,
                  uint64_t ctr, const std::string& comment, std::vector<std::string> flags) {
    auto packet = seal(params, media, codec, payload, ctr);
    if (!packet) return oops(path_, packet.error());
    Json& t = file_.add(g, comment, std::move(flags));
    t["ctr"] = ctr;
    describe_frame(t, media, codec, *packet, payload);
    t["result"] = "valid";
    return std::nullopt;
  }

  // An UnprotectTest of `packet` under the group's parameters or `receiver`, when given.
  Failure accepted(Json& g, const Params& group_params, std::optional<Params> receiver, Media media,
                   Codec codec, const Bytes& packet, const Bytes& payload,
                   const std::string& comment, std::vector<std::string> flags) {
    auto got = open(receiver.value_or(group_params), media, codec, packet);
    if (!got || *got != payload) {
      return InputError{path_, "", "generator: the reference rejected " + comment};
    }
    Json& t = file_.add(g, comment, std::move(flags));
    describe_frame(t, media, codec, packet, ByteView(payload));
    if (receiver) t["receiverParams"] = Json(*receiver);
    t["result"] = "valid";
    return std::nullopt;
  }

  Failure rejected(Json& g, const Params& group_params, std::optional<Params> receiver, Media media,
                   Codec codec, const Bytes& packet, Err intended, const std::string& comment,
                   std::vector<std::string> flags) {
    Json& t = file_.add(g, comment, std::move(flags));
    if (receiver) t["receiverParams"] = Json(*receiver);
    return expect_rejected(t, path_, receiver.value_or(group_params), media, codec, packet,
                           intended);
  }

  FileBuilder& builder() { return file_; }
  const std::string& path() const { return path_; }
  GeneratedFile done() const { return {path_, file_.dump()}; }

 private:
  std::string path_;
  FileBuilder file_;
};

// ---- One variant (and, for LiveKit, one KDF): the matrix, edges, mismatches, tampering ----

struct Profile {
  std::string path;
  fc::Variant variant;
  std::optional<fc::Kdf> kdf;  // absent: the variant's default (§5.3)
  // PBKDF2 costs ~40 ms per configure and per ratchet step, so the PBKDF2 profile covers each
  // frame kind once, mismatches and tampering; the cheap HKDF profiles carry sizes, edges and
  // ratchet recovery (which livekit_ratchet_kat.json covers for PBKDF2).
  bool full;
};

class VariantFile {
 public:
  explicit VariantFile(const Profile& p)
      : p_(p),
        rng_(p.path),
        file_("framecryptor/" + p.path, std::string(fc::variant_name(p.variant)),
              {"framecryptor, variant " + std::string(fc::variant_name(p.variant)) +
                   (p.kdf ? ", kdf " + std::string(fc::kdf_name(*p.kdf)) : std::string()),
               "Every ProtectTest is recomputed from docs/spec.md section 5 by "
               "tests/framecryptor_recompute_test.cpp."}) {
    params_["variant"] = std::string(fc::variant_name(p.variant));
    if (p.kdf) params_["kdf"] = std::string(fc::kdf_name(*p.kdf));
    // LiveKit's default KDF reads a passphrase; the HKDF mode and Jitsi take raw key bytes.
    const bool passphrase = p.variant == fc::Variant::LiveKit && !p.kdf;
    params_["key"] = passphrase ? "lk-" + to_hex(rng_.bytes(8))
                                : std::string(fc::kHexPrefix) + to_hex(rng_.bytes(32));
    params_["ssrc"] = std::to_string(rng_.u64() >> 32);
    params_["rtp_timestamp"] = std::to_string(rng_.u64() >> 32);
  }

  InputResult<GeneratedFile> build() {
    if (auto e = matrix()) return *e;
    if (p_.full) {
      if (auto e = edges()) return *e;
      if (auto e = ratchet_recovery()) return *e;
    }
    if (auto e = mismatches()) return *e;
    if (auto e = tampering()) return *e;
    return file_.done();
  }

 private:
  std::vector<size_t> sizes(const FrameKind& k) const {
    if (!p_.full) return {100};
    std::vector<size_t> s = {k.min_size, k.min_size + 1, 100, 1200};
    if (k.media == Media::Data) s.push_back(65535);
    return s;
  }

  Failure matrix() {
    Json& g = file_.group("ProtectTest", params_);
    for (const FrameKind& k : frame_kinds(p_.variant)) {
      for (size_t size : sizes(k)) {
        const std::string comment = std::string(k.name) + ", " + std::to_string(size) + " bytes";
        if (auto e = file_.protect(g, params_, k.media, k.codec, k.make(rng_, size),
                                   rng_.u64() >> 32, comment, flags_for(size, k.min_size))) {
          return e;
        }
      }
    }
    return std::nullopt;
  }

  Failure edges() {
    Params at_zero = params_;
    at_zero["rtp_timestamp"] = "0";
    Json& g = file_.group("ProtectTest", at_zero);
    const uint64_t counters[] = {0, 1, 0xfffe, 0xffff, 0x10000, ~uint64_t{0}};
    for (uint64_t ctr : counters) {
      if (auto e = file_.protect(g, at_zero, Media::Audio, Codec::Opus, rng_.bytes(20), ctr,
                                 "RTP timestamp 0, send count " + std::to_string(ctr),
                                 {"CounterEdge"})) {
        return e;
      }
    }
    Params at_top = params_;
    at_top["rtp_timestamp"] = "4294967295";
    at_top["ssrc"] = "4294967295";
    Json& top = file_.group("ProtectTest", at_top);
    if (auto e = file_.protect(top, at_top, Media::Audio, Codec::Opus, rng_.bytes(20), 1,
                               "SSRC and RTP timestamp 2^32-1", {"CounterEdge"})) {
      return e;
    }
    for (const auto& [ring, index] : {std::pair{"16", "15"}, std::pair{"256", "255"}}) {
      Params p = params_;
      p["ring_size"] = ring;
      p["key_index"] = index;
      Json& kg = file_.group("ProtectTest", p);
      if (auto e = file_.protect(
              kg, p, Media::Video, Codec::Vp8, vp8_key_frame(rng_, 40), rng_.u64() >> 32,
              std::string("key index ") + index + " of a ring of " + ring, {"KeyIndexEdge"})) {
        return e;
      }
    }
    if (p_.variant == fc::Variant::LiveKit) return h264_edges();
    return std::nullopt;
  }

  Failure h264_edges() {
    // SSRC 1 and timestamp 0 put 00 00 00 01 00 00 00 00 at the head of the IV.
    Params p = params_;
    p["ssrc"] = "1";
    p["rtp_timestamp"] = "0";
    Json& g = file_.group("ProtectTest", p);
    const Bytes frame = h264_idr(rng_, 60);
    auto packet = seal(p, Media::Video, Codec::H264, frame, 7);
    if (!packet) return oops(file_.path(), packet.error());
    if (packet->size() <= frame.size() + fc::kOverhead) {
      return InputError{file_.path(), "", "generator: the H.264 escaping case did not escape"};
    }
    if (auto e = file_.protect(g, p, Media::Video, Codec::H264, frame, 7,
                               "video/h264 IDR frame, IV escaped", {"H264Escaping"})) {
      return e;
    }
    // An SEI of 300 bytes before the slice: the clear header is 310 bytes long.
    Bytes large{0x00, 0x00, 0x00, 0x01, 0x06};
    Bytes sei = h264_idr(rng_, 319);
    large.insert(large.end(), sei.begin() + 19, sei.end());  // 300 nonzero bytes
    large.insert(large.end(), {0x00, 0x00, 0x01, 0x65});
    Bytes tail = rng_.bytes(40);
    large.insert(large.end(), tail.begin(), tail.end());
    return file_.protect(g, p, Media::Video, Codec::H264, large, 8,
                         "video/h264, first slice at offset 308", {"LargeClearHeader"});
  }

  // A frame and its packet under the group's parameters, for the receiver-side tests.
  struct Sealed {
    Bytes payload, packet;
  };
  InputResult<Sealed> reference_frame(const Params& sender) {
    Sealed s{vp8_key_frame(rng_, 100), {}};
    auto packet = seal(sender, Media::Video, Codec::Vp8, s.payload, rng_.u64() >> 32);
    if (!packet) return oops(file_.path(), packet.error());
    s.packet = std::move(packet).value();
    return s;
  }

  Failure mismatches() {
    RTCSEAL_TRY(Sealed s, reference_frame(params_));
    Json& g = file_.group("UnprotectTest", params_);
    auto reject = [&](Params receiver, const std::string& comment, const char* flag) {
      return file_.rejected(g, params_, receiver, Media::Video, Codec::Vp8, s.packet,
                            Err::AUTH_FAILED, comment, {flag});
    };
    Params other = params_;
    other["key"] = std::string(fc::kHexPrefix) + to_hex(rng_.bytes(32));
    if (p_.full) {
      if (auto e = reject(other, "the receiver has other key material", "WrongKey")) return e;
    }
    other["ratchet_window"] = "0";
    if (auto e = reject(other, "other key material, ratchet window 0", "WrongKey")) return e;
    Params variant = params_;
    variant["variant"] =
        p_.variant == fc::Variant::LiveKit ? std::string("jitsi") : std::string("livekit");
    variant["ratchet_window"] = "0";
    // A KDF only this variant runs would make the receiver reject its configuration instead.
    if (p_.kdf && !fc::kdf_allowed(p_.variant == fc::Variant::LiveKit ? fc::Variant::Jitsi
                                                                      : fc::Variant::LiveKit,
                                   *p_.kdf)) {
      variant.erase("kdf");
    }
    if (auto e = reject(variant, "the receiver runs the other variant", "WrongVariant")) return e;
    // The variant's other key schedule: pbkdf2 and hkdf, or hkdf and hkdf-jframeinfo.
    const fc::Kdf mine = p_.kdf.value_or(fc::default_kdf(p_.variant));
    Params kdf = params_;
    for (fc::Kdf k : {fc::Kdf::Pbkdf2, fc::Kdf::Hkdf, fc::Kdf::HkdfJFrameInfo}) {
      if (k != mine && fc::kdf_allowed(p_.variant, k)) kdf["kdf"] = std::string(fc::kdf_name(k));
    }
    kdf["ratchet_window"] = "0";
    if (auto e = reject(kdf, "the receiver derives with the other KDF", "WrongKdf")) return e;
    if (p_.variant == fc::Variant::Jitsi) return std::nullopt;
    Params salt = params_;
    salt["salt"] = "hex:0001020304050607";
    salt["ratchet_window"] = "0";
    return reject(salt, "the receiver has another ratchet salt", "WrongSalt");
  }

  // Senders k ratchet steps ahead of a receiver with the default window of 8 (§5.7).
  Failure ratchet_recovery() {
    fc::KeySchedule schedule;
    schedule.variant = p_.variant;
    schedule.kdf = p_.kdf.value_or(fc::default_kdf(p_.variant));
    auto material = fc::decode_bytes_param(params_["key"]);
    if (!material) return oops(file_.path(), material.error());
    std::vector<crypto::SecretBytes> chain{*material};
    for (size_t k = 1; k <= fc::kDefaultRatchetWindow + 1; ++k) {
      auto next = fc::ratchet(schedule, chain.back());
      if (!next) return oops(file_.path(), next.error());
      chain.push_back(std::move(next).value());
    }
    Json& g = file_.group("UnprotectTest", params_);
    for (size_t k : {size_t{1}, fc::kDefaultRatchetWindow, fc::kDefaultRatchetWindow + 1}) {
      Params sender = params_;
      sender["key"] = std::string(fc::kHexPrefix) + to_hex(chain[k]);
      RTCSEAL_TRY(Sealed s, reference_frame(sender));
      const std::string comment =
          "the sender's key is " + std::to_string(k) + " ratchet steps ahead (window 8)";
      Failure e = k <= fc::kDefaultRatchetWindow
                      ? file_.accepted(g, params_, std::nullopt, Media::Video, Codec::Vp8, s.packet,
                                       s.payload, comment, {"RatchetRecovery"})
                      : file_.rejected(g, params_, std::nullopt, Media::Video, Codec::Vp8, s.packet,
                                       Err::AUTH_FAILED, comment, {"RatchetWindowExceeded"});
      if (e) return e;
      if (k == 1) {
        Params no_window = params_;
        no_window["ratchet_window"] = "0";
        if (auto f = file_.rejected(g, params_, no_window, Media::Video, Codec::Vp8, s.packet,
                                    Err::AUTH_FAILED, "one step ahead, ratchet window 0",
                                    {"RatchetWindowExceeded"})) {
          return f;
        }
      }
    }
    return std::nullopt;
  }

  Failure tampering() {
    // Window 0: a tag failure is final here; the default window would only add failed attempts.
    Params receiver = params_;
    receiver["ratchet_window"] = "0";
    RTCSEAL_TRY(Sealed s, reference_frame(receiver));
    const Bytes& pkt = s.packet;
    const size_t n = 10, end = pkt.size();  // a VP8 key frame keeps 10 bytes clear
    Json& g = file_.group("UnprotectTest", receiver);
    struct Case {
      const char* comment;
      const char* flag;
      Bytes packet;
      Err error;
    };
    const Case cases[] = {
        {"a clear header bit flipped", "ModifiedHeader", flipped(pkt, 5, 0x10), Err::AUTH_FAILED},
        {"the key frame bit set: the receiver keeps 3 bytes clear", "ModifiedHeader",
         flipped(pkt, 0, 0x01), Err::AUTH_FAILED},
        {"a ciphertext bit flipped", "ModifiedCiphertext", flipped(pkt, n + 3, 0x80),
         Err::AUTH_FAILED},
        {"a tag bit flipped", "ModifiedTag", flipped(pkt, end - 15, 0x01), Err::AUTH_FAILED},
        {"an IV bit flipped", "ModifiedIv", flipped(pkt, end - 3, 0x40), Err::AUTH_FAILED},
        {"IV_LEN 13", "InvalidTrailer", flipped(pkt, end - 2, 0x0c ^ 0x0d), Err::MALFORMED_PACKET},
        {"IV_LEN 0", "InvalidTrailer", flipped(pkt, end - 2, 0x0c), Err::MALFORMED_PACKET},
        {"IV_LEN 255", "InvalidTrailer", flipped(pkt, end - 2, 0x0c ^ 0xff), Err::MALFORMED_PACKET},
        {"key index 1: a slot without a key", "UnknownKeyIndex", flipped(pkt, end - 1, 0x01),
         Err::UNKNOWN_KEY_ID},
        {"key index 15: the last slot, without a key", "UnknownKeyIndex",
         flipped(pkt, end - 1, 0x0f), Err::UNKNOWN_KEY_ID},
        {"key index 16: outside a ring of 16", "UnknownKeyIndex", flipped(pkt, end - 1, 0x10),
         Err::UNKNOWN_KEY_ID},
        {"key index 255", "UnknownKeyIndex", flipped(pkt, end - 1, 0xff), Err::UNKNOWN_KEY_ID},
    };
    for (const Case& c : cases) {
      if (auto e = file_.rejected(g, receiver, std::nullopt, Media::Video, Codec::Vp8, c.packet,
                                  c.error, c.comment, {c.flag})) {
        return e;
      }
    }
    Params other_slot = receiver;
    other_slot["key_index"] = "3";
    RTCSEAL_TRY(Sealed from3, reference_frame(other_slot));
    return file_.rejected(g, receiver, std::nullopt, Media::Video, Codec::Vp8, from3.packet,
                          Err::UNKNOWN_KEY_ID, "the sender uses slot 3, the receiver holds slot 0",
                          {"UnknownKeyIndex"});
  }

  Profile p_;
  TestBytes rng_;
  FcFile file_;
  Params params_;
};

// ---- LiveKit's known answers and ratchet snapshot (facts §3.2) ----

InputResult<GeneratedFile> ratchet_kat() {
  FcFile file("framecryptor/livekit_ratchet_kat.json", "livekit known answers",
              {"LiveKit known answers: material \"password\", salt LKFrameEncryptionKey, zero "
               "IV (SSRC 0, RTP timestamp 0, send count 0), no clear header (data), plaintext "
               "00..10 (facts.md 3.2), then the same frame under each ratchet step.",
               "The comments give each step's AES key K(R^k(M)); the UnprotectTests check that "
               "a receiver holding M ratchets forward to accept them."});
  const Bytes payload = [] {
    Bytes b(17);
    for (size_t i = 0; i < b.size(); ++i) b[i] = static_cast<uint8_t>(i);
    return b;
  }();
  const Params base{
      {"variant", "livekit"}, {"key", "password"}, {"ssrc", "0"}, {"rtp_timestamp", "0"}};
  const fc::KeySchedule schedule;
  crypto::SecretBytes material = crypto::secret_copy(as_bytes("password"));
  std::vector<Bytes> packets;
  for (size_t k = 0; k <= fc::kDefaultRatchetWindow + 1; ++k) {
    Params p = base;
    if (k > 0) p["key"] = std::string(fc::kHexPrefix) + to_hex(material);
    auto key = fc::encryption_key(schedule, material);
    auto packet = seal(p, Media::Data, Codec::None, payload, 0);
    if (!key || !packet) return oops(file.path(), key ? packet.error() : key.error());
    packets.push_back(*packet);
    if (k <= fc::kDefaultRatchetWindow) {
      Json& g = file.group("ProtectTest", p);
      if (auto e = file.protect(g, p, Media::Data, Codec::None, payload, 0,
                                "ratchet step " + std::to_string(k) + ": K = " + to_hex(*key),
                                {k == 0 ? "KnownAnswer" : "RatchetStep"})) {
        return *e;
      }
    }
    auto next = fc::ratchet(schedule, material);
    if (!next) return oops(file.path(), next.error());
    material = std::move(next).value();
  }
  Json& g = file.group("UnprotectTest", base);
  for (size_t k : {size_t{1}, fc::kDefaultRatchetWindow, fc::kDefaultRatchetWindow + 1}) {
    const std::string comment =
        "a frame of ratchet step " + std::to_string(k) + ", received with the step-0 material";
    Failure e = k <= fc::kDefaultRatchetWindow
                    ? file.accepted(g, base, std::nullopt, Media::Data, Codec::None, packets[k],
                                    payload, comment, {"RatchetRecovery"})
                    : file.rejected(g, base, std::nullopt, Media::Data, Codec::None, packets[k],
                                    Err::AUTH_FAILED, comment, {"RatchetWindowExceeded"});
    if (e) return *e;
  }
  // webrtc-sdk api/crypto/frame_crypto_transformer_unittest.cc: material 00..0f, salt 00..07.
  const Params cpp{{"variant", "livekit"},
                   {"key", "hex:000102030405060708090a0b0c0d0e0f"},
                   {"salt", "hex:0001020304050607"},
                   {"ssrc", "0"},
                   {"rtp_timestamp", "0"}};
  Json& cg = file.group("ProtectTest", cpp);
  if (auto e = file.protect(
          cg, cpp, Media::Data, Codec::None, Bytes(payload.begin(), payload.end() - 1), 0,
          "libwebrtc unit test key: K = a658cd52efbacadfecdfe0a0dc574ec3", {"KnownAnswer"})) {
    return *e;
  }
  return file.done();
}

// ---- Configuration rules (§5.2) ----

GeneratedFile config_rules() {
  FcFile file("framecryptor/config_rules.json", "configuration rules",
              {"framecryptor parameter rules (docs/spec.md section 5.2)."});
  Json& g = file.group("ConfigureTest", Params{});
  auto add = [&](const std::string& comment, const char* flag, const Params& params,
                 std::optional<Err> error) {
    Json& t = file.builder().add(g, comment, {flag});
    t["params"] = Json(params);
    t["result"] = error ? "invalid" : "valid";
    if (error) t["error"] = error_name(*error);
  };
  const Params lk{{"key", "passphrase"}};
  auto with = [&](const char* name, const std::string& value, Params p) {
    p[name] = value;
    return p;
  };
  add("only a key: LiveKit, PBKDF2 and every default", "ValidBoundary", lk, std::nullopt);
  add("no key", "KeyMissing", {{"variant", "livekit"}}, Err::KEY_MISSING);
  add("empty key", "KeyMissing", with("key", "", lk), Err::KEY_MISSING);
  add("key \"hex:\" holds no bytes", "KeyMissing", with("key", "hex:", lk), Err::KEY_MISSING);
  add("key with malformed hex", "KeyInvalid", with("key", "hex:0g", lk), Err::KEY_INVALID);
  add("key with an odd number of hex digits", "KeyInvalid", with("key", "hex:abc", lk),
      Err::KEY_INVALID);
  add("Jitsi with a raw key", "ValidBoundary",
      {{"variant", "jitsi"}, {"key", "hex:" + std::string(64, 'a')}}, std::nullopt);
  add("Jitsi ignores salt", "ValidBoundary", {{"variant", "jitsi"}, {"key", "k"}, {"salt", "hex:"}},
      std::nullopt);
  add("Jitsi kdf hkdf-jframeinfo", "ValidBoundary",
      {{"variant", "jitsi"}, {"key", "k"}, {"kdf", "hkdf-jframeinfo"}}, std::nullopt);
  add("Jitsi kdf pbkdf2: LiveKit's only", "ModeUnsupported",
      {{"variant", "jitsi"}, {"key", "k"}, {"kdf", "pbkdf2"}}, Err::MODE_UNSUPPORTED);
  add("LiveKit kdf hkdf-jframeinfo: Jitsi's only", "ModeUnsupported",
      with("kdf", "hkdf-jframeinfo", lk), Err::MODE_UNSUPPORTED);
  for (const char* v : {"LiveKit", "sframe", ""}) {
    add(std::string("variant \"") + v + "\"", "ModeUnsupported", with("variant", v, lk),
        Err::MODE_UNSUPPORTED);
  }
  add("kdf hkdf", "ValidBoundary", with("kdf", "hkdf", lk), std::nullopt);
  add("kdf argon2", "ModeUnsupported", with("kdf", "argon2", lk), Err::MODE_UNSUPPORTED);
  add("salt as a string", "ValidBoundary", with("salt", "another salt", lk), std::nullopt);
  add("empty salt", "SaltInvalid", with("salt", "", lk), Err::SALT_INVALID);
  add("salt \"hex:\" holds no bytes", "SaltInvalid", with("salt", "hex:", lk), Err::SALT_INVALID);
  add("salt with malformed hex", "SaltInvalid", with("salt", "hex:xy", lk), Err::SALT_INVALID);
  struct Range {
    const char* name;
    const char* valid[2];
    const char* invalid[4];
    Err error;
  };
  const Range ranges[] = {
      {"ring_size", {"1", "256"}, {"0", "257", "016", "-1"}, Err::KEY_INVALID},
      {"key_index", {"0", "15"}, {"16", "255", "01", " 1"}, Err::KEY_INVALID},
      {"ratchet_window", {"0", "255"}, {"256", "8.0", "+8", "x"}, Err::KEY_INVALID},
      {"ssrc", {"0", "4294967295"}, {"4294967296", "0x10", "-1", ""}, Err::MODE_UNSUPPORTED},
      {"rtp_timestamp",
       {"0", "4294967295"},
       {"4294967296", "1e3", "-0", ""},
       Err::MODE_UNSUPPORTED},
      {"rtp_step", {"1", "4294967295"}, {"0", "4294967296", "00", ""}, Err::MODE_UNSUPPORTED},
  };
  for (const Range& r : ranges) {
    for (const char* v : r.valid) {
      add(std::string(r.name) + " " + v, "ValidBoundary", with(r.name, v, lk), std::nullopt);
    }
    for (const char* v : r.invalid) {
      add(std::string(r.name) + " \"" + v + "\"",
          r.error == Err::KEY_INVALID ? "KeyInvalid" : "ModeUnsupported", with(r.name, v, lk),
          r.error);
    }
  }
  add("key_index 255 of a ring of 256", "ValidBoundary",
      with("key_index", "255", with("ring_size", "256", lk)), std::nullopt);
  add("key_index 1 of a ring of 1", "KeyInvalid",
      with("key_index", "1", with("ring_size", "1", lk)), Err::KEY_INVALID);
  return file.done();
}

}  // namespace

InputResult<std::vector<GeneratedFile>> generate_framecryptor() {
  std::vector<GeneratedFile> files;
  const Profile profiles[] = {
      {"livekit.json", fc::Variant::LiveKit, std::nullopt, false},
      {"livekit_hkdf.json", fc::Variant::LiveKit, fc::Kdf::Hkdf, true},
      {"jitsi.json", fc::Variant::Jitsi, std::nullopt, true},
      {"jitsi_jframeinfo.json", fc::Variant::Jitsi, fc::Kdf::HkdfJFrameInfo, true},
  };
  for (const Profile& p : profiles) {
    VariantFile vf(p);
    RTCSEAL_TRY(GeneratedFile f, vf.build());
    files.push_back(std::move(f));
  }
  RTCSEAL_TRY(GeneratedFile kat, ratchet_kat());
  files.push_back(std::move(kat));
  files.push_back(config_rules());
  for (fc::Variant v : {fc::Variant::LiveKit, fc::Variant::Jitsi}) {
    RTCSEAL_TRY(GeneratedFile f, hostile_file(v));
    files.push_back(std::move(f));
  }
  return files;
}

}  // namespace rtcseal::vectors
