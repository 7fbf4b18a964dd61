// Vectors of scheme agora-builtin: one file per mode plus the configuration rules. The packets
// come from the reference; tests/spec_recompute_test.cpp recomputes every one from docs/spec.md.
#include "rtcseal/agora_builtin.h"
#include "vector_builder.h"

namespace rtcseal::vectors {

namespace {

using agora::Family;
using agora::ModeInfo;

const std::vector<std::string> kSources = {
    "docs/spec.md (the rtcseal reference wire format)",
    "facts.md 1.1-1.3 (Agora modes, EncryptionConfig, codes)"};

constexpr Note kNotes[] = {
    {"Pseudorandom", "BASIC", "A round trip with pseudorandom payload, key and packet id."},
    {"EmptyPayload", "EDGE_CASE", "A zero-length payload."},
    {"ShortPayload", "EDGE_CASE",
     "A payload shorter than one block; XTS pads it to 16 bytes (docs/spec.md 2.5)."},
    {"BlockBoundary", "EDGE_CASE", "A payload of 15, 16 or 17 bytes, around the AES block."},
    {"MaxPayload", "EDGE_CASE", "The largest payload the harness promises: 65535 bytes."},
    {"CounterEdge", "EDGE_CASE", "Sender id and counter at 0 or at the top of their width."},
    {"DatastreamClear", "LEGACY",
     "With datastream encryption off, data packets travel in the clear as the vendor documents."},
    {"WrongKey", "MODIFIED_PARAMETER", "The receiver holds a different key string."},
    {"WrongMode", "MODIFIED_PARAMETER", "The receiver uses a related but different mode."},
    {"WrongSalt", "MODIFIED_PARAMETER", "The receiver holds a different GCM2 salt."},
    {"SaltIgnored", "FUNCTIONALITY", "Modes other than GCM2 ignore the salt (facts 1.2)."},
    {"Unauthenticated", "CONFIDENTIALITY",
     "ECB and XTS carry no integrity: a mismatch or tampering delivers garbage undetected."},
    {"ModifiedHeader", "AUTH_BYPASS", "A bit of the header (packet id) was flipped."},
    {"ModifiedCiphertext", "AUTH_BYPASS", "A bit of the ciphertext was flipped."},
    {"ModifiedTag", "AUTH_BYPASS", "A bit of the GCM tag was flipped."},
    {"InvalidHeader", "MODIFIED_PARAMETER",
     "The header has an unknown version, a media kind that differs from the stream's, or "
     "padding the mode does not allow."},
    {"Truncated", "EDGE_CASE", "The packet was cut short."},
    {"KeyMissing", "MISSING_STEP", "No key, or an empty key string: enableEncryption returns -2."},
    {"KeyInvalid", "WEAK_PARAMS", "An XTS key whose two halves are equal."},
    {"ModeUnsupported", "MODIFIED_PARAMETER",
     "A mode outside 1..8 or an unknown name: enableEncryption returns -4."},
    {"ModeAlias", "FUNCTIONALITY",
     "A mode given by its native string, Web string or enum value (facts 1.1)."},
    {"DefaultMode", "FUNCTIONALITY", "No mode given: the vendor default AES_128_GCM2 applies."},
    {"SaltMissing", "MISSING_STEP", "A GCM2 mode without a salt."},
    {"SaltInvalid", "MODIFIED_PARAMETER",
     "A GCM2 salt that is not base64, not 32 bytes once decoded, or all zero."},
    {"ValidBoundary", "EDGE_CASE", "The closest valid neighbour of an invalid parameter."},
    {"DatastreamInvalid", "MODIFIED_PARAMETER", "The datastream flag is neither true nor false."},
};

std::string hex_key(TestBytes& rng) {
  return to_hex(rng.bytes(32));
}
std::string b64_salt(TestBytes& rng) {
  return to_base64(rng.bytes(32));
}

Json params_for(const ModeInfo& mode, const std::string& key, const std::string& salt) {
  Json p{{"mode", mode.name}, {"key", key}, {"datastream", "true"}};
  if (mode.family == Family::Gcm2) p["salt"] = salt;
  return p;
}

Params to_params(const Json& j) {
  Params p;
  for (auto it = j.begin(); it != j.end(); ++it) p[it.key()] = it.value().get<std::string>();
  return p;
}

// The reference is the generator's oracle; an error here is a bug in the generator itself.
Result<Bytes> seal(const Json& params, Media media, ByteView payload, std::optional<uint64_t> kid,
                   std::optional<uint64_t> ctr) {
  RTCSEAL_TRY(auto ctx, agora::scheme().configure(to_params(params)));
  return ctx->protect({media, Codec::None, payload, {}, ctr, kid});
}

std::vector<std::string> size_flags(size_t n) {
  std::vector<std::string> f{"Pseudorandom"};
  if (n == 0) f.push_back("EmptyPayload");
  if (n > 0 && n < agora::kBlockSize) f.push_back("ShortPayload");
  if (n >= 15 && n <= 17) f.push_back("BlockBoundary");
  if (n == 65535) f.push_back("MaxPayload");
  return f;
}

Bytes flipped(Bytes b, size_t index, uint8_t mask) {
  b[index] ^= mask;
  return b;
}

// The mode a mismatched receiver uses: the closest relative, so the wire layout still parses.
const ModeInfo& sibling(const ModeInfo& m) {
  static constexpr int kSibling[] = {0, 3, 4, 1, 2, 7, 8, 5, 6};
  return agora::modes()[kSibling[m.value] - 1];
}

class ModeFile {
 public:
  explicit ModeFile(const ModeInfo& mode)
      : mode_(mode),
        rng_(mode.name),
        file_("agora-builtin", std::string(mode.name),
              {"agora-builtin " + std::string(mode.name) + " under the rtcseal reference format.",
               "Every packet is recomputed from docs/spec.md by tests/spec_recompute_test.cpp."},
              kSources, kNotes),
        key_(hex_key(rng_)),
        salt_(b64_salt(rng_)),
        params_(params_for(mode, key_, salt_)) {}

