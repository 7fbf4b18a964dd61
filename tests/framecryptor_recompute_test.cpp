// An independent check of the checked-in framecryptor vectors: every ProtectTest packet is rebuilt,
// and every UnprotectTest outcome decided again, from the formulas and rules of docs/spec.md §5
// and §6 with the crypto primitives alone. Neither the scheme code (framecryptor_*.cpp) nor the
// codec helpers (rtcseal::codecs) are called: the clear-byte rules, the escaping and the receiving
// steps are written out again below, from the spec's text.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "rtcseal/bytes.h"
#include "rtcseal/crypto.h"

namespace rtcseal {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// §5.2 defaults and §5.3-§5.4 constants, transcribed from the spec.
constexpr uint32_t kIterations = 100000;
constexpr size_t kTag = 16, kIv = 12, kOverhead = 30, kKey = 16, kMaterial = 32;
constexpr uint8_t kIvLen = 12;
constexpr uint32_t kModulus = 0xffff;

Bytes sb(const crypto::SecretBytes& s) {
  return Bytes(s.begin(), s.end());
}

std::string param(const json& p, const char* name, const std::string& fallback) {
  return p.contains(name) ? p.at(name).get<std::string>() : fallback;
}

// §5.2: "hex:" + hex, or the UTF-8 bytes of the string.
Bytes bytes_param(const std::string& text) {
  if (text.rfind("hex:", 0) == 0) return *from_hex(text.substr(4));
  return Bytes(text.begin(), text.end());
}

struct Schedule {
  bool jitsi;
  std::string kdf;
  Bytes salt;
};

Schedule schedule_of(const json& p) {
  const bool jitsi = param(p, "variant", "livekit") == "jitsi";
  return {jitsi, param(p, "kdf", jitsi ? "hkdf" : "pbkdf2"),
          bytes_param(param(p, "salt", "LKFrameEncryptionKey"))};
}

// §5.3: K(M) and R(M).
Bytes kdf(const Schedule& s, ByteView m, bool ratchet) {
  const bool jframeinfo = s.kdf == "hkdf-jframeinfo";
  const size_t length = ratchet || jframeinfo ? kMaterial : kKey;
  if (s.jitsi) {
    const std::string salt = ratchet ? "JFrameRatchetKey" : "JFrameEncryptionKey";
    const std::string info = jframeinfo ? "JFrameInfo" : "";
    return sb(*crypto::hkdf(crypto::Hash::Sha256, as_bytes(salt), m, as_bytes(info), length));
  }
  if (s.kdf == "hkdf") {
    return sb(*crypto::hkdf(crypto::Hash::Sha256, s.salt, m, Bytes(128, 0), length));
  }
  return sb(*crypto::pbkdf2(crypto::Hash::Sha256, m, s.salt, kIterations, length));
}

// K(R^k(M)) for k = 0..steps, memoised: many vectors share material and PBKDF2 is slow.
const std::vector<Bytes>& keys(const Schedule& s, const Bytes& m, size_t steps) {
  struct Chain {
    std::vector<Bytes> materials, keys;  // R^k(M) and K(R^k(M))
  };
  static std::map<std::string, Chain> cache;
  Chain& c = cache[std::to_string(s.jitsi) + s.kdf + to_hex(s.salt) + ":" + to_hex(m)];
  if (c.materials.empty()) c.materials.push_back(m);
  while (c.keys.size() <= steps) {
    const size_t k = c.keys.size();
    while (c.materials.size() <= k) c.materials.push_back(kdf(s, c.materials.back(), true));
    c.keys.push_back(kdf(s, c.materials[k], false));
  }
  return c.keys;
}

struct Verdict {
  std::optional<std::string> error;  // the canonical error name, or nothing for success
  Bytes payload;
};

// §5.5: the clear header length, or the error.
std::variant<size_t, std::string> clear_bytes(bool jitsi, const std::string& media,
                                              const std::string& codec, ByteView f) {
  const std::string malformed = "MALFORMED_PACKET", unsupported = "CODEC_UNSUPPORTED";
  if (media == "audio") {
    if (codec != "opus" && codec != "none") return unsupported;
    return f.empty() ? std::variant<size_t, std::string>(malformed) : size_t{1};
  }
  if (media == "data")
    return codec == "none" ? std::variant<size_t, std::string>(size_t{0}) : unsupported;
  if (codec == "vp8") {
    if (f.empty()) return malformed;
    const size_t n = (f[0] & 1) == 0 ? 10 : 3;
    return f.size() < n ? std::variant<size_t, std::string>(malformed) : n;
  }
  if (jitsi) return unsupported;
  if (codec == "vp9") return size_t{0};
  if (codec != "h264") return unsupported;
  // The first 00 00 01 followed by a header byte of type 1 or 5; two bytes from there stay clear.
  for (size_t i = 0; i + 3 < f.size(); ++i) {
    if (f[i] == 0 && f[i + 1] == 0 && f[i + 2] == 1) {
      const uint8_t type = f[i + 3] & 0x1f;
      if (type != 1 && type != 5) continue;
      if (f.size() < i + 5) return malformed;
      return i + 5;
    }
  }
  return malformed;
}

// §6.3.
Bytes escape(ByteView d) {
  Bytes out;
  int zeros = 0;
  for (uint8_t b : d) {
    if (zeros >= 2 && b <= 3) {
      out.push_back(3);
      zeros = 0;
    }
    out.push_back(b);
    zeros = b == 0 ? zeros + 1 : 0;
  }
  return out;
}

Bytes unescape(ByteView d) {
  Bytes out;
  for (size_t i = 0; i < d.size(); ++i) {
    out.push_back(d[i]);
    if (i + 2 < d.size() && d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 3) {
      out.push_back(0);
      i += 2;  // and the loop's ++i skips the 03
    }
  }
  return out;
}

Bytes iv(bool jitsi, uint32_t ssrc, uint32_t ts, uint64_t ctr) {
  const auto count = static_cast<uint32_t>(ctr % kModulus);
  Bytes out;
  put_be(out, ssrc, 4);
  put_be(out, ts, 4);
  put_be(out, jitsi ? count : static_cast<uint32_t>(ts - count), 4);
  return out;
}

Bytes spec_packet(const json& params, const json& t) {
  const Schedule s = schedule_of(params);
  const Bytes payload = *from_hex(t.at("payload").get<std::string>());
  const std::string media = t.at("media"), codec = t.value("codec", "none");
  const auto n = std::get<size_t>(clear_bytes(s.jitsi, media, codec, payload));
  const Bytes k = keys(s, bytes_param(params.at("key")), 0)[0];
  const Bytes nonce = iv(s.jitsi, std::stoul(param(params, "ssrc", "")),
                         std::stoul(param(params, "rtp_timestamp", "0")), t.at("ctr"));
  const ByteView header = ByteView(payload).first(n);
  Bytes body = *(*crypto::GcmKey::create(k)).seal(nonce, header, ByteView(payload).subspan(n));
  body.insert(body.end(), nonce.begin(), nonce.end());
  body.push_back(kIvLen);
  body.push_back(static_cast<uint8_t>(std::stoul(param(params, "key_index", "0"))));
  if (!s.jitsi && media == "video" && codec == "h264") body = escape(body);
  Bytes out(header.begin(), header.end());
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

// §5.8 receiving steps.
Verdict spec_receive(const json& params, const json& t) {
  const Schedule s = schedule_of(params);
  const Bytes pkt = *from_hex(t.at("packet").get<std::string>());
  const std::string media = t.at("media"), codec = t.value("codec", "none");
  const auto clear = clear_bytes(s.jitsi, media, codec, pkt);
  if (auto* e = std::get_if<std::string>(&clear)) return {*e, {}};
  const size_t n = std::get<size_t>(clear);
  Bytes body(pkt.begin() + static_cast<std::ptrdiff_t>(n), pkt.end());
  if (!s.jitsi && media == "video" && codec == "h264") body = unescape(body);
  if (body.size() < kOverhead || body[body.size() - 2] != kIvLen) return {"MALFORMED_PACKET", {}};
  const size_t index = body.back();
  const size_t ring = std::stoul(param(params, "ring_size", "16"));
  if (index >= ring || index != std::stoul(param(params, "key_index", "0"))) {
    return {"UNKNOWN_KEY_ID", {}};
  }
  const ByteView nonce = ByteView(body).subspan(body.size() - 14, kIv);
  const ByteView sealed = ByteView(body).first(body.size() - 14);
  const ByteView header = ByteView(pkt).first(n);
  const size_t window = std::stoul(param(params, "ratchet_window", "8"));
  const auto& chain = keys(s, bytes_param(params.at("key")), window);
  for (size_t k = 0; k <= window; ++k) {
    auto plain = (*crypto::GcmKey::create(chain[k])).open(nonce, header, sealed, kTag);
    if (plain.ok()) {
      Bytes out(header.begin(), header.end());
      out.insert(out.end(), plain->begin(), plain->end());
      return {std::nullopt, out};
    }
  }
  return {"AUTH_FAILED", {}};
}

std::vector<fs::path> vector_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(RTCSEAL_SOURCE_DIR "/vectors/framecryptor")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FrameCryptorRecompute, EveryVectorFollowsTheSpec) {
  size_t protects = 0, unprotects = 0;
  for (const fs::path& path : vector_files()) {
    const std::string file = path.filename().string();
    std::ifstream in(path);
    const json doc = json::parse(in);
    for (const json& group : doc.at("testGroups")) {
      const std::string type = group.at("type");
      for (const json& t : group.at("tests")) {
        SCOPED_TRACE(file + " tcId " + std::to_string(t.at("tcId").get<int64_t>()));
        if (type == "ProtectTest") {
          EXPECT_EQ(t.at("packet").get<std::string>(), to_hex(spec_packet(group.at("params"), t)));
          ++protects;
        } else if (type == "UnprotectTest") {
          const json& receiver =
              t.contains("receiverParams") ? t.at("receiverParams") : group.at("params");
          const Verdict v = spec_receive(receiver, t);
          if (t.at("result") == "valid") {
            EXPECT_EQ(v.error.value_or("ok"), "ok");
            EXPECT_EQ(to_hex(v.payload), t.at("payload").get<std::string>());
          } else {
            EXPECT_EQ(v.error.value_or("ok"), t.at("error").get<std::string>());
          }
          ++unprotects;
        }
      }
    }
  }
  EXPECT_GT(protects, 80u);
  EXPECT_GT(unprotects, 400u);
  std::cout << "recomputed " << protects << " ProtectTest packets and " << unprotects
            << " UnprotectTest outcomes\n";
}

}  // namespace
}  // namespace rtcseal
