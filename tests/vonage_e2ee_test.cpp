// Tests of scheme vonage-e2ee (docs/spec.md §4).
//
// The spec's formulas are written out again below with the crypto primitives alone and checked
// first against public known answers: the legacy header against medooze/sframe's tests, the
// draft-01 key schedule, header, nonce and tag against the SFrame working group's draft-01-era
// vectors. Those independent formulas then recompute every ProtectTest packet of
// vectors/vonage-e2ee/ and re-derive every cross-engine error; the scheme code is called only to
// compare both routes. PBKDF2 runs 100,000 iterations per call (tens of ms), so contexts are few.
#include "rtcseal/vonage_e2ee.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "rtcseal/bytes.h"
#include "rtcseal/crypto.h"

namespace rtcseal {
namespace {

namespace fs = std::filesystem;
using crypto::Hash;
using nlohmann::json;

// ---- Constants transcribed from docs/spec.md §4, checked against the header ----
constexpr uint32_t kIterations = 100000;  // §4.4
constexpr size_t kVideoTag = 10, kAudioTag = 4, kDraftTag = 10;
static_assert(vonage::kPbkdf2Iterations == kIterations && vonage::kMasterKeySize == 32);
static_assert(vonage::kLegacyVideoTagSize == kVideoTag && vonage::kLegacyAudioTagSize == kAudioTag);
static_assert(vonage::kDraft01TagSize == kDraftTag && vonage::kDraft01KidBytes == 6);
static_assert(vonage::kLegacyMaxField == 0x00ffffffffffffffull);

Bytes sb(const crypto::SecretBytes& s) {
  return Bytes(s.begin(), s.end());
}

Bytes hex(std::string_view h) {
  auto b = from_hex(h);
  EXPECT_TRUE(b.ok()) << h;
  return b.ok() ? *b : Bytes{};
}

Bytes cat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

Bytes be(uint64_t v, size_t width) {
  Bytes out;
  put_be(out, v, width);
  return out;
}

Bytes xored(ByteView a, ByteView b) {
  Bytes out(a.begin(), a.end());
  for (size_t i = 0; i < out.size(); ++i) out[i] ^= b[i];
  return out;
}

// ---- §4.4 key material ----

Bytes spec_master_key(std::string_view secret, std::string_view session) {
  auto k = crypto::pbkdf2(Hash::Sha256, as_bytes(secret), as_bytes(session), kIterations, 32);
  EXPECT_TRUE(k.ok());
  return k.ok() ? sb(*k) : Bytes{};
}

uint64_t spec_draft01_kid(std::string_view connection, std::string_view session) {
  const Bytes dk = spec_master_key(connection, session);
  return get_be(ByteView(dk).first(6));
}

// ---- §4.5.1 header: |b7|LEN|X|K|, lengths minus `bias` (legacy 0, draft-01 1) ----

size_t min_len(uint64_t v) {
  size_t n = 1;
  while (n < 8 && (v >> (8 * n)) != 0) ++n;
  return n;
}

Bytes spec_header(size_t bias, uint64_t kid, uint64_t ctr) {
  const size_t cl = min_len(ctr);
  if (kid <= 7) return cat({Bytes{static_cast<uint8_t>((cl - bias) << 4 | kid)}, be(ctr, cl)});
  const size_t kl = min_len(kid);
  return cat({Bytes{static_cast<uint8_t>((cl - bias) << 4 | 0x08 | (kl - bias))}, be(kid, kl),
              be(ctr, cl)});
}

struct ParsedHeader {
  bool ok;
  size_t size;
};

// §4.5.1 receiving rules: legacy rejects S = 1; both reject a zero-length field and a header that
// runs past the packet.
ParsedHeader spec_parse(bool legacy, ByteView data) {
  if (data.empty()) return {false, 0};
  const uint8_t b = data[0];
  if (legacy && (b & 0x80)) return {false, 0};
  const size_t bias = legacy ? 0 : 1;
  const size_t cl = ((b >> 4) & 7) + bias;
  const size_t kl = (b & 0x08) ? (b & 7) + bias : 0;
  if (cl == 0 || ((b & 0x08) && kl == 0)) return {false, 0};
  const size_t size = 1 + kl + cl;
  return {data.size() >= size, size};
}

// ---- §4.5.2 / §4.5.3 keys ----

struct Keys {
  Bytes salt, enc, auth;
};

Keys spec_legacy_keys(ByteView k) {
  auto derive = [&](const char* label, size_t n) {
    auto r = crypto::hkdf(Hash::Sha256, as_bytes(label), k, {}, n);
    EXPECT_TRUE(r.ok());
    return r.ok() ? sb(*r) : Bytes{};
  };
  return {derive("SFrameSaltKey", 16), derive("SFrameEncryptionKey", 16),
          derive("SFrameAuthenticationKey", 32)};
}

// From the SFrame base key: draft-01 "Key Derivation", then "derive_subkeys".
Keys spec_draft01_keys(ByteView base_key) {
  auto extract = [](const char* salt, ByteView ikm) {
    auto r = crypto::hkdf_extract(Hash::Sha256, as_bytes(salt), ikm);
    EXPECT_TRUE(r.ok());
    return r.ok() ? sb(*r) : Bytes{};
  };
  auto expand = [](ByteView prk, const char* info, size_t n) {
    auto r = crypto::hkdf_expand(Hash::Sha256, prk, as_bytes(info), n);
    EXPECT_TRUE(r.ok());
    return r.ok() ? sb(*r) : Bytes{};
  };
  const Bytes secret = extract("SFrame10", base_key);
  const Bytes sframe_key = expand(secret, "key", 16);
  const Bytes aead = extract("SFrame10 AES CTR AEAD", sframe_key);
  return {expand(secret, "salt", 12), expand(aead, "enc", 16), expand(aead, "auth", 32)};
}

Bytes aes_ctr(ByteView key, ByteView block, ByteView data) {
  if (data.empty()) return {};
  auto ck = crypto::CipherKey::create(crypto::Cipher::Aes128Ctr, key);
  EXPECT_TRUE(ck.ok());
  auto out = ck->encrypt(block, data);
  EXPECT_TRUE(out.ok());
  return out.ok() ? *out : Bytes{};
}

Bytes hmac(ByteView key, ByteView data) {
  auto m = crypto::hmac(Hash::Sha256, key, data);
  EXPECT_TRUE(m.ok());
  return m.ok() ? *m : Bytes{};
}

// §4.5.2: clear ‖ header ‖ ct ‖ HMAC(header ‖ ct), where ct is the AES-CTR encryption of the
// whole frame, clear bytes included, from the block (BE64(CTR) ‖ BE64(KID)) XOR salt.
Bytes spec_legacy_frame(const Keys& k, size_t tag_len, ByteView clear, ByteView frame, uint64_t kid,
                        uint64_t ctr) {
  const Bytes h = spec_header(0, kid, ctr);
  const Bytes ct = aes_ctr(k.enc, xored(cat({be(ctr, 8), be(kid, 8)}), k.salt), frame);
  const Bytes tag = hmac(k.auth, cat({h, ct}));
  return cat({clear, h, ct, ByteView(tag).first(tag_len)});
}

// §4.5.3: nonce = salt XOR BE96(CTR), AES-CTR from nonce ‖ 0^32, aad = header ‖ clear, and
// tag = HMAC(BE64(|aad|) ‖ BE64(|ct|) ‖ nonce ‖ aad ‖ ct).
Bytes spec_draft01_frame(const Keys& k, size_t tag_len, ByteView clear, ByteView body, uint64_t kid,
                         uint64_t ctr) {
  const Bytes h = spec_header(1, kid, ctr);
  const Bytes nonce = xored(k.salt, be(ctr, 12));
  const Bytes ct = aes_ctr(k.enc, cat({nonce, Bytes(4, 0)}), body);
  const Bytes aad = cat({h, clear});
  const Bytes tag = hmac(k.auth, cat({be(aad.size(), 8), be(ct.size(), 8), nonce, aad, ct}));
  return cat({clear, h, ct, ByteView(tag).first(tag_len)});
}

// §4.7 for the well-formed frames of the vector files. H.264: the first 00 00 01 whose NAL type
// is 1 or 5, plus the header byte and one more.
size_t spec_clear_len(bool legacy, const std::string& media, const std::string& codec,
                      ByteView frame) {
  if (codec == "vp8") return (frame[0] & 1) == 0 ? 10 : 3;
  if (codec == "opus" && media == "audio") return legacy ? 0 : 1;
  if (codec == "h264" && !legacy) {
    for (size_t i = 0; i + 3 < frame.size(); ++i) {
      const bool start = frame[i] == 0 && frame[i + 1] == 0 && frame[i + 2] == 1;
      const int type = frame[i + 3] & 0x1f;
      if (start && (type == 1 || type == 5)) return i + 3 + 2;
    }
    ADD_FAILURE() << "no slice in an H.264 vector frame";
  }
  return 0;
}

size_t spec_tag_len(bool legacy, const std::string& media) {
  return !legacy ? kDraftTag : media == "video" ? kVideoTag : kAudioTag;
}

// ---- Helpers over the scheme ----

std::unique_ptr<Context> configure(const Params& p) {
  auto ctx = vonage::scheme().configure(p);
  EXPECT_TRUE(ctx.ok()) << (ctx.ok() ? "" : ctx.error().message);
  return ctx.ok() ? std::move(ctx).value() : nullptr;
}

std::string outcome(const Result<Bytes>& r) {
  return r.ok() ? "ok" : std::string(error_name(r.error().code));
}

ProtectInput sending(Media m, Codec c, ByteView payload, std::optional<uint64_t> kid,
                     std::optional<uint64_t> ctr) {
  return {m, c, payload, {}, ctr, kid};
}

UnprotectInput receiving(Media m, Codec c, ByteView packet) {
  return {m, c, packet, {}};
}

const char* kConnection = "5a2e1f47-9c3b-4d08-b6e2-71f0c8a94d35";

// ==== 1. The secret rules (§4.2, §4.3) ====

TEST(VonageSecret, CountsUnicodeScalarValues) {
  EXPECT_EQ(vonage::utf8_characters(""), 0u);
  EXPECT_EQ(vonage::utf8_characters("abc"), 3u);
  EXPECT_EQ(vonage::utf8_characters(std::string("a\0b", 3)), 3u);  // NUL is a character
  EXPECT_EQ(vonage::utf8_characters("\u00e9"), 1u);                // 2 bytes
  EXPECT_EQ(vonage::utf8_characters("\u20ac"), 1u);                // 3 bytes
  EXPECT_EQ(vonage::utf8_characters("\U0001F600"), 1u);            // 4 bytes, 2 UTF-16 units
  EXPECT_EQ(vonage::utf8_characters("\U0010FFFF"), 1u);            // the last scalar value
  EXPECT_EQ(vonage::utf8_characters("s\u00e9cret \u20ac \U0001F600"), 10u);
}

TEST(VonageSecret, RejectsMalformedUtf8) {
  const char* bad[] = {
      "\x80",              // a lone continuation byte
      "\xc3",              // a truncated 2-byte sequence
      "\xe2\x82",          // a truncated 3-byte sequence
      "\xc0\xaf",          // overlong '/'
      "\xe0\x80\xaf",      // overlong '/' in three bytes
      "\xf0\x82\x82\xac",  // overlong U+20AC in four bytes
      "\xed\xa0\x80",      // the surrogate U+D800
      "\xed\xbf\xbf",      // the surrogate U+DFFF
      "\xf4\x90\x80\x80",  // U+110000, above the Unicode range
      "\xf8\x88\x80\x80\x80",
      "\xff",
      "\xc3\x28",  // a lead byte followed by a non-continuation
  };
  for (const char* s : bad) {
    EXPECT_EQ(vonage::utf8_characters(s), std::nullopt) << to_hex(as_bytes(s));
    // Padded to more than 8 bytes, the secret is still invalid, not too short.
    const std::string secret = std::string("abcdefgh") + s;
    auto st = vonage::validate_secret(secret);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, Err::SECRET_INVALID) << to_hex(as_bytes(s));
  }
}

TEST(VonageSecret, LengthRulesCountCharacters) {
  auto code = [](const std::optional<std::string>& s) {
    auto st = vonage::validate_secret(s);
    return st.ok() ? std::string("ok") : std::string(error_name(st.error().code));
  };
  auto repeat = [](std::string_view unit, size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += unit;
    return s;
  };
  EXPECT_EQ(code(std::nullopt), "SECRET_MISSING");
  EXPECT_EQ(code(""), "SECRET_MISSING");
  EXPECT_EQ(code("1234567"), "SECRET_INVALID");
  EXPECT_EQ(code("12345678"), "ok");
  EXPECT_EQ(code(std::string(256, 'x')), "ok");
  EXPECT_EQ(code(std::string(257, 'x')), "SECRET_INVALID");
  EXPECT_EQ(code(repeat("\u00e9", 7)), "SECRET_INVALID");  // 14 bytes
  EXPECT_EQ(code(repeat("\u00e9", 8)), "ok");
  EXPECT_EQ(code(repeat("\u20ac", 256)), "ok");  // 768 bytes
  EXPECT_EQ(code(repeat("\u20ac", 257)), "SECRET_INVALID");
  EXPECT_EQ(code(repeat("\U0001F600", 7)), "SECRET_INVALID");  // 14 UTF-16 units
  EXPECT_EQ(code(repeat("\U0001F600", 129)), "ok");            // 258 UTF-16 units
  EXPECT_EQ(code(repeat("\U0001F600", 256)), "ok");            // 1024 bytes
  EXPECT_EQ(code(std::string(8, ' ')), "ok");                  // no trimming, no charset rule
}

TEST(VonageSecret, ConfigureChecksParametersBeforeAnyKeyDerivation) {
  auto code = [](const Params& p) {
    auto ctx = vonage::scheme().configure(p);
    return ctx.ok() ? std::string("ok") : std::string(error_name(ctx.error().code));
  };
  const Params base{{"engine", "legacy"}, {"session_id", "s"}};
  EXPECT_EQ(code(base), "SECRET_MISSING");
  Params p = base;
  p["secret"] = "short";
  EXPECT_EQ(code(p), "SECRET_INVALID");
  p["engine"] = "2.26";
  EXPECT_EQ(code(p), "MODE_UNSUPPORTED");  // §4.2 rule order: engine first
  p = {{"engine", "draft01"}, {"secret", "12345678"}};
  EXPECT_EQ(code(p), "KEY_MISSING");  // no session id, no key
  p["session_id"] = "";
  EXPECT_EQ(code(p), "KEY_MISSING");
}

// ==== 2. Key material (§4.4) ====

TEST(VonageKeys, LegacyKidReadsTheFirstNineDecimalDigits) {
  EXPECT_EQ(vonage::legacy_kid(kConnection), 521479340u);  // 5a2e1f47-9c3b-4d08-...
  EXPECT_EQ(vonage::legacy_kid("0b7d3c9e-2f64-4a18-9e05-c3d1a6f28b70"), 73926441u);  // leading 0
  EXPECT_EQ(vonage::legacy_kid("1234567890123"), 123456789u);
  EXPECT_EQ(vonage::legacy_kid("abcdef-1-2-3"), 123u);  // fewer than nine digits: all of them
  EXPECT_EQ(vonage::legacy_kid("abcdef-abcdef"), 0u);   // none: 0
  EXPECT_EQ(vonage::legacy_kid(""), 0u);
  // Only ASCII digits count: U+0663 ARABIC-INDIC DIGIT THREE and U+FF15 FULLWIDTH DIGIT FIVE do
  // not.
  EXPECT_EQ(vonage::legacy_kid("1\u06632\uff153"), 123u);
  EXPECT_EQ(vonage::legacy_kid("999999999999"), 999999999u);  // the largest legacy KID
}

TEST(VonageKeys, MasterKeyAndDraft01KidArePbkdf2) {
  auto k = vonage::master_key("12345678", "session");
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(sb(*k), spec_master_key("12345678", "session"));
  auto kid = vonage::draft01_kid(kConnection, "session");
  ASSERT_TRUE(kid.ok());
  EXPECT_EQ(*kid, spec_draft01_kid(kConnection, "session"));
  // Reproduced outside rtcseal with Python's hashlib.pbkdf2_hmac (docs/spec.md §4.11).
  EXPECT_EQ(to_hex(*k), "4ec48f1efa57a1eebb1a9dddf86a1474c59ffba27f99e545ab20f037d9a684e8");
  EXPECT_EQ(*kid, 0x7ee1d4a88117u);
}

// ==== 3. Building blocks against public known answers ====

// medooze/sframe tests/header.js, "generate": the legacy header with byte-count lengths.
TEST(VonageBuildingBlocks, LegacyHeaderMatchesMedoozeVectors) {
  struct Case {
    uint64_t kid, ctr;
    const char* header;
  } cases[] = {{0, 0, "1000"},
               {0, 1, "1001"},
               {1, 255, "11ff"},
               {0, 256, "200100"},
               {1, 257, "210101"},
               {0, 0xff010203, "40ff010203"},
               {1, 0xff0000ff, "41ff0000ff"},
               {8, 1, "190801"},
               {0x101, 1, "1a010101"},
               {0xaabbcc, 255, "1baabbccff"}};
  for (const Case& c : cases) EXPECT_EQ(to_hex(spec_header(0, c.kid, c.ctr)), c.header);
  // tests/header.js "parse": 9001caca has S = 1, which the legacy engine here rejects.
  EXPECT_FALSE(spec_parse(true, hex("9001caca")).ok);
  EXPECT_TRUE(spec_parse(true, hex("1baabbccffcaca")).ok);
}

// The SFrame working group's draft-01-era test vectors (sframe-wg/sframe test-vectors.json as
// vendored by goto-opensource/secure-frame-rs src/test_vectors/test-vectors.json, the file its
// "Update to draft enc-01" release tested against): key schedule, minus-one header lengths,
// nonce, counter block and tag layout, all byte for byte. The AES-CTR entries carry 4- and
// 8-byte tags; the draft01 engine uses 10 (AES_CTR_128_HMAC_SHA256_80).
TEST(VonageBuildingBlocks, Draft01FormulasReproduceTheDraftEraVectors) {
  const std::string text = "From heavenly harmony // This universal frame began";
  const Bytes pt(text.begin(), text.end());
  struct Encryption {
    uint64_t kid, ctr;
    const char* ciphertext;
  };
  struct Suite {
    const char *base_key, *key, *salt;
    size_t tag_len;
    std::vector<Encryption> encryptions;
  } suites[] = {
      {"101112131415161718191a1b1c1d1e1f",
       "343d3290f5c0b936415bea9a43c6f5a2",
       "42d662fbad5cd81eb3aad79a",
       4,
       {{7, 0,
         "0700c5095af9dbbbed6a952de114ea7b42768509f1ffc9749abb1e95bf4514d8d82a0eef4b5ecac16fa19397"
         "7fa1aa1c9fa5c7e730b934669c"},
        {511, 43690,
         "1901ffaaaa990cbeb4ae2e3a76be8bb954b62591e791d0fa53c0553bc1d1e021d270b1a10688cd89195203b0"
         "1978925373b04f9c08c3a4e563e2f6b9"},
        {0xffffffffffffff, 0xffffffffffffff,
         "6effffffffffffffffffffffffffff412c43c8077c286f7df3dd9988d1bd033f1067493e09421e5bfc363e50"
         "a3c803b4da9239514cb924dbcb5f33e33112083e99108de2ecd6"}}},
      {"202122232425262728292a2b2c2d2e2f",
       "3fce747d505e46ec9b92d9f58ee7a5d4",
       "77fbf5f1d82c73f6d2b353c9",
       8,
       {{7, 0,
         "07009d89e5753e06edf3025f1ccd70b095ebaf10c250e11da740f50f57b6ce860d7321dfa49688a2cd6c6d9a"
         "71ae9d5c14ad0978efdd719a7f18c48f07"},
        {15, 170,
         "080faae7eec4b0556ddfb8068998351cd670ce95f0ce9cd4c6dca2eeee73fb14d20a0d0fd487337ed43fa7f9"
         "8dad0995b8b870325aa35a105af9b1004b22"},
        {0xffffffffffffff, 0xffffffffffffff,
         "6effffffffffffffffffffffffffffa9bc6c7edde0fdfd13255a5b145c5ce84db8f8960858eb998b8ea8f3e7"
         "70160150813c5806441b64251bdd2be9e8cec1386b6f8e3b1982bcd16c84"}}},
  };
  for (const Suite& s : suites) {
    SCOPED_TRACE(s.base_key);
    // sframe_key itself is not kept by spec_draft01_keys; recompute it for the "key" field.
    auto secret = crypto::hkdf_extract(Hash::Sha256, as_bytes("SFrame10"), hex(s.base_key));
    ASSERT_TRUE(secret.ok());
    auto key = crypto::hkdf_expand(Hash::Sha256, *secret, as_bytes("key"), 16);
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(to_hex(*key), s.key);
    const Keys k = spec_draft01_keys(hex(s.base_key));
    EXPECT_EQ(to_hex(k.salt), s.salt);
    for (const Encryption& e : s.encryptions) {
      EXPECT_EQ(to_hex(spec_draft01_frame(k, s.tag_len, {}, pt, e.kid, e.ctr)), e.ciphertext)
          << "kid " << e.kid << " ctr " << e.ctr;
    }
  }
}

// NIST SP 800-38A B.1: the standard incrementing function runs over the whole 128-bit block
// (WebCrypto's AES-CTR with length 128, as the legacy engine uses it). A legacy counter block is
// salt-masked, so it can sit anywhere, including just below the wrap.
TEST(VonageBuildingBlocks, AesCtrCarriesAcrossTheWholeBlock) {
  const Bytes key = hex("2b7e151628aed2a6abf7158809cf4f3c");
  const Bytes top(16, 0xff);
  Bytes after_low_carry = hex("0000000000000000ffffffffffffffff");
  auto ecb = crypto::CipherKey::create(crypto::Cipher::Aes128Ecb, key);
  ASSERT_TRUE(ecb.ok());
  const Bytes pt(32, 0);
  struct Case {
    Bytes first, second;
  } cases[] = {{top, Bytes(16, 0)}, {after_low_carry, hex("00000000000000010000000000000000")}};
  for (const Case& c : cases) {
    auto keystream = ecb->encrypt({}, cat({c.first, c.second}));
    ASSERT_TRUE(keystream.ok());
    EXPECT_EQ(aes_ctr(key, c.first, pt), *keystream) << to_hex(c.first);
  }
}

// ==== 4. The scheme against the spec ====

// §4.11 worked examples: secret "12345678", session id "session", connection id kConnection.
// The bytes were reproduced outside rtcseal with Python's hashlib and `cryptography` package.
TEST(VonageSpec, WorkedExamplesOfSection411) {
  const Bytes k = spec_master_key("12345678", "session");
  const Params legacy{{"engine", "legacy"},
                      {"secret", "12345678"},
                      {"session_id", "session"},
                      {"connection_id", kConnection}};
  const Bytes opus{0x00, 0x01, 0x02, 0x03};
  const Bytes by_spec = spec_legacy_frame(spec_legacy_keys(k), kAudioTag, {}, opus, 521479340, 0);
  auto ctx = configure(legacy);
  ASSERT_NE(ctx, nullptr);
  auto by_scheme = ctx->protect(sending(Media::Audio, Codec::Opus, opus, std::nullopt, 0));
  ASSERT_TRUE(by_scheme.ok());
  EXPECT_EQ(to_hex(*by_scheme), to_hex(by_spec));
  EXPECT_EQ(to_hex(by_spec), "1c1f1524ac00b619782eebc31d1b");
  // VP8: the clear bytes lead, and the legacy ciphertext covers them again.
  const Bytes delta = hex("310701aabbcc");
  auto vp8 = ctx->protect(sending(Media::Video, Codec::Vp8, delta, std::nullopt, 1));
  ASSERT_TRUE(vp8.ok());
  EXPECT_EQ(to_hex(*vp8), to_hex(spec_legacy_frame(spec_legacy_keys(k), kVideoTag,
                                                   ByteView(delta).first(3), delta, 521479340, 1)));
  EXPECT_EQ(to_hex(*vp8), "3107011c1f1524ac017a49270d2118499977549f4feffd71a2");

  Params draft = legacy;
  draft["engine"] = "draft01";
  const Bytes by_spec2 =
      spec_draft01_frame(spec_draft01_keys(k), kDraftTag, ByteView(delta).first(3),
                         ByteView(delta).subspan(3), 0x7ee1d4a88117, 1);
  auto ctx2 = configure(draft);
  ASSERT_NE(ctx2, nullptr);
  auto by_scheme2 = ctx2->protect(sending(Media::Video, Codec::Vp8, delta, std::nullopt, 1));
  ASSERT_TRUE(by_scheme2.ok());
  EXPECT_EQ(to_hex(*by_scheme2), to_hex(by_spec2));
  EXPECT_EQ(to_hex(by_spec2), "3107010d7ee1d4a88117011fc99ddd37d3427541d513a24a");
}

std::vector<std::pair<std::string, json>> vector_files() {
  std::vector<std::pair<std::string, json>> files;
  for (const auto& e : fs::directory_iterator(RTCSEAL_SOURCE_DIR "/vectors/vonage-e2ee")) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    files.emplace_back(e.path().filename().string(), json::parse(in));
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return files;
}

// Keys per (engine, secret, session), so each PBKDF2 runs once for the whole file set.
class SpecKeys {
 public:
  const Keys& get(bool legacy, const std::string& secret, const std::string& session) {
    const std::string id = (legacy ? "L" : "D") + secret + '\0' + session;
    auto it = cache_.find(id);
    if (it == cache_.end()) {
      const Bytes k = spec_master_key(secret, session);
      it = cache_.emplace(id, legacy ? spec_legacy_keys(k) : spec_draft01_keys(k)).first;
    }
    return it->second;
  }