  InputResult<std::string> build() {
    if (auto e = round_trips()) return *e;
    if (auto e = datastream_off()) return *e;
    if (auto e = mismatches()) return *e;
    if (auto e = tampering()) return *e;
    return file_.dump();
  }

 private:
  using Failure = std::optional<InputError>;

  struct Ids {
    uint64_t kid, ctr;
  };
  // Drawn in a fixed order (counter, then sender id): as two arguments of one call, the order
  // would be the compiler's choice and the files would differ between g++ and clang.
  Ids random_ids() {
    uint64_t ctr = rng_.u64() >> 1;
    uint64_t kid = rng_.u64() & 0xffffffff;
    return {kid, ctr};
  }

  Failure oops(const Error& e) const {
    return InputError{std::string(mode_.name), "", "generator: " + e.message};
  }
  bool pinned() const { return mode_.family != Family::Ecb; }

  Failure protect_test(Json& group, Media media, size_t size, std::vector<std::string> flags,
                       std::string comment, std::optional<uint64_t> kid,
                       std::optional<uint64_t> ctr, const Json& params) {
    Bytes payload = rng_.bytes(size);
    if (!pinned()) kid = ctr = std::nullopt;
    auto packet = seal(params, media, payload, kid, ctr);
    if (!packet) return oops(packet.error());
    Json& t = file_.add(group, comment, std::move(flags));
    t["media"] = media_name(media);
    t["codec"] = "none";
    if (kid) t["kid"] = *kid;
    if (ctr) t["ctr"] = *ctr;
    t["payload"] = to_hex(payload);
    t["packet"] = to_hex(*packet);
    t["result"] = "valid";
    return std::nullopt;
  }

  Failure round_trips() {
    Json& g = file_.group("ProtectTest", params_);
    for (Media media : {Media::Audio, Media::Video, Media::Data}) {
      for (size_t size : {0, 1, 15, 16, 17, 1200, 65535}) {
        std::string comment =
            std::string(media_name(media)) + ", " + std::to_string(size) + "-byte payload";
        Ids ids = random_ids();
        if (auto e = protect_test(g, media, size, size_flags(size), comment, ids.kid, ids.ctr,
                                  params_)) {
          return e;
        }
      }
    }
    if (!pinned()) return std::nullopt;
    if (auto e = protect_test(g, Media::Audio, 17, {"CounterEdge"}, "sender id 0, counter 0", 0, 0,
                              params_)) {
      return e;
    }
    return protect_test(g, Media::Video, 17, {"CounterEdge"},
                        "sender id and counter at their maximum", 0xffffffffu, ~uint64_t{0},
                        params_);
  }

