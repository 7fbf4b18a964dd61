// Unit tests of scheme sframe (RFC 9605). Known answers come from the published test vectors
// (vectors/sframe/rfc9605_test_vectors.json, read here with nlohmann directly, not through the
// harness's reader) and from RFC 9605's text; the ratchet, for which nothing is published, is
// recomputed from §5.1 with the crypto primitives.
#include "rtcseal/sframe.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rtcseal/bytes.h"
#include "rtcseal/crypto.h"

namespace rtcseal {
namespace {

using nlohmann::json;

const json& published() {
  static const json doc = [] {
    std::ifstream in(std::filesystem::path(RTCSEAL_SOURCE_DIR) / "vectors" / "sframe" /
                     "rfc9605_test_vectors.json");
    return json::parse(in);
  }();
  return doc;
}

Bytes H(const json& field) {
  auto b = from_hex(field.get<std::string>());
  EXPECT_TRUE(b.ok());
  return b.ok() ? *b : Bytes{};
}

Bytes bytes_of(const crypto::SecretBytes& s) {
  return Bytes(s.begin(), s.end());
}

template <typename T>
std::string outcome(const Result<T>& r) {
  return r.ok() ? "ok" : std::string(error_name(r.error().code));
}

const sframe::Suite& suite(uint64_t id) {
  return *sframe::find_suite(id);
}

// ---- Suites: RFC 9605 §4.5 Table 1 and §8.1 Table 2 ----

TEST(SframeSuites, TableMatchesRfc9605) {
  struct Row {
    uint16_t id;
    const char* name;
    size_t nh, nka, nk, nn, nt;
  };
  const Row rows[] = {{1, "AES_128_CTR_HMAC_SHA256_80", 32, 16, 48, 12, 10},
                      {2, "AES_128_CTR_HMAC_SHA256_64", 32, 16, 48, 12, 8},
                      {3, "AES_128_CTR_HMAC_SHA256_32", 32, 16, 48, 12, 4},
                      {4, "AES_128_GCM_SHA256_128", 32, 0, 16, 12, 16},
                      {5, "AES_256_GCM_SHA512_128", 64, 0, 32, 12, 16}};
  ASSERT_EQ(sframe::suites().size(), std::size(rows));
  for (const Row& r : rows) {
    const sframe::Suite* s = sframe::find_suite(r.id);
    ASSERT_NE(s, nullptr) << r.id;
    EXPECT_EQ(s->name, r.name);
    EXPECT_EQ(s->nh, r.nh);
    EXPECT_EQ(s->nka, r.nka);
    EXPECT_EQ(s->nk, r.nk);
    EXPECT_EQ(s->nn, r.nn);
    EXPECT_EQ(s->nt, r.nt);
    EXPECT_EQ(crypto::hash_size(s->hash), r.nh);
    EXPECT_EQ(s->aead == sframe::AeadKind::AesCtrHmac, r.nka != 0);
  }
  for (uint64_t bad : {0ull, 6ull, 0xf000ull, 0x10001ull})
    EXPECT_EQ(sframe::find_suite(bad), nullptr);
}

// ---- Header (§4.3) ----

TEST(SframeHeader, AllPublishedCases) {
  const json& cases = published()["header"];
  ASSERT_EQ(cases.size(), 289u);
  for (const json& c : cases) {
    const uint64_t kid = c["kid"].get<uint64_t>(), ctr = c["ctr"].get<uint64_t>();
    const Bytes encoded = H(c["encoded"]);
    SCOPED_TRACE(c.dump());
    EXPECT_EQ(to_hex(sframe::encode_header(kid, ctr)), to_hex(encoded));
    auto parsed = sframe::parse_header(encoded);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->kid, kid);
    EXPECT_EQ(parsed->ctr, ctr);
    EXPECT_EQ(parsed->size, encoded.size());
  }
}

// The length of the minimal big-endian encoding, written out from §4.3 without the codec.
size_t field_bytes(uint64_t v) {
  if (v < 8) return 0;
  size_t n = 0;
  for (; v != 0; v >>= 8) ++n;
  return n;
}

TEST(SframeHeader, EdgesRoundTripAtTheirSize) {
  const uint64_t edges[] = {0, 7, 8, 255, 256, 65535, 65536, UINT64_MAX >> 8, UINT64_MAX};
  for (uint64_t kid : edges) {
    for (uint64_t ctr : edges) {
      Bytes h = sframe::encode_header(kid, ctr);
      EXPECT_EQ(h.size(), 1 + field_bytes(kid) + field_bytes(ctr)) << kid << " " << ctr;
      Bytes packet = h;
      packet.insert(packet.end(), {0xaa, 0xbb});  // the body that follows is not header
      auto parsed = sframe::parse_header(packet);
      ASSERT_TRUE(parsed.ok());
      EXPECT_EQ(parsed->kid, kid);
      EXPECT_EQ(parsed->ctr, ctr);
      EXPECT_EQ(parsed->size, h.size());
    }
  }
  EXPECT_EQ(sframe::encode_header(UINT64_MAX, UINT64_MAX).size(), sframe::kMaxHeaderSize);
  EXPECT_EQ(to_hex(sframe::encode_header(UINT64_MAX, UINT64_MAX)),
            "ff" + std::string(32, 'f'));  // X=1 KLEN=8, Y=1 CLEN=8, then 16 bytes of ff
}

TEST(SframeHeader, EveryConfigByteParsesOrIsMalformed) {
  for (int config = 0; config < 256; ++config) {
    const bool x = config & 0x80, y = config & 0x08;
    const size_t klen = x ? ((config >> 4) & 7) + 1 : 0, clen = y ? (config & 7) + 1 : 0;
    // Alone: only the inline forms parse.
    Bytes alone{static_cast<uint8_t>(config)};
    EXPECT_EQ(outcome(sframe::parse_header(alone)), klen + clen == 0 ? "ok" : "MALFORMED_PACKET");
    // With enough minimal bytes after it (0x80 never starts a non-minimal field), it parses to
    // exactly 1 + klen + clen bytes.
    Bytes full = alone;
    full.resize(1 + 16, 0x80);
    auto parsed = sframe::parse_header(full);
    ASSERT_TRUE(parsed.ok()) << config;
    EXPECT_EQ(parsed->size, 1 + klen + clen) << config;
    // One byte short of the header: malformed, never a read past the end.
    if (klen + clen > 0) {
      Bytes cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(klen + clen));
      EXPECT_EQ(outcome(sframe::parse_header(cut)), "MALFORMED_PACKET") << config;
    }
  }
  EXPECT_EQ(outcome(sframe::parse_header({})), "MALFORMED_PACKET");
}

