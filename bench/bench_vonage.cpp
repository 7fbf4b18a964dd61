// vonage-e2ee, both engines, against raw EVP doing the same cipher work (docs/benchmarks.md):
// AES-128-CTR over the frame and HMAC-SHA256 over what the engine authenticates, truncated to the
// 10-byte video tag. VP9 video frames are encrypted whole, so no clear prefix is involved.
#include <openssl/crypto.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "bench_common.h"
#include "raw_evp.h"
#include "rtcseal/vonage_e2ee.h"

namespace rtcseal::bench {

namespace {

using crypto::Hash;
using crypto::SecretBytes;
using vonage::Engine;

constexpr std::string_view kSecret = "correct horse battery staple";
constexpr std::string_view kSession = "2_MX40NTY3ODkwMn5-MTcwMDAwMDAwMDAwMH5-fg";
constexpr std::string_view kConnection = "5c2f9a10-3b7e-4d21-9e0a-123456789abc";
constexpr size_t kTag = vonage::kLegacyVideoTagSize;  // 10, as draft-01's
static_assert(vonage::kDraft01TagSize == kTag);

Params params_for(Engine e) {
  return {{"engine", std::string(vonage::engine_name(e))},
          {"secret", std::string(kSecret)},
          {"session_id", std::string(kSession)},
          {"connection_id", std::string(kConnection)}};
}

// The engine keys of docs/spec.md §4.4, recomputed from the formulas with the crypto layer's HKDF
// so the baseline runs with the very same keys as the scheme.
struct Keys {
  SecretBytes enc, auth, salt;
  uint64_t kid = 0;
};

std::optional<Keys> derive_keys(Engine e) {
  auto k = vonage::master_key(kSecret, kSession);
  if (!k) return std::nullopt;
  Keys out;
  if (e == Engine::Legacy) {
    auto hkdf = [&](std::string_view label, size_t n) {
      return crypto::hkdf(Hash::Sha256, as_bytes(label), *k, {}, n);
    };
    auto salt = hkdf("SFrameSaltKey", 16);
    auto enc = hkdf("SFrameEncryptionKey", 16);
    auto auth = hkdf("SFrameAuthenticationKey", 32);
    if (!salt || !enc || !auth) return std::nullopt;
    out = {*enc, *auth, *salt, vonage::legacy_kid(kConnection)};
    return out;
  }
  auto extract = [](std::string_view label, ByteView ikm) {
    return crypto::hkdf_extract(Hash::Sha256, as_bytes(label), ikm);
  };
  auto expand = [](const SecretBytes& prk, std::string_view label, size_t n) {
    return crypto::hkdf_expand(Hash::Sha256, prk, as_bytes(label), n);
  };
  auto secret = extract("SFrame10", *k);
  if (!secret) return std::nullopt;
  auto key = expand(*secret, "key", 16);
  auto salt = expand(*secret, "salt", 12);
  if (!key || !salt) return std::nullopt;
  auto aead = extract("SFrame10 AES CTR AEAD", *key);
  if (!aead) return std::nullopt;
  auto enc = expand(*aead, "enc", 16);
  auto auth = expand(*aead, "auth", 32);
  auto kid = vonage::draft01_kid(kConnection, kSession);
  if (!enc || !auth || !kid) return std::nullopt;
  out = {*enc, *auth, *salt, *kid};
  return out;
}

struct VonageRaw {
  Engine engine = Engine::Draft01;
  Keys keys;
  std::optional<RawCipher> ctr_cipher;
  std::optional<RawHmac> hmac;
  std::array<uint8_t, 17> header{};
  size_t header_size = 0;
  std::array<uint8_t, 16> block{};
  std::array<uint8_t, 32> mac{}, want{};
  Bytes ct, out;
  std::string check;