 private:
  std::map<std::string, Keys> cache_;
};

TEST(VonageSpec, EveryProtectVectorFollowsTheSpec) {
  SpecKeys keys;
  size_t recomputed = 0, derived_kids = 0;
  const auto files = vector_files();
  ASSERT_EQ(files.size(), 4u);
  for (const auto& [name, doc] : files) {
    for (const json& group : doc.at("testGroups")) {
      if (group.at("type") != "ProtectTest") continue;
      const json& p = group.at("params");
      const bool legacy = p.at("engine") == "legacy";
      const std::string session = p.at("session_id");
      const Keys& k = keys.get(legacy, p.at("secret"), session);
      std::optional<uint64_t> own_kid;
      if (p.contains("connection_id")) {
        const std::string conn = p.at("connection_id");
        // §4.4: the legacy rule is spelt out again here rather than calling legacy_kid().
        std::string digits;
        for (char c : conn) {
          if (c >= '0' && c <= '9' && digits.size() < 9) digits += c;
        }
        own_kid =
            legacy ? std::stoull(digits.empty() ? "0" : digits) : spec_draft01_kid(conn, session);
      }
      for (const json& t : group.at("tests")) {
        SCOPED_TRACE(name + " tcId " + std::to_string(t.at("tcId").get<int>()));
        const std::string media = t.at("media"), codec = t.at("codec");
        const Bytes payload = hex(t.at("payload").get<std::string>());
        const uint64_t kid = t.contains("kid") ? t.at("kid").get<uint64_t>() : own_kid.value();
        derived_kids += t.contains("kid") ? 0 : 1;
        const uint64_t ctr = t.at("ctr");
        const size_t clear = spec_clear_len(legacy, media, codec, payload);
        const ByteView pv(payload);
        const Bytes want =
            legacy ? spec_legacy_frame(k, spec_tag_len(true, media), pv.first(clear), pv, kid, ctr)
                   : spec_draft01_frame(k, kDraftTag, pv.first(clear), pv.subspan(clear), kid, ctr);
        EXPECT_EQ(t.at("packet").get<std::string>(), to_hex(want));
        ++recomputed;
      }
    }
  }
  EXPECT_GT(recomputed, 20u);
  EXPECT_GT(derived_kids, 5u);
  std::cout << "recomputed " << recomputed << " vonage-e2ee ProtectTest packets (" << derived_kids
            << " with a derived KID)\n";
}

// Every cross-engine frame fails as the receiver's header rules say: MALFORMED_PACKET when its
// layout cannot read a header and a tag from the bytes, AUTH_FAILED otherwise (the other key
// schedule cannot produce a matching tag).
TEST(VonageSpec, CrossEngineErrorsFollowTheHeaderRules) {
  size_t checked = 0, malformed = 0, auth = 0;
  for (const auto& [name, doc] : vector_files()) {
    for (const json& group : doc.at("testGroups")) {
      for (const json& t : group.at("tests")) {
        const auto flags = t.value("flags", std::vector<std::string>{});
        if (std::find(flags.begin(), flags.end(), "CrossEngine") == flags.end()) continue;
        SCOPED_TRACE(name + " tcId " + std::to_string(t.at("tcId").get<int>()));
        const bool legacy = t.at("receiverParams").at("engine") == "legacy";
        EXPECT_NE(group.at("params").at("engine"), t.at("receiverParams").at("engine"));
        const std::string media = t.at("media"), codec = t.at("codec");
        const Bytes packet = hex(t.at("packet").get<std::string>());
        const size_t clear = spec_clear_len(legacy, media, codec, packet);
        const ByteView rest = ByteView(packet).subspan(clear);
        const ParsedHeader h = spec_parse(legacy, rest);
        const bool fits = h.ok && rest.size() - h.size >= spec_tag_len(legacy, media);
        EXPECT_EQ(t.at("error"), fits ? "AUTH_FAILED" : "MALFORMED_PACKET");
        ++(fits ? auth : malformed);
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 10u);
  EXPECT_GT(malformed, 0u);
  EXPECT_GT(auth, 0u);
}

// ==== 5. Scheme behaviour ====

// Two contexts per engine serve the remaining tests: configure runs PBKDF2.
struct Endpoints {
  std::unique_ptr<Context> legacy, draft01, legacy_rx, draft01_rx;
};

Endpoints& endpoints() {
  static Endpoints e = [] {
    const Params base{{"secret", "a shared secret"}, {"session_id", "session"}};
    Params l = base, d = base;
    l["engine"] = "legacy";
    d["engine"] = "draft01";
    Endpoints out;
    out.legacy = configure(l);
    out.draft01 = configure(d);
    out.legacy_rx = configure(l);
    out.draft01_rx = configure(d);
    return out;
  }();
  return e;
}

TEST(VonageScheme, CrossEngineFramesFailCleanly) {
  auto& e = endpoints();
  std::mt19937_64 rng(7);
  std::map<std::string, int> seen;
  struct Route {
    Context *tx, *rx;
  } routes[] = {{e.legacy.get(), e.draft01_rx.get()}, {e.draft01.get(), e.legacy_rx.get()}};
  const std::pair<Media, Codec> kinds[] = {{Media::Audio, Codec::None},
                                           {Media::Audio, Codec::Opus},
                                           {Media::Video, Codec::Vp8},
                                           {Media::Video, Codec::Vp9}};
  for (const Route& r : routes) {
    for (const auto& [media, codec] : kinds) {
      for (uint64_t ctr : {0ull, 1ull, 255ull, 256ull, 70000ull, 1ull << 40}) {
        for (size_t size : {10u, 11u, 40u, 1200u}) {
          Bytes frame(size);
          for (auto& b : frame) b = static_cast<uint8_t>(rng());
          frame[0] &= 0xfe;  // a VP8 key frame when the codec is VP8
          auto pkt = r.tx->protect(sending(media, codec, frame, rng() & 0xffffff, ctr));
          ASSERT_TRUE(pkt.ok()) << pkt.error().message;
          const std::string got = outcome(r.rx->unprotect(receiving(media, codec, *pkt)));
          EXPECT_TRUE(got == "AUTH_FAILED" || got == "MALFORMED_PACKET") << got;
          ++seen[got];
        }
      }
    }
  }
  EXPECT_GT(seen["AUTH_FAILED"], 0);
  EXPECT_GT(seen["MALFORMED_PACKET"], 0);
}

TEST(VonageScheme, CodecMatrix) {
  auto& e = endpoints();
  const Bytes vp8_key =
      hex("504200"
          "9d012a"
          "8002e001"
          "aabbccdd");
  const Bytes h264 =
      hex("0000000167"
          "42c01f"
          "0000000165"
          "8884aabb");
  for (Context* ctx : {e.legacy.get(), e.draft01.get()}) {
    const bool legacy = ctx == e.legacy.get();
    for (Media m : {Media::Audio, Media::Video, Media::Data}) {
      for (Codec c : {Codec::None, Codec::Opus, Codec::Vp8, Codec::H264, Codec::Vp9}) {
        const Bytes& frame = c == Codec::H264 ? h264 : vp8_key;
        const bool carried = m == Media::Audio ? (c == Codec::None || c == Codec::Opus)
                             : m == Media::Video
                                 ? (c == Codec::None || c == Codec::Vp8 || c == Codec::Vp9 ||
                                    (c == Codec::H264 && !legacy))
                                 : false;
        auto pkt = ctx->protect(sending(m, c, frame, 9, 9));
        SCOPED_TRACE(std::string(media_name(m)) + "/" + std::string(codec_name(c)) +
                     (legacy ? " legacy" : " draft01"));
        EXPECT_EQ(outcome(pkt), carried ? "ok" : "CODEC_UNSUPPORTED");
        auto back = ctx->unprotect(receiving(m, c, pkt.ok() ? *pkt : frame));
        EXPECT_EQ(outcome(back), carried ? "ok" : "CODEC_UNSUPPORTED");
        if (carried && back.ok()) {
          EXPECT_EQ(*back, frame);
        }
      }
    }
  }
  // Frames whose codec header cannot be parsed, in both directions.
  EXPECT_EQ(outcome(e.draft01->protect(sending(Media::Video, Codec::Vp8, hex("5042"), 1, 1))),
            "MALFORMED_PACKET");
  EXPECT_EQ(
      outcome(e.draft01->protect(sending(Media::Video, Codec::H264, hex("0000000167"), 1, 1))),
      "MALFORMED_PACKET");
  EXPECT_EQ(outcome(e.draft01->protect(sending(Media::Audio, Codec::Opus, {}, 1, 1))),
            "MALFORMED_PACKET");
  EXPECT_EQ(outcome(e.legacy->protect(sending(Media::Audio, Codec::Opus, {}, 1, 1))), "ok");
}

TEST(VonageScheme, ClearBytesAreAuthenticatedByDraft01Only) {
  auto& e = endpoints();
  const Bytes frame =
      hex("504200"
          "9d012a"
          "8002e001"
          "00112233445566778899");
  for (Context* ctx : {e.legacy.get(), e.draft01.get()}) {
    const bool legacy = ctx == e.legacy.get();
    auto pkt = ctx->protect(sending(Media::Video, Codec::Vp8, frame, 77, 5));
    ASSERT_TRUE(pkt.ok());
    Bytes tampered = *pkt;
    tampered[6] ^= 0x01;  // the width, in the clear
    auto back = ctx->unprotect(receiving(Media::Video, Codec::Vp8, tampered));
    if (legacy) {
      ASSERT_TRUE(back.ok());
      Bytes changed = frame;
      changed[6] ^= 0x01;
      EXPECT_EQ(*back, changed);  // delivered, with the change
    } else {
      EXPECT_EQ(outcome(back), "AUTH_FAILED");
    }
  }
}

TEST(VonageScheme, MetadataIsAuthenticatedByDraft01Only) {
  auto& e = endpoints();
  const Bytes frame = hex("00112233"), md = hex("abcdef");
  ProtectInput in = sending(Media::Audio, Codec::None, frame, 3, 3);
  in.metadata = md;
  EXPECT_EQ(outcome(e.legacy->protect(in)), "UNIMPLEMENTED");
  auto pkt = e.draft01->protect(in);
  ASSERT_TRUE(pkt.ok());
  UnprotectInput out = receiving(Media::Audio, Codec::None, *pkt);
  out.metadata = md;
  EXPECT_EQ(outcome(e.draft01_rx->unprotect(out)), "ok");
  out.metadata = hex("abcdee");
  EXPECT_EQ(outcome(e.draft01_rx->unprotect(out)), "AUTH_FAILED");
}

TEST(VonageScheme, PinnedValuesMustFitTheHeader) {
  auto& e = endpoints();
  const Bytes frame = hex("0011");
  const uint64_t too_wide = uint64_t{1} << 56;
  EXPECT_EQ(outcome(e.legacy->protect(sending(Media::Audio, Codec::None, frame, too_wide, 0))),
            "ENCRYPT_INTERNAL");
  EXPECT_EQ(outcome(e.legacy->protect(sending(Media::Audio, Codec::None, frame, 0, too_wide))),
            "ENCRYPT_INTERNAL");
  EXPECT_EQ(outcome(e.draft01->protect(sending(Media::Audio, Codec::None, frame, ~0ull, ~0ull))),
            "ok");
  // No connection_id and no pinned KID: the sender has no identity to put in the header.
  EXPECT_EQ(outcome(e.legacy->protect(sending(Media::Audio, Codec::None, frame, std::nullopt, 0))),
            "NOT_INITIALIZED");
}

TEST(VonageScheme, CounterStartsAtZeroAndCountsUp) {
  auto ctx = configure({{"engine", "legacy"},
                        {"secret", "12345678"},
                        {"session_id", "session"},
                        {"connection_id", "7"}});
  ASSERT_NE(ctx, nullptr);
  for (uint64_t i = 0; i < 300; ++i) {
    auto pkt = ctx->protect(sending(Media::Audio, Codec::None, hex("00"), std::nullopt, {}));
    ASSERT_TRUE(pkt.ok());
    EXPECT_EQ(to_hex(ByteView(*pkt).first(pkt->size() - 1 - kAudioTag)),
              to_hex(spec_header(0, 7, i)));
  }
  // A pinned CTR does not move the counter.
  ASSERT_TRUE(ctx->protect(sending(Media::Audio, Codec::None, hex("00"), std::nullopt, 9)).ok());
  auto next = ctx->protect(sending(Media::Audio, Codec::None, hex("00"), std::nullopt, {}));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(to_hex(ByteView(*next).first(3)), to_hex(spec_header(0, 7, 300)));
}

// An authentic frame from another sender is UNKNOWN_KEY_ID; the check comes after the tag, so a
// forged frame is AUTH_FAILED whatever KID it names.
TEST(VonageScheme, KidIsCheckedAfterTheTag) {
  const Params p{{"engine", "legacy"},
                 {"secret", "12345678"},
                 {"session_id", "session"},
                 {"connection_id", kConnection}};
  auto rx = configure(p);
  auto& e = endpoints();
  ASSERT_NE(rx, nullptr);
  const Bytes frame = hex("0102030405");
  auto sender = configure(p);
  ASSERT_NE(sender, nullptr);
  auto own = sender->protect(sending(Media::Audio, Codec::None, frame, std::nullopt, 1));
  auto other = sender->protect(sending(Media::Audio, Codec::None, frame, 123456789, 1));
  ASSERT_TRUE(own.ok() && other.ok());
  EXPECT_EQ(outcome(rx->unprotect(receiving(Media::Audio, Codec::None, *own))), "ok");
  EXPECT_EQ(outcome(rx->unprotect(receiving(Media::Audio, Codec::None, *other))), "UNKNOWN_KEY_ID");
  Bytes forged = *other;
  forged.back() ^= 1;
  EXPECT_EQ(outcome(rx->unprotect(receiving(Media::Audio, Codec::None, forged))), "AUTH_FAILED");
  // Another secret: AUTH_FAILED, never UNKNOWN_KEY_ID.
  auto stranger = e.legacy->protect(sending(Media::Audio, Codec::None, frame, 123456789, 1));
  ASSERT_TRUE(stranger.ok());
  EXPECT_EQ(outcome(rx->unprotect(receiving(Media::Audio, Codec::None, *stranger))), "AUTH_FAILED");
}

TEST(VonageScheme, RekeyReplacesTheSecret) {
  const Params p{{"engine", "draft01"},
                 {"secret", "first secret"},
                 {"session_id", "session"},
                 {"connection_id", kConnection}};
  auto tx = configure(p);
  auto rx = configure(p);
  ASSERT_TRUE(tx && rx);
  const Bytes frame = hex("00112233");
  auto before = tx->protect(sending(Media::Audio, Codec::None, frame, std::nullopt, {}));
  ASSERT_TRUE(before.ok());

  // The secret is not kept: a rekey without one is SECRET_MISSING and changes nothing.
  auto st = tx->rekey({});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, Err::SECRET_MISSING);
  st = tx->rekey({{"secret", "short"}});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, Err::SECRET_INVALID);
  auto still = tx->protect(sending(Media::Audio, Codec::None, frame, std::nullopt, {}));
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(outcome(rx->unprotect(receiving(Media::Audio, Codec::None, *still))), "ok");

  ASSERT_TRUE(tx->rekey({{"secret", "second secret"}}).ok());
  auto after = tx->protect(sending(Media::Audio, Codec::None, frame, std::nullopt, {}));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(outcome(rx->unprotect(receiving(Media::Audio, Codec::None, *after))), "AUTH_FAILED");
  ASSERT_TRUE(rx->rekey({{"secret", "second secret"}}).ok());
  auto back = rx->unprotect(receiving(Media::Audio, Codec::None, *after));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, frame);
  EXPECT_EQ(outcome(rx->unprotect(receiving(Media::Audio, Codec::None, *before))), "AUTH_FAILED");
  // The counter carries on across the rekey: frames 0, 1, then 2. The KID (6 bytes) is kept.
  const size_t ctr_at = 1 + 6;
  EXPECT_EQ((*before)[ctr_at], 0);
  EXPECT_EQ((*still)[ctr_at], 1);
  EXPECT_EQ((*after)[ctr_at], 2);
  EXPECT_EQ(to_hex(ByteView(*after).subspan(1, 6)), to_hex(ByteView(*before).subspan(1, 6)));