TEST(SframeHeader, NonMinimalEncodingsAreMalformed) {
  for (const char* hex : {"8005",                   // KID 5 in an extended field
                          "90000a",                 // KID 10 with a leading zero byte
                          "0807",                   // CTR 7 in an extended field
                          "090001",                 // CTR 1 with a leading zero byte
                          "f00000000000000008"}) {  // KID 8 in eight bytes
    EXPECT_EQ(outcome(sframe::parse_header(*from_hex(hex))), "MALFORMED_PACKET") << hex;
  }
}

// ---- Key schedule (§4.4.2, §4.4.3) against the published sframe cases ----

TEST(SframeKeys, PublishedKeySchedule) {
  const json& cases = published()["sframe"];
  ASSERT_EQ(cases.size(), 5u);
  for (const json& c : cases) {
    SCOPED_TRACE(c["cipher_suite"].dump());
    const sframe::Suite& s = suite(c["cipher_suite"].get<uint64_t>());
    const uint64_t kid = c["kid"].get<uint64_t>(), ctr = c["ctr"].get<uint64_t>();
    const Bytes base_key = H(c["base_key"]);
    auto secret = sframe::extract_secret(s, base_key);
    ASSERT_TRUE(secret.ok());
    EXPECT_EQ(to_hex(bytes_of(*secret)), c["sframe_secret"]);
    EXPECT_EQ(to_hex(sframe::key_label(s, kid)), c["sframe_key_label"]);
    EXPECT_EQ(to_hex(sframe::salt_label(s, kid)), c["sframe_salt_label"]);
    auto ks = sframe::derive(s, kid, base_key);
    ASSERT_TRUE(ks.ok());
    EXPECT_EQ(to_hex(bytes_of(ks->key)), c["sframe_key"]);
    EXPECT_EQ(to_hex(bytes_of(ks->salt)), c["sframe_salt"]);
    const sframe::Nonce nonce = sframe::make_nonce(ks->salt, ctr);
    EXPECT_EQ(to_hex(nonce), c["nonce"]);
  }
}

