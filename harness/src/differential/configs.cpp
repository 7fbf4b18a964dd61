// The configurations the differential covers: every agora-builtin mode, every SFrame suite (and a
// ratcheting one), both Vonage engines, and the LiveKit and Jitsi key schedules. Keys, salts and
// ids are random per seed; the parameters follow docs/spec.md.
#include <string>

#include "rng.h"
#include "rtcseal/differential.h"

namespace rtcseal::differential {

namespace {

// Printable key text, as the vendors' APIs take it.
std::string key_text(Rng& rng, size_t min, size_t max) {
  static constexpr std::string_view kAlphabet =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_ .";
  std::string out(min + rng.below(max - min + 1), 'x');
  for (char& c : out) c = kAlphabet[rng.below(kAlphabet.size())];
  return out;
}

std::string u32_text(Rng& rng) {
  return std::to_string(static_cast<uint32_t>(rng.next()));
}

void add_agora(std::vector<Config>& out, Rng& rng) {
  for (const char* mode : {"AES_128_XTS", "AES_128_ECB", "AES_256_XTS", "SM4_128_ECB",
                           "AES_128_GCM", "AES_256_GCM", "AES_128_GCM2", "AES_256_GCM2"}) {
    Config c{"agora-builtin", mode, {{"mode", mode}, {"datastream", "true"}}, {}, 0};
    c.params["key"] = key_text(rng, 1, 64);
    Bytes salt = rng.bytes(32);
    salt[0] |= 1;  // an all-zero salt is refused
    if (std::string_view(mode).ends_with("GCM2")) c.params["salt"] = to_base64(salt);
    c.kid = static_cast<uint32_t>(rng.next());
    c.first_ctr = rng.next() >> 1;
    out.push_back(std::move(c));
  }
}

void add_sframe(std::vector<Config>& out, Rng& rng) {
  for (int suite = 1; suite <= 5; ++suite) {
    for (bool ratchet : {false, true}) {
      // KIDs and counters of every encoded length (RFC 9605 §4.3), small ones included.
      const uint64_t kid = rng.next() >> (rng.below(8) * 8 + (ratchet ? 8 : 0));
      Config c{"sframe",
               "suite " + std::to_string(suite) + (ratchet ? " ratchet_bits 4" : ""),
               {{"suite", std::to_string(suite)},
                {"kid", std::to_string(kid)},
                {"base_key", to_hex(rng.bytes(16 + rng.below(17)))}},
               kid,
               rng.next() >> (rng.below(8) * 8 + 1),
               true};
      if (ratchet) c.params.emplace("ratchet_bits", "4");
      out.push_back(std::move(c));
    }
  }
}

void add_vonage(std::vector<Config>& out, Rng& rng) {
  for (const char* engine : {"legacy", "draft01"}) {
    Config c{"vonage-e2ee",
             engine,
             {{"engine", engine},
              {"secret", key_text(rng, 8, 64)},
              {"session_id", "2_MX4xMjM0NTY3OH5-" + to_hex(rng.bytes(12)) + "-fg"},
              {"connection_id", to_hex(rng.bytes(4)) + "-" + to_hex(rng.bytes(2)) + "-" +
                                    to_hex(rng.bytes(2)) + "-" + to_hex(rng.bytes(2)) + "-" +
                                    to_hex(rng.bytes(6))}},
             {},
             rng.below(1u << 16),
             std::string_view(engine) == "draft01"};  // the legacy engine has no metadata
    out.push_back(std::move(c));
  }
}

void add_framecryptor(std::vector<Config>& out, Rng& rng) {
  const struct {
    const char* variant;
    const char* kdf;  // nullptr: the variant's default
    bool text_key;
  } kSchedules[] = {
      {"livekit", nullptr, true},
      {"livekit", "hkdf", false},
      {"jitsi", nullptr, false},
      {"jitsi", "hkdf-jframeinfo", false},
  };
  for (const auto& s : kSchedules) {
    Config c{"framecryptor",
             std::string(s.variant) + (s.kdf ? std::string(" ") + s.kdf : ""),
             {{"variant", s.variant},
              {"key", s.text_key ? key_text(rng, 1, 40) : "hex:" + to_hex(rng.bytes(32))},
              {"ring_size", "16"},
              {"key_index", std::to_string(rng.below(16))},
              {"ssrc", u32_text(rng)},
              {"rtp_timestamp", u32_text(rng)}},
             {},
             rng.below(1u << 16)};
    if (s.kdf) c.params["kdf"] = s.kdf;
    out.push_back(std::move(c));
  }
}

}  // namespace

std::vector<Config> all_configs(uint64_t rng_seed) {
  Rng rng(substream(rng_seed, "configs"));
  std::vector<Config> out;
  add_agora(out, rng);
  add_sframe(out, rng);
  add_vonage(out, rng);
  add_framecryptor(out, rng);
  return out;
}

}  // namespace rtcseal::differential