  // A rekey may change the engine too.
  ASSERT_TRUE(tx->rekey({{"secret", "second secret"}, {"engine", "legacy"}}).ok());
  auto legacy = tx->protect(sending(Media::Audio, Codec::None, frame, std::nullopt, {}));
  ASSERT_TRUE(legacy.ok());
  EXPECT_EQ(to_hex(ByteView(*legacy).first(5)), to_hex(spec_header(0, 521479340, 3)).substr(0, 10));
}

TEST(VonageScheme, NativeErrorsAreTheDraft01EngineStatuses) {
  const Scheme& s = vonage::scheme();
  EXPECT_EQ(s.name(), "vonage-e2ee");
  EXPECT_EQ(find_scheme("vonage-e2ee"), &s);
  EXPECT_EQ(s.native_error(Err::AUTH_FAILED), "FAILED_TO_AUTHENTICATE");
  EXPECT_EQ(s.native_error(Err::MALFORMED_PACKET), "FAILED_TO_DECRYPT");
  EXPECT_EQ(s.native_error(Err::ENCRYPT_INTERNAL), "FAILED_TO_ENCRYPT");
  EXPECT_EQ(s.native_error(Err::SECRET_INVALID), std::nullopt);  // per platform: profiles
}

}  // namespace
}  // namespace rtcseal