// ---- AEAD (§4.5.1) against the published aes_ctr_hmac cases ----

TEST(SframeAead, PublishedAesCtrHmac) {
  const json& cases = published()["aes_ctr_hmac"];
  ASSERT_EQ(cases.size(), 3u);
  for (const json& c : cases) {
    SCOPED_TRACE(c["cipher_suite"].dump());
    const sframe::Suite& s = suite(c["cipher_suite"].get<uint64_t>());
    const Bytes key = H(c["key"]), nonce = H(c["nonce"]), aad = H(c["aad"]), pt = H(c["pt"]),
                ct = H(c["ct"]);
    auto halves = sframe::split_key(s, key);
    ASSERT_TRUE(halves.ok());
    EXPECT_EQ(to_hex(bytes_of(halves->enc_key)), c["enc_key"]);
    EXPECT_EQ(to_hex(bytes_of(halves->auth_key)), c["auth_key"]);
    auto aead = sframe::Aead::create(s, key);
    ASSERT_TRUE(aead.ok());
    auto sealed = aead->seal(nonce, aad, pt);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(to_hex(*sealed), to_hex(ct));
    auto opened = aead->open(nonce, aad, ct);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(*opened, pt);
    // Every bit of the tag, the ciphertext and the AAD counts; the tag is checked before any
    // decryption (encrypt-then-MAC).
    for (size_t i = 0; i < ct.size(); ++i) {
      Bytes bad = ct;
      bad[i] ^= 0x01;
      EXPECT_EQ(outcome(aead->open(nonce, aad, bad)), "AUTH_FAILED") << i;
    }
    Bytes bad_aad = aad;
    bad_aad[0] ^= 0x80;
    EXPECT_EQ(outcome(aead->open(nonce, bad_aad, ct)), "AUTH_FAILED");
    EXPECT_EQ(outcome(aead->open(nonce, aad, Bytes(ct.begin(), ct.begin() + 3))),
              "MALFORMED_PACKET");
  }
}

TEST(SframeAead, KeysOfTheWrongSizeAreRejected) {
  for (const sframe::Suite& s : sframe::suites()) {
    EXPECT_EQ(outcome(sframe::Aead::create(s, Bytes(s.nk - 1, 1))), "KEY_INVALID") << s.name;
    EXPECT_EQ(outcome(sframe::Aead::create(s, Bytes(s.nk + 1, 1))), "KEY_INVALID") << s.name;
    EXPECT_EQ(outcome(sframe::Aead::create(s, Bytes(s.nk, 1))), "ok") << s.name;
  }
  EXPECT_EQ(outcome(sframe::split_key(suite(4), Bytes(16, 1))), "KEY_INVALID");
}

// ---- The scheme ----

Params params(uint64_t suite_id, uint64_t kid, const std::string& base_key) {
  return {
      {"suite", std::to_string(suite_id)}, {"kid", std::to_string(kid)}, {"base_key", base_key}};
}

std::unique_ptr<Context> configure(const Params& p) {
  auto ctx = sframe::scheme().configure(p);
  EXPECT_TRUE(ctx.ok()) << (ctx.ok() ? "" : ctx.error().message);
  return ctx.ok() ? std::move(ctx).value() : nullptr;
}

