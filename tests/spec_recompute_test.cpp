// An independent check of the checked-in agora-builtin vectors: every ProtectTest packet is
// recomputed from the formulas of docs/spec.md §2 with the crypto primitives alone. The scheme code
// (agora::scheme(), agora_builtin.cpp) is deliberately not called here, except by the worked
// example, which compares both routes. A mismatch means the spec, the vectors or the code disagree.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "rtcseal/agora_builtin.h"
#include "rtcseal/bytes.h"
#include "rtcseal/crypto.h"

namespace rtcseal {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Constants transcribed from docs/spec.md, not taken from agora_builtin.h, so that the header is
// checked too (static_asserts below).
constexpr std::string_view kLabelPrefix = "rtcseal agora-builtin v1 ";  // §2.3
constexpr uint32_t kPbkdf2Iterations = 10000;                           // §2.3
constexpr size_t kPrkSize = 32;                                         // §2.3 dkLen
constexpr size_t kSaltSize = 32;                                        // §2.2
constexpr size_t kBlock = 16;                                           // §2.5
constexpr size_t kTag = 16;                                             // §2.5
constexpr uint8_t kVersionBits = 1;                                     // §2.5 V=1
static_assert(agora::kGcm2Iterations == kPbkdf2Iterations);
static_assert(agora::kBlockSize == kBlock && agora::kTagSize == kTag);
static_assert(agora::kPacketIdSize == 12 && agora::kHeaderSize == 1 && agora::kVersion == 1);

Bytes sb(const crypto::SecretBytes& s) {
  return Bytes(s.begin(), s.end());
}

// §2.5: media 0 audio, 1 video, 2 data.
std::optional<uint8_t> media_code(const std::string& media) {
  if (media == "audio") return 0;
  if (media == "video") return 1;
  if (media == "data") return 2;
  return std::nullopt;
}

// §2.5 header byte: V in bits 7-6, media in bits 5-4, pad in bits 3-0.
uint8_t header(uint8_t media, size_t pad) {
  return static_cast<uint8_t>(kVersionBits << 6 | media << 4 | pad);
}

// §2.4: PID = BE4(sender id) || BE8(counter).
Bytes packet_id(uint64_t kid, uint64_t ctr) {
  Bytes pid;
  put_be(pid, kid, 4);
  put_be(pid, ctr, 8);
  return pid;
}

// §2.3 key derivation, per family. `salt` is read only by GCM2.
Result<Bytes> spec_key(const agora::ModeInfo& mode, const std::string& key, ByteView salt) {
  const size_t L = mode.key_size;
  const std::string info = std::string(kLabelPrefix) + std::string(mode.native);
  switch (mode.family) {
    case agora::Family::Ecb:
    case agora::Family::Xts: {
      // No KDF: the key string truncated or zero-padded to L.
      Bytes k(L, 0);
      std::copy_n(key.begin(), std::min(L, key.size()), k.begin());
      return k;
    }
    case agora::Family::Gcm: {
      RTCSEAL_TRY(auto k, crypto::hkdf(crypto::Hash::Sha256, {}, as_bytes(key), as_bytes(info), L));
      return sb(k);
    }
    case agora::Family::Gcm2: {
      RTCSEAL_TRY(auto prk, crypto::pbkdf2(crypto::Hash::Sha256, as_bytes(key), salt,
                                           kPbkdf2Iterations, kPrkSize));
      RTCSEAL_TRY(auto k, crypto::hkdf_expand(crypto::Hash::Sha256, prk, as_bytes(info), L));
      return sb(k);
    }
  }
  return fail(Err::ENCRYPT_INTERNAL, "unknown family");
}

// The OpenSSL cipher a legacy mode names (§2.1: native string and cipher key size).
std::optional<crypto::Cipher> legacy_cipher(const agora::ModeInfo& mode) {
  if (mode.native == "aes-128-ecb") return crypto::Cipher::Aes128Ecb;
  if (mode.native == "sm4-128-ecb") return crypto::Cipher::Sm4Ecb;
  if (mode.native == "aes-128-xts") return crypto::Cipher::Aes128Xts;
  if (mode.native == "aes-256-xts") return crypto::Cipher::Aes256Xts;
  return std::nullopt;
}

// §2.5 wire format for one packet, given the derived key. kid and ctr are ignored by ECB.
Result<Bytes> spec_packet(const agora::ModeInfo& mode, ByteView key, uint8_t media, uint64_t kid,
                          uint64_t ctr, ByteView payload) {
  const size_t n = payload.size();
  switch (mode.family) {
    case agora::Family::Ecb: {
      const size_t pad = (kBlock - n % kBlock) % kBlock;
      Bytes body(payload.begin(), payload.end());
      body.resize(n + pad, 0);  // zero padding, not PKCS#7
      Bytes out{header(media, pad)};
      if (!body.empty()) {
        RTCSEAL_TRY(auto ck, crypto::CipherKey::create(*legacy_cipher(mode), key));
        RTCSEAL_TRY(Bytes ct, ck.encrypt({}, body));
        out.insert(out.end(), ct.begin(), ct.end());
      }
      return out;
    }
    case agora::Family::Xts: {
      const size_t pad = n >= 1 && n <= 15 ? kBlock - n : 0;
      const Bytes pid = packet_id(kid, ctr);
      Bytes out{header(media, pad)};
      out.insert(out.end(), pid.begin(), pid.end());
      if (n == 0) return out;  // empty body
      Bytes body(payload.begin(), payload.end());
      body.resize(n + pad, 0);
      Bytes tweak = pid;
      tweak.resize(pid.size() + 4, 0);  // PID || 00000000
      RTCSEAL_TRY(auto ck, crypto::CipherKey::create(*legacy_cipher(mode), key));
      RTCSEAL_TRY(Bytes ct, ck.encrypt(tweak, body));
      out.insert(out.end(), ct.begin(), ct.end());
      return out;
    }
    case agora::Family::Gcm:
    case agora::Family::Gcm2: {
      const Bytes pid = packet_id(kid, ctr);
      Bytes out{header(media, 0)};
      out.insert(out.end(), pid.begin(), pid.end());
      const Bytes aad = out;  // H || PID
      RTCSEAL_TRY(auto gk, crypto::GcmKey::create(key));
      RTCSEAL_TRY(Bytes sealed, gk.seal(pid, aad, payload, kTag));
      out.insert(out.end(), sealed.begin(), sealed.end());
      return out;
    }
  }
  return fail(Err::ENCRYPT_INTERNAL, "unknown family");
}

Bytes hex_field(const json& t, const char* name) {
  auto b = from_hex(t.at(name).get<std::string>());
  EXPECT_TRUE(b.ok()) << name << " is not hex";
  return b.ok() ? *b : Bytes{};
}

std::vector<fs::path> vector_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(RTCSEAL_SOURCE_DIR "/vectors/agora-builtin")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(SpecRecompute, EveryProtectVectorFollowsTheSpec) {
  size_t found = 0, recomputed = 0;
  const auto files = vector_files();
  ASSERT_FALSE(files.empty());
  for (const fs::path& path : files) {
    const std::string file = path.filename().string();
    std::ifstream in(path);
    ASSERT_TRUE(in) << file;
    const json doc = json::parse(in);
    for (const json& group : doc.at("testGroups")) {
      if (group.at("type") != "ProtectTest") continue;
      const json& params = group.at("params");
      const agora::ModeInfo* mode = agora::find_mode(params.at("mode").get<std::string>());
      ASSERT_NE(mode, nullptr) << file;
      const std::string key = params.at("key").get<std::string>();
      const bool datastream = params.value("datastream", "false") == "true";  // §2.2 default
      Bytes salt;
      if (mode->family == agora::Family::Gcm2) {
        auto s = from_base64(params.at("salt").get<std::string>());
        ASSERT_TRUE(s.ok()) << file;
        ASSERT_EQ(s->size(), kSaltSize) << file;
        salt = *s;
      }
      auto derived = spec_key(*mode, key, salt);
      ASSERT_TRUE(derived.ok()) << file << ": " << derived.error().message;

      for (const json& t : group.at("tests")) {
        ++found;
        const auto tc = t.at("tcId").get<int64_t>();
        SCOPED_TRACE(file + " tcId " + std::to_string(tc));
        EXPECT_EQ(t.value("result", "valid"), "valid");
        const auto media = media_code(t.at("media").get<std::string>());
        ASSERT_TRUE(media.has_value());
        const Bytes payload = hex_field(t, "payload");
        const Bytes packet = hex_field(t, "packet");
        Bytes expect;
        if (*media == 2 && !datastream) {
          expect = payload;  // §2.6 step 1: data sent in the clear
        } else {
          uint64_t kid = 0, ctr = 0;
          if (mode->family != agora::Family::Ecb) {
            kid = t.at("kid").get<uint64_t>();
            ctr = t.at("ctr").get<uint64_t>();
            ASSERT_LE(kid, 0xffffffffu) << "a pinned kid must fit in 32 bits (§2.4)";
          }
          auto p = spec_packet(*mode, *derived, *media, kid, ctr, payload);
          ASSERT_TRUE(p.ok()) << p.error().message;
          expect = *p;
        }
        EXPECT_EQ(to_hex(packet), to_hex(expect)) << file << " tcId " << tc;
        ++recomputed;
      }
    }
  }
  EXPECT_EQ(recomputed, found);
  EXPECT_GT(recomputed, 150u);
  std::cout << "recomputed " << recomputed << " ProtectTest packets from " << files.size()
            << " files\n";
}

// §2.8 worked example: AES_128_GCM, key "k", audio, payload 000102, kid 1, ctr 2.
TEST(SpecRecompute, WorkedExampleOfSection28) {
  const agora::ModeInfo* mode = agora::find_mode("AES_128_GCM");
  ASSERT_NE(mode, nullptr);
  const Bytes payload{0x00, 0x01, 0x02};

  // By the primitives. §2.3 says an empty HKDF salt means 32 zero bytes: check that reading.
  auto key = spec_key(*mode, "k", {});
  ASSERT_TRUE(key.ok());
  auto explicit_salt = crypto::hkdf(crypto::Hash::Sha256, Bytes(32, 0), as_bytes("k"),
                                    as_bytes("rtcseal agora-builtin v1 aes-128-gcm"), 16);
  ASSERT_TRUE(explicit_salt.ok());
  EXPECT_EQ(*key, sb(*explicit_salt));
  auto by_spec = spec_packet(*mode, *key, 0, 1, 2, payload);
  ASSERT_TRUE(by_spec.ok());

  ASSERT_EQ(by_spec->size(), 32u);  // 1 + 12 + 3 + 16
  EXPECT_EQ(to_hex(ByteView(*by_spec).first(13)), "40000000010000000000000002");

  // By the scheme.
  auto ctx = agora::scheme().configure({{"mode", "AES_128_GCM"}, {"key", "k"}});
  ASSERT_TRUE(ctx.ok()) << ctx.error().message;
  auto by_scheme = (*ctx)->protect({.media = Media::Audio,
                                    .codec = Codec::None,
                                    .payload = payload,
                                    .metadata = {},
                                    .ctr = 2,
                                    .kid = 1});
  ASSERT_TRUE(by_scheme.ok()) << by_scheme.error().message;
  EXPECT_EQ(to_hex(*by_scheme), to_hex(*by_spec));

  // The bytes printed in spec.md §2.8, reproduced outside rtcseal: the key with the
  // `openssl kdf HKDF` command, the packet with Python's `cryptography` package.
  EXPECT_EQ(to_hex(*key), "bee2ac14a852c81ae7fea0b364247195");
  EXPECT_EQ(to_hex(*by_spec), "40000000010000000000000002345312800047ff43802b6de37aeb4b909c1563");
}

}  // namespace
}  // namespace rtcseal