  // Both layouts (§4.5.1): |b7|LEN(3)|X|K(3)| then KID and CTR big-endian; legacy lengths are byte
  // counts, draft-01's byte counts minus one.
  void set_counter(uint64_t ctr) {
    auto bytes = [](uint64_t v) {
      size_t n = 1;
      while (n < 8 && (v >> (8 * n)) != 0) ++n;
      return n;
    };
    const size_t bias = engine == Engine::Legacy ? 0 : 1;
    const size_t kid_len = keys.kid > 7 ? bytes(keys.kid) : 0;
    const size_t ctr_len = bytes(ctr);
    const size_t k = kid_len ? kid_len - bias : keys.kid;
    header[0] = static_cast<uint8_t>((ctr_len - bias) << 4 | (kid_len ? 0x08 : 0) | k);
    for (size_t i = 0; i < kid_len; ++i)
      header[1 + i] = uint8_t(keys.kid >> (8 * (kid_len - 1 - i)));
    for (size_t i = 0; i < ctr_len; ++i) {
      header[1 + kid_len + i] = static_cast<uint8_t>(ctr >> (8 * (ctr_len - 1 - i)));
    }
    header_size = 1 + kid_len + ctr_len;
    block = {};
    if (engine == Engine::Legacy) {
      // (BE64(CTR) || BE64(KID)) XOR salt, the whole 128-bit counter block.
      for (size_t i = 0; i < 8; ++i) {
        block[i] = static_cast<uint8_t>(ctr >> (8 * (7 - i))) ^ keys.salt[i];
        block[8 + i] = static_cast<uint8_t>(keys.kid >> (8 * (7 - i))) ^ keys.salt[8 + i];
      }
    } else {
      // salt XOR BE96(CTR), then a zero 32-bit block counter.
      for (size_t i = 0; i < 12; ++i) {
        block[i] = keys.salt[i] ^ (i < 4 ? 0 : static_cast<uint8_t>(ctr >> (8 * (11 - i))));
      }
    }
  }

  bool tag(ByteView ciphertext, uint8_t* into) {
    const ByteView hdr = ByteView(header).first(header_size);
    if (engine == Engine::Legacy) {
      const ByteView parts[] = {hdr, ciphertext};
      return hmac->mac(parts, into);
    }
    std::array<uint8_t, 16> lengths{};
    for (size_t i = 0; i < 8; ++i) {
      lengths[i] = static_cast<uint8_t>(uint64_t{header_size} >> (8 * (7 - i)));
      lengths[8 + i] = static_cast<uint8_t>(uint64_t{ciphertext.size()} >> (8 * (7 - i)));
    }
    const ByteView parts[] = {lengths, ByteView(block).first(12), hdr, ciphertext};
    return hmac->mac(parts, into);
  }

  bool round_trip(uint64_t ctr) {
    set_counter(ctr);
    return ctr_cipher->encrypt(block.data(), payload(out.size()), ct.data()) &&
           tag(ct, mac.data()) && tag(ct, want.data()) &&
           CRYPTO_memcmp(mac.data(), want.data(), kTag) == 0 &&
           ctr_cipher->decrypt(block.data(), ct, out.data());
  }
};

std::unique_ptr<VonageRaw> make_raw(Engine e, size_t size) {
  auto r = std::make_unique<VonageRaw>();
  r->engine = e;
  r->ct.assign(size, 0);
  r->out.assign(size, 0);
  auto keys = derive_keys(e);
  if (!keys) {
    r->check = "key derivation failed";
    return r;
  }
  r->keys = std::move(*keys);
  r->ctr_cipher.emplace("AES-128-CTR", r->keys.enc);
  r->hmac.emplace("SHA256", r->keys.auth);
  if (!r->ctr_cipher->ok() || !r->hmac->ok()) {
    r->check = "cannot key the raw cipher";
    return r;
  }
  // With the same CTR, header || ciphertext || tag must equal the scheme's packet.
  auto ctx = vonage::scheme().configure(params_for(e));
  if (!ctx) {
    r->check = "configure failed";
    return r;
  }
  auto pkt = (*ctx)->protect({Media::Video, Codec::Vp9, payload(size), {}, kCheckCtr, {}});
  if (!pkt || !r->round_trip(kCheckCtr)) {
    r->check = "check round trip failed";
    return r;
  }
  Bytes expect(r->header.begin(), r->header.begin() + static_cast<ptrdiff_t>(r->header_size));
  expect.insert(expect.end(), r->ct.begin(), r->ct.end());
  expect.insert(expect.end(), r->mac.begin(), r->mac.begin() + kTag);
  if (*pkt != expect) {
    r->check = "raw EVP output differs from the rtcseal packet";
  } else if (r->out != payload(size)) {
    r->check = "raw EVP did not decrypt back to the payload";
  }
  return r;
}

}  // namespace

void register_vonage() {
  for (Engine e : {Engine::Legacy, Engine::Draft01}) {
    for (size_t size : kSizes) {
      register_pair(
          "vonage-e2ee", std::string(vonage::engine_name(e)), size, false,
          [e, size](benchmark::State& st) {
            run_scheme(st, vonage::scheme(), params_for(e), Media::Video, Codec::Vp9, size);
          },
          raw_bench<VonageRaw>([e, size] { return make_raw(e, size); }));
    }
  }
}

}  // namespace rtcseal::bench