std::string configure_outcome(const Params& p) {
  return outcome(sframe::scheme().configure(p));
}

ProtectInput frame(ByteView payload, std::optional<uint64_t> kid = std::nullopt,
                   std::optional<uint64_t> ctr = std::nullopt, ByteView metadata = {}) {
  ProtectInput in;
  in.media = Media::Video;
  in.codec = Codec::Vp8;
  in.payload = payload;
  in.metadata = metadata;
  in.kid = kid;
  in.ctr = ctr;
  return in;
}

UnprotectInput packet_of(ByteView packet, ByteView metadata = {}) {
  UnprotectInput in;
  in.media = Media::Video;
  in.codec = Codec::Vp8;
  in.packet = packet;
  in.metadata = metadata;
  return in;
}

sframe::Header header_of(const Result<Bytes>& packet) {
  auto h = sframe::parse_header(*packet);
  EXPECT_TRUE(h.ok());
  return h.ok() ? *h : sframe::Header{};
}

const std::string kKeyA = "000102030405060708090a0b0c0d0e0f";
const std::string kKeyB = "101112131415161718191a1b1c1d1e1f";

TEST(SframeScheme, PublishedFramesThroughProtectAndUnprotect) {
  for (const json& c : published()["sframe"]) {
    SCOPED_TRACE(c["cipher_suite"].dump());
    const Params p = params(c["cipher_suite"].get<uint64_t>(), c["kid"].get<uint64_t>(),
                            c["base_key"].get<std::string>());
    const Bytes pt = H(c["pt"]), md = H(c["metadata"]), ct = H(c["ct"]);
    auto tx = configure(p);
    auto packet = tx->protect(frame(pt, c["kid"].get<uint64_t>(), c["ctr"].get<uint64_t>(), md));
    ASSERT_TRUE(packet.ok());
    EXPECT_EQ(to_hex(*packet), to_hex(ct));
    auto back = configure(p)->unprotect(packet_of(ct, md));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, pt);
  }
}

TEST(SframeScheme, ConfigureRules) {
  EXPECT_EQ(configure_outcome(params(1, 7, kKeyA)), "ok");
  EXPECT_EQ(
      configure_outcome({{"suite", "AES_256_GCM_SHA512_128"}, {"kid", "7"}, {"base_key", kKeyA}}),
      "ok");
  EXPECT_EQ(configure_outcome({{"kid", "7"}, {"base_key", kKeyA}}), "MODE_UNSUPPORTED");
  for (const char* bad : {"0", "6", "01", "+1", "", "aes_128_gcm_sha256_128"}) {
    EXPECT_EQ(configure_outcome({{"suite", bad}, {"kid", "7"}, {"base_key", kKeyA}}),
              "MODE_UNSUPPORTED")
        << bad;
  }
  EXPECT_EQ(configure_outcome({{"suite", "1"}, {"kid", "7"}}), "KEY_MISSING");
  EXPECT_EQ(configure_outcome(params(1, 7, "")), "KEY_MISSING");
  EXPECT_EQ(configure_outcome(params(1, 7, "abc")), "KEY_INVALID");
  EXPECT_EQ(configure_outcome({{"suite", "1"}, {"base_key", kKeyA}}), "KEY_MISSING");
  for (const char* bad : {"-1", "18446744073709551616", "01", "0x1", "1 "}) {
    EXPECT_EQ(configure_outcome({{"suite", "1"}, {"kid", bad}, {"base_key", kKeyA}}), "KEY_INVALID")
        << bad;
  }
  EXPECT_EQ(
      configure_outcome({{"suite", "1"}, {"kid", "18446744073709551615"}, {"base_key", kKeyA}}),
      "ok");
  Params r = params(1, 7, kKeyA);
  for (const char* ok : {"0", "1", "63"}) {
    r["ratchet_bits"] = ok;
    EXPECT_EQ(configure_outcome(r), "ok") << ok;
  }
  for (const char* bad : {"64", "", "-1", "x"}) {
    r["ratchet_bits"] = bad;
    EXPECT_EQ(configure_outcome(r), "MODE_UNSUPPORTED") << bad;
  }
  EXPECT_EQ(sframe::scheme().name(), "sframe");
  EXPECT_EQ(find_scheme("sframe"), &sframe::scheme());
}