  Failure datastream_off() {
    Json params = params_;
    params["datastream"] = "false";
    Json& g = file_.group("ProtectTest", params);
    Ids data_ids = random_ids();
    if (auto e = protect_test(g, Media::Data, 17, {"DatastreamClear"},
                              "datastream encryption off: data is sent in the clear", data_ids.kid,
                              data_ids.ctr, params)) {
      return e;
    }
    Ids audio_ids = random_ids();
    return protect_test(g, Media::Audio, 17, {"Pseudorandom"},
                        "datastream encryption off: audio is still encrypted", audio_ids.kid,
                        audio_ids.ctr, params);
  }

  bool authenticated() const { return mode_.family == Family::Gcm || mode_.family == Family::Gcm2; }

  // A rejected packet: the canonical error under GCM, garbage delivered under ECB and XTS.
  void expect_mismatch(Json& t, const Bytes& payload) {
    if (authenticated()) {
      t["result"] = "invalid";
      t["error"] = "AUTH_FAILED";
    } else {
      t["payload"] = to_hex(payload);
      t["result"] = "invalid";
      t["outcome"] = "undetected";
      t["flags"].push_back("Unauthenticated");
    }
  }

  Failure mismatches() {
    Bytes payload = rng_.bytes(1200);
    Ids ids = random_ids();
    auto packet = seal(params_, Media::Video, payload, ids.kid, ids.ctr);
    if (!packet) return oops(packet.error());
    Json& g = file_.group("UnprotectTest", params_);
    auto add = [&](const char* comment, const char* flag, const Json& receiver) -> Json& {
      Json& t = file_.add(g, comment, {flag});
      t["media"] = "video";
      t["codec"] = "none";
      t["packet"] = to_hex(*packet);
      t["receiverParams"] = receiver;
      return t;
    };
    Json wrong_key = params_;
    wrong_key["key"] = hex_key(rng_);
    expect_mismatch(add("the receiver has another key", "WrongKey", wrong_key), payload);

    const ModeInfo& other = sibling(mode_);
    Json wrong_mode = params_for(other, key_, salt_);
    expect_mismatch(
        add(("the receiver uses " + std::string(other.name)).c_str(), "WrongMode", wrong_mode),
        payload);

    Json other_salt = params_;
    other_salt["salt"] = b64_salt(rng_);
    if (mode_.family == Family::Gcm2) {
      expect_mismatch(add("the receiver has another salt", "WrongSalt", other_salt), payload);
    } else {
      Json& t = add("the receiver has a salt; this mode ignores it", "SaltIgnored", other_salt);
      t["payload"] = to_hex(payload);
      t["result"] = "valid";
    }
    return std::nullopt;
  }

