// sframe (RFC 9605), every cipher suite, against raw EVP doing the same cipher work
// (docs/benchmarks.md): AES-GCM for suites 4 and 5, AES-128-CTR + HMAC for suites 1-3.
// Goal row: suite 4 (AES_128_GCM_SHA256_128) at 1200 bytes.
#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "bench_common.h"
#include "raw_evp.h"
#include "rtcseal/sframe.h"

namespace rtcseal::bench {

namespace {

using sframe::AeadKind;
using sframe::Suite;

constexpr uint64_t kKid = 0x5eed;  // a two-byte KID: an extended field, as in real deployments
constexpr uint16_t kGoalSuite = 4;

Bytes base_key() {
  Bytes k(32);
  for (size_t i = 0; i < k.size(); ++i) k[i] = static_cast<uint8_t>(0xa0 + i);
  return k;
}

Params params_for(const Suite& s) {
  return {{"suite", std::to_string(s.id)},
          {"base_key", to_hex(base_key())},
          {"kid", std::to_string(kKid)}};
}

const char* gcm_name(const Suite& s) {
  return s.nk == 16 ? "AES-128-GCM" : "AES-256-GCM";
}

const char* digest_name(const Suite& s) {
  return s.hash == crypto::Hash::Sha256 ? "SHA256" : "SHA512";
}

// The header of RFC 9605 §4.3, written by hand so the baseline shares no code with the scheme.
size_t write_header(uint64_t kid, uint64_t ctr, uint8_t* out) {
  auto field = [](uint64_t v, uint8_t* at, size_t& n) -> uint8_t {
    if (v < 8) return static_cast<uint8_t>(v);
    size_t len = 1;
    while (len < 8 && (v >> (8 * len)) != 0) ++len;
    for (size_t i = 0; i < len; ++i) at[n + i] = static_cast<uint8_t>(v >> (8 * (len - 1 - i)));
    n += len;
    return static_cast<uint8_t>(0x08 | (len - 1));
  };
  size_t n = 1;
  const uint8_t k = field(kid, out, n);
  const uint8_t c = field(ctr, out, n);
  out[0] = static_cast<uint8_t>(k << 4 | c);
  return n;
}

struct SframeRaw {
  const Suite* suite;
  std::optional<RawCipher> cipher;  // AES-GCM, or AES-CTR for suites 1-3
  std::optional<RawHmac> hmac;      // suites 1-3
  crypto::SecretBytes salt;
  crypto::SecretBytes key;  // kept for the per-frame-keyed GCM variant
  bool keyed_per_frame = false;
  std::array<uint8_t, sframe::kMaxHeaderSize> header{};
  size_t header_size = 0;
  std::array<uint8_t, 16> block{};  // nonce || 0^32: the GCM IV and the CTR counter block
  std::array<uint8_t, 64> mac{}, want{};
  Bytes ct, out;
  std::string check;

  void set_counter(uint64_t ctr) {
    header_size = write_header(kKid, ctr, header.data());
    for (size_t i = 0; i < sframe::kNonceSize; ++i) {
      block[i] = salt[i] ^ (i < 4 ? 0 : static_cast<uint8_t>(ctr >> (8 * (11 - i))));
    }
  }

  // §4.5.1 compute_tag over BE8(|aad|) || BE8(|ct|) || BE8(Nt) || nonce || aad || ct.
  bool tag(ByteView ciphertext, uint8_t* into) {
    std::array<uint8_t, 24> lengths{};
    const uint64_t values[] = {header_size, ciphertext.size(), suite->nt};
    for (size_t v = 0; v < 3; ++v) {
      for (size_t i = 0; i < 8; ++i) lengths[8 * v + i] = uint8_t(values[v] >> (8 * (7 - i)));
    }
    const ByteView parts[] = {lengths, ByteView(block).first(sframe::kNonceSize),
                              ByteView(header).first(header_size), ciphertext};
    return hmac->mac(parts, into);
  }