TEST(SframeScheme, EveryMediaAndCodecGivesTheSameWireFormat) {
  const Bytes payload(100, 0x42);
  std::optional<Bytes> first;
  for (Media m : {Media::Audio, Media::Video, Media::Data}) {
    for (Codec c : {Codec::None, Codec::Opus, Codec::Vp8, Codec::H264, Codec::Vp9}) {
      ProtectInput in = frame(payload, 3, 9);
      in.media = m;
      in.codec = c;
      auto packet = configure(params(2, 3, kKeyA))->protect(in);
      ASSERT_TRUE(packet.ok()) << packet.error().message;
      if (!first) first = *packet;
      EXPECT_EQ(*packet, *first);
    }
  }
}

TEST(SframeScheme, CounterStartsAtZeroGrowsPerKidAndNeverRepeats) {
  auto ctx = configure(params(4, 300, kKeyA));
  const Bytes pt{1, 2, 3};
  for (uint64_t want = 0; want < 3; ++want) {
    auto p = ctx->protect(frame(pt));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(header_of(p).kid, 300u);
    EXPECT_EQ(header_of(p).ctr, want);
  }
  // A pinned CTR moves the counter on; one already used is refused (§7.4: no nonce reuse).
  EXPECT_EQ(header_of(ctx->protect(frame(pt, std::nullopt, 10))).ctr, 10u);
  EXPECT_EQ(header_of(ctx->protect(frame(pt))).ctr, 11u);
  EXPECT_EQ(outcome(ctx->protect(frame(pt, std::nullopt, 11))), "ENCRYPT_INTERNAL");
  EXPECT_EQ(outcome(ctx->protect(frame(pt, std::nullopt, 5))), "ENCRYPT_INTERNAL");
  // The last counter value is usable once; then the KID is exhausted rather than wrapping.
  EXPECT_EQ(header_of(ctx->protect(frame(pt, std::nullopt, UINT64_MAX - 1))).ctr, UINT64_MAX - 1);
  EXPECT_EQ(header_of(ctx->protect(frame(pt))).ctr, UINT64_MAX);
  EXPECT_EQ(outcome(ctx->protect(frame(pt))), "ENCRYPT_INTERNAL");
  EXPECT_EQ(outcome(ctx->protect(frame(pt, std::nullopt, UINT64_MAX))), "ENCRYPT_INTERNAL");
}