  Failure tampering() {
    Bytes payload = rng_.bytes(100);
    Ids ids = random_ids();
    auto sealed = seal(params_, Media::Audio, payload, ids.kid, ids.ctr);
    if (!sealed) return oops(sealed.error());
    const Bytes& packet = *sealed;
    Json& g = file_.group("UnprotectTest", params_);
    auto add = [&](const std::string& comment, const char* flag, const Bytes& pkt) -> Json& {
      Json& t = file_.add(g, comment, {flag});
      t["media"] = "audio";
      t["codec"] = "none";
      t["packet"] = to_hex(pkt);
      return t;
    };
    auto malformed = [&](const std::string& comment, const char* flag, const Bytes& pkt) {
      Json& t = add(comment, flag, pkt);
      t["result"] = "invalid";
      t["error"] = "MALFORMED_PACKET";
    };
    size_t body = agora::min_packet_size(mode_.family) - (authenticated() ? agora::kTagSize : 0);
    if (pinned()) {
      expect_mismatch(add("a packet-id bit flipped", "ModifiedHeader",
                          flipped(packet, agora::kHeaderSize + 11, 0x01)),
                      payload);
    }
    expect_mismatch(
        add("a ciphertext bit flipped", "ModifiedCiphertext", flipped(packet, body + 3, 0x80)),
        payload);
    if (authenticated()) {
      Json& t = add("a tag bit flipped", "ModifiedTag", flipped(packet, packet.size() - 1, 0x01));
      t["result"] = "invalid";
      t["error"] = "AUTH_FAILED";
      Json& cut =
          add("the last tag byte cut off", "Truncated", Bytes(packet.begin(), packet.end() - 1));
      cut["result"] = "invalid";
      cut["error"] = "AUTH_FAILED";
      malformed("padding bits set in a GCM header", "InvalidHeader", flipped(packet, 0, 0x01));
    }
    malformed("header version 2", "InvalidHeader", flipped(packet, 0, 0xc0));
    {
      Json& t =
          add("header says video on an audio stream", "InvalidHeader", flipped(packet, 0, 0x10));
      t["result"] = "invalid";
      t["error"] = "MALFORMED_PACKET";
    }
    for (size_t len = 0; len < agora::min_packet_size(mode_.family); ++len) {
      malformed("truncated to " + std::to_string(len) + " bytes", "Truncated",
                Bytes(packet.begin(), packet.begin() + static_cast<std::ptrdiff_t>(len)));
    }
    if (!authenticated()) {
      malformed("body cut to a partial block", "Truncated",
                Bytes(packet.begin(), packet.begin() + static_cast<std::ptrdiff_t>(body + 7)));
    }
    return std::nullopt;
  }

