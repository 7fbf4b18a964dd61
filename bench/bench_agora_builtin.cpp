// agora-builtin, every mode, against raw EVP doing the same cipher work (docs/benchmarks.md).
// Goal rows: the four GCM modes at 1200 bytes.
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "bench_common.h"
#include "raw_evp.h"
#include "rtcseal/agora_builtin.h"
#include "rtcseal/crypto.h"

namespace rtcseal::bench {

namespace {

using agora::Family;
using agora::ModeInfo;

// 64 characters with distinct halves, so both XTS key sizes accept it (spec §2.3 rule 7).
constexpr std::string_view kKey =
    "3f1c9a57e2b84d06a9c3e7f1250b6d8e7a4f02c9d3b1e5a8c6f0d2b49e7a1c35";
constexpr uint32_t kKid = 0x5eed0001;

std::string salt_b64() {
  Bytes salt(32);
  for (size_t i = 0; i < salt.size(); ++i) salt[i] = static_cast<uint8_t>(i + 1);
  return to_base64(salt);
}

Params params_for(const ModeInfo& m) {
  Params p{{"mode", std::string(m.name)}, {"key", std::string(kKey)}, {"datastream", "true"}};
  if (m.family == Family::Gcm2) p["salt"] = salt_b64();
  return p;
}

bool is_gcm(const ModeInfo& m) {
  return m.family == Family::Gcm || m.family == Family::Gcm2;
}

// The cipher key the scheme derives for `m` (spec §2.3), recomputed from the formulas so the
// baseline runs with the very same key and its output can be checked against the scheme's packet.
std::optional<crypto::SecretBytes> derive_key(const ModeInfo& m) {
  using crypto::Hash;
  std::string info = "rtcseal agora-builtin v1 " + std::string(m.native);
  switch (m.family) {
    case Family::Ecb:
    case Family::Xts: {
      crypto::SecretBytes k(m.key_size, 0);
      std::copy_n(kKey.begin(), std::min(m.key_size, kKey.size()), k.begin());
      return k;
    }
    case Family::Gcm: {
      auto k = crypto::hkdf(Hash::Sha256, {}, as_bytes(kKey), as_bytes(info), m.key_size);
      if (!k) return std::nullopt;
      return std::move(k).value();
    }
    case Family::Gcm2: {
      auto salt = from_base64(salt_b64());
      if (!salt) return std::nullopt;
      auto prk = crypto::pbkdf2(Hash::Sha256, as_bytes(kKey), *salt, agora::kGcm2Iterations, 32);
      if (!prk) return std::nullopt;
      auto k = crypto::hkdf_expand(Hash::Sha256, *prk, as_bytes(info), m.key_size);
      if (!k) return std::nullopt;
      return std::move(k).value();
    }
  }
  return std::nullopt;
}

const char* evp_name(const ModeInfo& m) {
  switch (m.family) {
    case Family::Ecb:
      return m.value == 4 ? "SM4-ECB" : "AES-128-ECB";
    case Family::Xts:
      return m.key_size == 32 ? "AES-128-XTS" : "AES-256-XTS";
    case Family::Gcm:
    case Family::Gcm2:
      return m.key_size == 16 ? "AES-128-GCM" : "AES-256-GCM";
  }
  return "";
}

// One raw round trip. `header` is H || PID: the GCM AAD and, from byte 1, the GCM nonce and the
// XTS tweak prefix, exactly as the scheme lays them out.
struct AgoraRaw {
  const ModeInfo* m;
  std::optional<RawCipher> cipher;
  uint8_t header[13] = {};
  uint8_t tweak[16] = {};
  uint8_t tag[16] = {};
  Bytes in, ct, out;  // in: payload, zero-padded to whole blocks for ECB
  std::string check;

  void set_counter(uint64_t ctr) {
    for (int i = 0; i < 8; ++i) header[5 + i] = static_cast<uint8_t>(ctr >> (56 - 8 * i));
    std::memcpy(tweak, header + 1, 12);
  }

  bool round_trip(uint64_t ctr) {
    set_counter(ctr);
    if (is_gcm(*m)) {
      const ByteView aad(header, sizeof header);
      return cipher->seal(header + 1, aad, in, ct.data(), tag, 16) &&
             cipher->open(header + 1, aad, ct, tag, 16, out.data());
    }
    const uint8_t* iv = m->family == Family::Xts ? tweak : nullptr;
    return cipher->encrypt(iv, in, ct.data()) && cipher->decrypt(iv, ct, out.data());
  }
};

std::unique_ptr<AgoraRaw> make_raw(const ModeInfo& m, size_t size) {
  auto r = std::make_unique<AgoraRaw>();
  r->m = &m;
  auto key = derive_key(m);
  if (key) r->cipher.emplace(evp_name(m), *key);
  if (!r->cipher || !r->cipher->ok()) {
    r->check = std::string("cannot key ") + evp_name(m);
    return r;
  }
  // ECB encrypts whole blocks: round up with zero padding as the scheme does (spec §2.5).
  const size_t body = m.family == Family::Ecb ? (size + 15) / 16 * 16 : size;
  r->in.assign(body, 0);
  std::copy(payload(size).begin(), payload(size).end(), r->in.begin());
  r->ct.assign(body, 0);
  r->out.assign(body, 0);
  r->header[0] = static_cast<uint8_t>(agora::kVersion << 6 | (body - size));  // media audio = 0
  for (int i = 0; i < 4; ++i) r->header[1 + i] = static_cast<uint8_t>(kKid >> (24 - 8 * i));

  // With the same kid and counter, the raw ciphertext (and tag) must equal the scheme's packet.
  auto ctx = agora::scheme().configure(params_for(m));
  if (!ctx) {
    r->check = "configure failed";
    return r;
  }
  auto pkt = (*ctx)->protect({Media::Audio, Codec::Opus, payload(size), {}, kCheckCtr, kKid});
  if (!pkt || !r->round_trip(kCheckCtr)) {
    r->check = "check round trip failed";
    return r;
  }
  Bytes expect(r->header, r->header + (m.family == Family::Ecb ? 1 : 13));
  expect.insert(expect.end(), r->ct.begin(), r->ct.end());
  if (is_gcm(m)) expect.insert(expect.end(), r->tag, r->tag + 16);
  if (*pkt != expect) {
    r->check = "raw EVP output differs from the rtcseal packet";
  } else if (!std::equal(payload(size).begin(), payload(size).end(), r->out.begin())) {
    r->check = "raw EVP did not decrypt back to the payload";
  }
  return r;
}

}  // namespace

void register_agora() {
  for (const ModeInfo& m : agora::modes()) {
    for (size_t size : kSizes) {
      const Params params = params_for(m);
      register_pair(
          "agora", std::string(m.name), size, is_gcm(m) && size == kGoalSize,
          [params, size](benchmark::State& s) {
            run_scheme(s, agora::scheme(), params, Media::Audio, Codec::Opus, size);
          },
          raw_bench<AgoraRaw>([&m, size] { return make_raw(m, size); }));
    }
  }
}

}  // namespace rtcseal::bench