TEST(SframeScheme, SeveralKidsAtOnce) {
  auto tx = configure(params(1, 5, kKeyA));
  auto rx = configure(params(1, 5, kKeyA));
  const Bytes pt(64, 0x17);
  auto from_a = tx->protect(frame(pt));
  ASSERT_TRUE(tx->rekey({{"kid", "70000"}, {"base_key", kKeyB}}).ok());
  auto from_b = tx->protect(frame(pt));  // the newest KID is the default
  EXPECT_EQ(header_of(from_b).kid, 70000u);
  EXPECT_EQ(header_of(from_b).ctr, 0u);
  auto pinned_a = tx->protect(frame(pt, 5));  // the older KID stays usable, with its own counter
  EXPECT_EQ(header_of(pinned_a).ctr, 1u);

  EXPECT_EQ(outcome(rx->unprotect(packet_of(*from_a))), "ok");
  EXPECT_EQ(outcome(rx->unprotect(packet_of(*from_b))), "UNKNOWN_KEY_ID");
  ASSERT_TRUE(rx->rekey({{"kid", "70000"}, {"base_key", kKeyB}}).ok());
  for (const auto* p : {&from_a, &from_b, &pinned_a}) {
    auto back = rx->unprotect(packet_of(**p));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, pt);
  }
  EXPECT_EQ(outcome(tx->protect(frame(pt, 6))), "UNKNOWN_KEY_ID");
  // Re-adding a KID keeps its counter, so the same key cannot seal CTR 0 twice.
  ASSERT_TRUE(tx->rekey({{"kid", "70000"}, {"base_key", kKeyB}}).ok());
  EXPECT_EQ(header_of(tx->protect(frame(pt))).ctr, 1u);
  // rekey takes the same rules as configure, and cannot change the suite or ratchet width.
  EXPECT_EQ(tx->rekey({{"kid", "1"}}).error().code, Err::KEY_MISSING);
  EXPECT_EQ(tx->rekey({{"kid", "x"}, {"base_key", kKeyB}}).error().code, Err::KEY_INVALID);
  EXPECT_EQ(tx->rekey({{"suite", "2"}, {"kid", "1"}, {"base_key", kKeyB}}).error().code,
            Err::MODE_UNSUPPORTED);
  EXPECT_TRUE(tx->rekey({{"suite", "1"}, {"kid", "1"}, {"base_key", kKeyB}}).ok());
  EXPECT_EQ(tx->rekey({{"ratchet_bits", "4"}, {"kid", "1"}, {"base_key", kKeyB}}).error().code,
            Err::MODE_UNSUPPORTED);
}

TEST(SframeScheme, UnprotectErrors) {
  for (const sframe::Suite& s : sframe::suites()) {
    SCOPED_TRACE(s.name);
    auto tx = configure(params(s.id, 1000, kKeyA));
    const Bytes pt(50, 0x33), md{9, 8, 7};
    auto packet = tx->protect(frame(pt, std::nullopt, std::nullopt, md));
    ASSERT_TRUE(packet.ok());
    const size_t hs = header_of(packet).size;
    auto rx = configure(params(s.id, 1000, kKeyA));
    Bytes out{1, 2, 3};
    // Truncated inside the header or before the end of the tag.
    for (size_t n : {size_t{0}, size_t{1}, hs - 1, hs, hs + s.nt - 1}) {
      EXPECT_EQ(rx->unprotect_into(packet_of(ByteView(*packet).first(n), md), out).error().code,
                Err::MALFORMED_PACKET)
          << n;
    }
    // The bare minimum, header + tag, is an empty frame: only the tag fails here.
    EXPECT_EQ(outcome(rx->unprotect(packet_of(ByteView(*packet).first(hs + s.nt), md))),
              "AUTH_FAILED");
    Bytes bad = *packet;
    bad.back() ^= 1;
    EXPECT_FALSE(rx->unprotect_into(packet_of(bad, md), out).ok());
    EXPECT_TRUE(out.empty()) << "no unauthenticated plaintext may be left behind";
    EXPECT_EQ(outcome(rx->unprotect(packet_of(*packet))), "AUTH_FAILED");  // metadata missing
    EXPECT_EQ(outcome(configure(params(s.id, 1000, kKeyB))->unprotect(packet_of(*packet, md))),
              "AUTH_FAILED");
    EXPECT_EQ(outcome(configure(params(s.id, 1001, kKeyA))->unprotect(packet_of(*packet, md))),
              "UNKNOWN_KEY_ID");
    const uint64_t other = s.id == 5 ? 1 : s.id + 1;
    EXPECT_EQ(outcome(configure(params(other, 1000, kKeyA))->unprotect(packet_of(*packet, md))),
              "AUTH_FAILED");
    auto back = rx->unprotect(packet_of(*packet, md));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, pt);
  }
}

// ---- Sender-key ratchet (§5.1) ----

// base_key[i+1] = HKDF-Expand(HKDF-Extract("", base_key[i]), "SFrame 1.0 Ratchet", Nh), written
// out with the crypto primitives.
Bytes ratcheted(const sframe::Suite& s, Bytes key, int steps) {
  for (int i = 0; i < steps; ++i) {
    auto prk = crypto::hkdf_extract(s.hash, {}, key);
    auto next = crypto::hkdf_expand(s.hash, *prk, as_bytes("SFrame 1.0 Ratchet"),
                                    crypto::hash_size(s.hash));
    key = bytes_of(*next);
  }
  return key;
}