  bool round_trip(uint64_t ctr) {
    set_counter(ctr);
    const ByteView in = payload(out.size());
    const ByteView aad = ByteView(header).first(header_size);
    if (keyed_per_frame) {
      return gcm_round_trip_keyed_per_frame(gcm_name(*suite), key, block.data(), aad, in, ct.data(),
                                            mac.data(), suite->nt, out.data());
    }
    if (suite->aead == AeadKind::AesGcm) {
      return cipher->seal(block.data(), aad, in, ct.data(), mac.data(), suite->nt) &&
             cipher->open(block.data(), aad, ct, mac.data(), suite->nt, out.data());
    }
    return cipher->encrypt(block.data(), in, ct.data()) && tag(ct, mac.data()) &&
           tag(ct, want.data()) && CRYPTO_memcmp(mac.data(), want.data(), suite->nt) == 0 &&
           cipher->decrypt(block.data(), ct, out.data());
  }
};

std::unique_ptr<SframeRaw> make_raw(const Suite& s, size_t size, bool keyed_per_frame) {
  auto r = std::make_unique<SframeRaw>();
  r->suite = &s;
  r->keyed_per_frame = keyed_per_frame;
  r->ct.assign(size, 0);
  r->out.assign(size, 0);
  // The key schedule is the scheme's public one (checked against RFC 9605's vectors by the tests):
  // the baseline needs the same key, not a second implementation of HKDF labels.
  auto ks = sframe::derive(s, kKid, base_key());
  if (!ks) {
    r->check = "derive failed";
    return r;
  }
  r->salt = ks->salt;
  r->key = ks->key;
  const ByteView key = ks->key;
  if (s.aead == AeadKind::AesGcm) {
    r->cipher.emplace(gcm_name(s), key);
  } else {
    r->cipher.emplace("AES-128-CTR", key.first(s.nka));
    r->hmac.emplace(digest_name(s), key.subspan(s.nka));
  }
  if (!r->cipher->ok() || (r->hmac && !r->hmac->ok())) {
    r->check = "cannot key the raw cipher";
    return r;
  }
  // With the same KID and CTR, header || ciphertext || tag must equal the scheme's packet.
  auto ctx = sframe::scheme().configure(params_for(s));
  if (!ctx) {
    r->check = "configure failed";
    return r;
  }
  auto pkt = (*ctx)->protect({Media::Audio, Codec::Opus, payload(size), {}, kCheckCtr, {}});
  if (!pkt || !r->round_trip(kCheckCtr)) {
    r->check = "check round trip failed";
    return r;
  }
  Bytes expect(r->header.begin(), r->header.begin() + static_cast<ptrdiff_t>(r->header_size));
  expect.insert(expect.end(), r->ct.begin(), r->ct.end());
  expect.insert(expect.end(), r->mac.begin(), r->mac.begin() + static_cast<ptrdiff_t>(s.nt));
  if (*pkt != expect) {
    r->check = "raw EVP output differs from the rtcseal packet";
  } else if (r->out != payload(size)) {
    r->check = "raw EVP did not decrypt back to the payload";
  }
  return r;
}

// The same GCM work keyed per frame, as cisco/sframe's OpenSSL 3 back end does it: a second
// reference point (docs/benchmarks.md "Comparison with cisco/sframe"), in a table of its own.
void register_keyed_per_frame(const Suite& s, const std::string& config, size_t size) {
  const std::string name = bench_name("evp_keyed_per_frame", "sframe", config, size);
  benchmark::RegisterBenchmark(
      name.c_str(), [run = raw_bench<SframeRaw>([&s, size] { return make_raw(s, size, true); }),
                     size](benchmark::State& st) {
        run(st);
        st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * size));
      });
  add_pair({"sframe, against EVP keyed per frame", config, size,
            bench_name("rtcseal", "sframe", config, size), name});
}

}  // namespace

void register_sframe() {
  for (const Suite& s : sframe::suites()) {
    for (size_t size : kSizes) {
      const Params params = params_for(s);
      const std::string config = std::to_string(s.id) + "/" + std::string(s.name);
      register_pair(
          "sframe", config, size, s.id == kGoalSuite && size == kGoalSize,
          [params, size](benchmark::State& st) {
            run_scheme(st, sframe::scheme(), params, Media::Video, Codec::Vp8, size);
          },
          raw_bench<SframeRaw>([&s, size] { return make_raw(s, size, false); }));
      if (s.aead == AeadKind::AesGcm) register_keyed_per_frame(s, config, size);
    }
  }
}

}  // namespace rtcseal::bench