  const ModeInfo& mode_;
  TestBytes rng_;
  FileBuilder file_;
  std::string key_, salt_;
  Json params_;
};

// Every key, salt and mode rule of docs/spec.md 2.3, with its closest valid neighbour.
std::string config_rules() {
  TestBytes rng("config_rules");
  FileBuilder file(
      "agora-builtin", "configuration rules",
      {"agora-builtin key, salt and mode rules.", "Native codes are enableEncryption() returns."},
      kSources, kNotes);
  Json& g = file.group("ConfigureTest", Json::object());
  auto add = [&](const std::string& comment, const char* flag, Json params) -> Json& {
    Json& t = file.add(g, comment, {flag});
    t["params"] = std::move(params);
    return t;
  };
  auto invalid = [&](const std::string& comment, const char* flag, Json params, const char* err,
                     const char* native) {
    Json& t = add(comment, flag, std::move(params));
    t["result"] = "invalid";
    t["error"] = err;
    t["native"] = native;
  };
  auto valid = [&](const std::string& comment, const char* flag, Json params) {
    add(comment, flag, std::move(params))["result"] = "valid";
  };
  const std::string salt = b64_salt(rng);
  for (const ModeInfo& m : agora::modes()) {
    std::string name(m.name);
    Json base = params_for(m, hex_key(rng), salt);
    Json no_key = base;
    no_key.erase("key");
    invalid(name + ": no key", "KeyMissing", no_key, "KEY_MISSING", "-2");
    Json empty_key = base;
    empty_key["key"] = "";
    invalid(name + ": empty key", "KeyMissing", empty_key, "KEY_MISSING", "-2");
    for (std::string_view alias : {m.native, m.web}) {
      Json p = base;
      p["mode"] = alias;
      valid(name +
                " named "
                " + std::string(alias) + "
                "",
            "ModeAlias", p);
    }
    Json by_value = base;
    by_value["mode"] = std::to_string(m.value);
    valid(name + " given as " + std::to_string(m.value), "ModeAlias", by_value);
  }
  for (const char* mode : {"0", "9", "MODE_END", "none", "AES_128_GCM3", "", "aes-128-gcm2 "}) {
    invalid(
        "mode "
        " + std::string(mode) + "
        "",
        "ModeUnsupported", Json{{"mode", mode}, {"key", hex_key(rng)}}, "MODE_UNSUPPORTED", "-4");
  }
  invalid("no mode: the default AES_128_GCM2 wants a salt", "DefaultMode",
          Json{{"key", hex_key(rng)}}, "SALT_MISSING", "-2");
  valid("no mode, with a salt", "DefaultMode", Json{{"key", hex_key(rng)}, {"salt", salt}});

  Bytes one_bit(32, 0);
  one_bit[31] = 1;
  for (const char* mode : {"AES_128_GCM2", "AES_256_GCM2"}) {
    std::string m(mode);
    Json base{{"mode", mode}, {"key", hex_key(rng)}};
    invalid(m + ": no salt", "SaltMissing", base, "SALT_MISSING", "-2");
    auto with_salt = [&](const std::string& s) {
      Json p = base;
      p["salt"] = s;
      return p;
    };
    invalid(m + ": empty salt", "SaltMissing", with_salt(""), "SALT_MISSING", "-2");
    invalid(m + ": all-zero salt", "SaltInvalid", with_salt(to_base64(Bytes(32, 0))),
            "SALT_INVALID", "-2");
    valid(m + ": salt with a single bit set", "ValidBoundary", with_salt(to_base64(one_bit)));
    invalid(m + ": 31-byte salt", "SaltInvalid", with_salt(to_base64(rng.bytes(31))),
            "SALT_INVALID", "-2");
    valid(m + ": 32-byte salt", "ValidBoundary", with_salt(to_base64(rng.bytes(32))));
    invalid(m + ": 33-byte salt", "SaltInvalid", with_salt(to_base64(rng.bytes(33))),
            "SALT_INVALID", "-2");
    invalid(m + ": salt that is not base64", "SaltInvalid", with_salt("not base64!"),
            "SALT_INVALID", "-2");
    std::string unpadded = to_base64(rng.bytes(32));
    unpadded.pop_back();
    invalid(m + ": salt without its base64 padding", "SaltInvalid", with_salt(unpadded),
            "SALT_INVALID", "-2");
    invalid(m + ": salt given as hex", "SaltInvalid", with_salt(to_hex(rng.bytes(32))),
            "SALT_INVALID", "-2");
  }
  valid("AES_128_GCM ignores even a malformed salt", "SaltIgnored",
        Json{{"mode", "AES_128_GCM"}, {"key", hex_key(rng)}, {"salt", "not base64!"}});

  const std::string a32(32, 'a'), a64(64, 'a');
  invalid("AES_128_XTS: 32 equal characters make equal halves", "KeyInvalid",
          Json{{"mode", "AES_128_XTS"}, {"key", a32}}, "KEY_INVALID", "-2");
  invalid("AES_128_XTS: only the first 32 characters count, and their halves are equal",
          "KeyInvalid", Json{{"mode", "AES_128_XTS"}, {"key", a32 + "b"}}, "KEY_INVALID", "-2");
  valid("AES_128_XTS: halves differ in the last byte", "ValidBoundary",
        Json{{"mode", "AES_128_XTS"}, {"key", std::string(31, 'a') + "b"}});
  valid("AES_128_XTS: a 16-character key is zero-padded, so its halves differ", "ValidBoundary",
        Json{{"mode", "AES_128_XTS"}, {"key", std::string(16, 'a')}});
  invalid("AES_256_XTS: 64 equal characters make equal halves", "KeyInvalid",
          Json{{"mode", "AES_256_XTS"}, {"key", a64}}, "KEY_INVALID", "-2");
  valid("AES_256_XTS: 32 characters are zero-padded, so the halves differ", "ValidBoundary",
        Json{{"mode", "AES_256_XTS"}, {"key", a32}});
  invalid("datastream flag \"yes\"", "DatastreamInvalid",
          Json{{"mode", "AES_128_GCM"}, {"key", hex_key(rng)}, {"datastream", "yes"}},
          "MODE_UNSUPPORTED", "-4");
  return file.dump();
}

std::string file_name(const ModeInfo& m) {
  std::string s(m.native);
  for (char& c : s) c = c == '-' ? '_' : c;
  return s + ".json";
}

}  // namespace

InputResult<std::vector<GeneratedFile>> generate_agora_builtin() {
  std::vector<GeneratedFile> files;
  for (const ModeInfo& m : agora::modes()) {
    ModeFile mf(m);
    RTCSEAL_TRY(std::string content, mf.build());
    files.push_back({"agora-builtin/" + file_name(m), std::move(content)});
  }
  files.push_back({"agora-builtin/config_rules.json", config_rules()});
  return files;
}

}  // namespace rtcseal::vectors