Params ratchet_params(uint64_t suite_id, uint64_t kid, const Bytes& key, unsigned bits) {
  Params p = params(suite_id, kid, to_hex(key));
  p["ratchet_bits"] = std::to_string(bits);
  return p;
}

TEST(SframeRatchet, StepMatchesRfc9605Formula) {
  const Bytes b0 = *from_hex(kKeyA);
  for (const sframe::Suite& s : sframe::suites()) {
    auto b1 = sframe::ratchet(s, b0);
    ASSERT_TRUE(b1.ok());
    EXPECT_EQ(to_hex(bytes_of(*b1)), to_hex(ratcheted(s, b0, 1))) << s.name;
    EXPECT_EQ(b1->size(), s.nh);
  }
}

// docs/spec.md §3.8: suite 4, R = 4, generation 0x12 at step 0 with base_key 00..0f; the sender
// pins KID 0x121 (step 1). Reproduced outside rtcseal with Python's hmac and cryptography.
TEST(SframeRatchet, WorkedExampleOfSection38) {
  const Bytes b0 = *from_hex(kKeyA);
  auto b1 = sframe::ratchet(suite(4), b0);
  ASSERT_TRUE(b1.ok());
  EXPECT_EQ(to_hex(bytes_of(*b1)),
            "fb75d8d5782da6c6cbf18ac43eca5da9e47f7e6ac7926a78e486226bd2af0f87");
  auto ks = sframe::derive(suite(4), 0x121, *b1);
  ASSERT_TRUE(ks.ok());
  EXPECT_EQ(to_hex(bytes_of(ks->key)), "799815f292d51b0928efe5fccf92185f");
  EXPECT_EQ(to_hex(bytes_of(ks->salt)), "8f7eebad13df18b930d66ef4");
  const Params p = ratchet_params(4, 0x120, b0, 4);
  auto packet = configure(p)->protect(frame(as_bytes("hello"), 0x121));
  ASSERT_TRUE(packet.ok());
  EXPECT_EQ(to_hex(*packet), "900121497ed8ed21581762ea77e2b66698c0fa021c50eee6");
  auto back = configure(p)->unprotect(packet_of(*packet));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(std::string(back->begin(), back->end()), "hello");
}

TEST(SframeRatchet, ReceiverFollowsASenderForwardAndAcrossTheWrap) {
  const unsigned R = 3;  // steps are told apart up to 2^(R-1) - 1 = 3 ahead
  const uint64_t gen = 9;
  const Bytes b0 = *from_hex(kKeyA);
  for (const sframe::Suite& s : sframe::suites()) {
    SCOPED_TRACE(s.name);
    auto rx = configure(ratchet_params(s.id, gen << R | 6, b0, R));  // step 6
    const Bytes pt(33, 0x5c);
    for (int step : {7, 9, 10}) {  // 9 and 10 are 1 and 2 in the low bits
      // An independent sender, configured at the later step with the recomputed key.
      const uint64_t kid = gen << R | (step & 7);
      auto tx = configure(ratchet_params(s.id, kid, ratcheted(s, b0, step - 6), R));
      auto packet = tx->protect(frame(pt));
      ASSERT_TRUE(packet.ok());
      EXPECT_EQ(header_of(packet).kid, kid);
      auto back = rx->unprotect(packet_of(*packet));
      ASSERT_TRUE(back.ok()) << step << ": " << back.error().message;
      EXPECT_EQ(*back, pt);
    }
  }
}

TEST(SframeRatchet, SenderRatchetsWhenPinnedToALaterStep) {
  const unsigned R = 4;
  const Bytes b0 = *from_hex(kKeyB);
  auto tx = configure(ratchet_params(1, 5 << R, b0, R));
  auto rx = configure(ratchet_params(1, 5 << R, b0, R));
  const Bytes pt{1, 2, 3, 4};
  auto p1 = tx->protect(frame(pt, 5 << R | 2));  // two steps on
  ASSERT_TRUE(p1.ok());
  auto p2 = tx->protect(frame(pt));  // the generation's newest step is now the default
  EXPECT_EQ(header_of(p2).kid, uint64_t{5 << R | 2});
  EXPECT_EQ(header_of(p2).ctr, 1u);
  EXPECT_EQ(outcome(rx->unprotect(packet_of(*p1))), "ok");
  EXPECT_EQ(outcome(rx->unprotect(packet_of(*p2))), "ok");
}

TEST(SframeRatchet, ForgedKidsNeitherMoveTheRatchetNorEvictKeys) {
  const unsigned R = 10;
  const Bytes b0 = *from_hex(kKeyA);
  const sframe::Suite& s = suite(4);
  auto rx = configure(ratchet_params(4, 0, b0, R));
  auto sealed_at = [&](int step) {
    auto tx = configure(ratchet_params(4, static_cast<uint64_t>(step), ratcheted(s, b0, step), R));
    return *tx->protect(frame(Bytes{42}));
  };
  const Bytes at0 = sealed_at(0), at200 = sealed_at(200), at400 = sealed_at(400);
  Bytes forged = at200;
  forged.back() ^= 1;
  EXPECT_EQ(outcome(rx->unprotect(packet_of(forged))), "AUTH_FAILED");
  // Had the forgery moved the ratchet to 200, step 400 would be within reach.
  EXPECT_EQ(outcome(rx->unprotect(packet_of(at400))), "UNKNOWN_KEY_ID");
  EXPECT_EQ(outcome(rx->unprotect(packet_of(at200))), "ok");
  EXPECT_EQ(outcome(rx->unprotect(packet_of(at0))), "ok");  // 200 behind: still held
  EXPECT_EQ(outcome(rx->unprotect(packet_of(at400))), "ok");
  // Now 400 behind: more than the 256 steps kept.
  EXPECT_EQ(outcome(rx->unprotect(packet_of(at0))), "UNKNOWN_KEY_ID");
}

TEST(SframeRatchet, PassedStepsAreHeldWithinHalfTheWindow) {
  const unsigned R = 3;  // ahead 1..3, held behind up to 3
  const Bytes b0 = *from_hex(kKeyB);
  const sframe::Suite& s = suite(2);
  auto rx = configure(ratchet_params(2, 0, b0, R));
  auto sealed_at = [&](int step) {
    auto tx =
        configure(ratchet_params(2, static_cast<uint64_t>(step & 7), ratcheted(s, b0, step), R));
    return *tx->protect(frame(Bytes{7, 7}));
  };
  EXPECT_EQ(outcome(rx->unprotect(packet_of(sealed_at(4)))), "UNKNOWN_KEY_ID");  // ambiguous
  EXPECT_EQ(outcome(rx->unprotect(packet_of(sealed_at(1)))), "ok");
  EXPECT_EQ(outcome(rx->unprotect(packet_of(sealed_at(3)))), "ok");
  EXPECT_EQ(outcome(rx->unprotect(packet_of(sealed_at(0)))), "ok");  // reordered, 3 behind
  EXPECT_EQ(outcome(rx->unprotect(packet_of(sealed_at(5)))), "ok");  // step 0 falls out
  EXPECT_EQ(outcome(rx->unprotect(packet_of(sealed_at(1)))), "UNKNOWN_KEY_ID");  // 4 behind
  EXPECT_EQ(outcome(rx->unprotect(packet_of(sealed_at(8)))), "ok");              // low bits 0 again
  // Without ratchet_bits every KID is its own key.
  auto plain = configure(params(2, 0, to_hex(b0)));
  EXPECT_EQ(outcome(plain->unprotect(packet_of(sealed_at(1)))), "UNKNOWN_KEY_ID");
}

}  // namespace
}  // namespace rtcseal
