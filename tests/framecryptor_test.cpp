// Unit tests of scheme framecryptor (docs/spec.md §5) through its public API: the published
// known answers, the worked examples, the key ring, the ratchet window and the parameter rules.
// Expected bytes come from facts.md §3.2, LiveKit's libwebrtc unit test, or were computed outside
// rtcseal with Python's hashlib and `cryptography` package, as each test says.
#include "rtcseal/framecryptor.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace rtcseal {
namespace {

namespace fc = framecryptor;

Bytes hex(const std::string& h) {
  auto b = from_hex(h);
  EXPECT_TRUE(b.ok()) << h;
  return b.ok() ? *b : Bytes{};
}

std::string sb(const Result<crypto::SecretBytes>& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? to_hex(ByteView(r->data(), r->size())) : "";
}

std::unique_ptr<Context> configure(const Params& p) {
  auto ctx = fc::scheme().configure(p);
  EXPECT_TRUE(ctx.ok()) << (ctx.ok() ? "" : ctx.error().message);
  return ctx.ok() ? std::move(ctx).value() : nullptr;
}

template <typename T>
std::string outcome(const Result<T>& r) {
  return r.ok() ? "ok" : std::string(error_name(r.error().code));
}

ProtectInput frame(Media m, Codec c, ByteView payload, std::optional<uint64_t> ctr = std::nullopt,
                   std::optional<uint64_t> kid = std::nullopt) {
  return {m, c, payload, {}, ctr, kid};
}

UnprotectInput packet(Media m, Codec c, ByteView p) {
  return {m, c, p, {}};
}

const fc::KeySchedule kLiveKit{};
const fc::KeySchedule kJitsi{fc::Variant::Jitsi, fc::Kdf::Hkdf, {}};

// ---- Key schedules (§5.3) ----

TEST(FrameCryptorKeys, LiveKitKnownAnswersOfFacts) {
  // facts.md §3.2: material "password", salt LKFrameEncryptionKey.
  const auto password = as_bytes("password");
  EXPECT_EQ(sb(fc::encryption_key(kLiveKit, password)), "421890b1557504a8ea1a90c253b419e4");
  auto r1 = fc::ratchet(kLiveKit, password);
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ(sb(fc::encryption_key(kLiveKit, *r1)), "9f3af7c94abca41d79f8c61e8dcff292");
}

TEST(FrameCryptorKeys, LiveKitRatchetSnapshot) {
  // Steps 0 and 1 are facts.md §3.2's; steps 2-9 were computed with Python's
  // hashlib.pbkdf2_hmac('sha256', m, b'LKFrameEncryptionKey', 100000, 32), outside rtcseal.
  const char* keys[] = {"421890b1557504a8ea1a90c253b419e4", "9f3af7c94abca41d79f8c61e8dcff292",
                        "9e826ab0aea73a248719c524104ed9af", "1f7012742a61be093b24209659313f6c",
                        "3f7d23c31039470d4ea03e455c465657", "5c2c5c27e5e09463cb24c7ab03737d79",
                        "64e130ced07af03148dc23696c0b6bb8", "a89625deee5ec680b2411b0af960f470",
                        "deaa1c0145a5d4389a15f750be26ec0a", "8ae7fa2cd2944c8cf66dd62a55a572a2"};
  crypto::SecretBytes m = crypto::secret_copy(as_bytes("password"));
  for (size_t k = 0; k < std::size(keys); ++k) {
    SCOPED_TRACE("step " + std::to_string(k));
    EXPECT_EQ(sb(fc::encryption_key(kLiveKit, m)), keys[k]);
    auto next = fc::ratchet(kLiveKit, m);
    ASSERT_TRUE(next.ok());
    ASSERT_EQ(next->size(), fc::kMaterialSize);
    // PBKDF2's first block does not depend on dkLen: K(M) is the first half of R(M).
    EXPECT_EQ(to_hex(ByteView(next->data(), fc::key_size(kLiveKit))), keys[k]);
    m = std::move(next).value();
  }
}

TEST(FrameCryptorKeys, LibWebRtcUnitTestKnownAnswer) {
  // webrtc-sdk api/crypto/frame_crypto_transformer_unittest.cc (TEST FrameCryptor.KeyProvider):
  // material 00..0f, ratchet salt 00..07, PBKDF2 -> {166, 88, 205, 82, ...}.
  fc::KeySchedule s;
  s.salt = hex("0001020304050607");
  EXPECT_EQ(sb(fc::encryption_key(s, hex("000102030405060708090a0b0c0d0e0f"))),
            "a658cd52efbacadfecdfe0a0dc574ec3");
}

TEST(FrameCryptorKeys, HkdfSchedules) {
  // Computed with Python's cryptography HKDF (SHA-256), outside rtcseal. M = 01 00 .. 00 (32
  // bytes), the key of lib-jitsi-meet's Context.spec.js.
  const Bytes m = hex("01" + std::string(62, '0'));
  EXPECT_EQ(sb(fc::encryption_key(kJitsi, m)), "f496e7d5a864ad7f500eb750e4a267c2");
  EXPECT_EQ(sb(fc::ratchet(kJitsi, m)),
            "2683d36087080864509b1afd3d5fbf9636e7e60885adb9a5bc95bfea0693ac67");
  fc::KeySchedule lk_hkdf;
  lk_hkdf.kdf = fc::Kdf::Hkdf;
  EXPECT_EQ(sb(fc::encryption_key(lk_hkdf, m)), "5723611006cb6d40800998623bd01362");
  auto r = fc::ratchet(lk_hkdf, m);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(to_hex(ByteView(r->data(), 16)), "5723611006cb6d40800998623bd01362");
  // LiveKit's HKDF mode over "password", steps 0-3 (the research notes for this issue, and
  // Python's cryptography HKDF).
  crypto::SecretBytes pw = crypto::secret_copy(as_bytes("password"));
  for (const char* want :
       {"ba01b33ca65575da0ac43ec45570668c", "6c6aacd6ffe63a3cae84a32d2571063a",
        "dce198a45a87524b2890591362d0cfc4", "8fb5d2439cb8afbcdad149e4a0c7b581"}) {
    EXPECT_EQ(sb(fc::encryption_key(lk_hkdf, pw)), want);
    pw = *fc::ratchet(lk_hkdf, pw);
  }
  // lib-jitsi-meet crypto-utils.ts: info "JFrameInfo" and a 32-byte AES-256 key.
  const fc::KeySchedule jframeinfo{fc::Variant::Jitsi, fc::Kdf::HkdfJFrameInfo, {}};
  EXPECT_EQ(fc::key_size(jframeinfo), 32u);
  EXPECT_EQ(sb(fc::encryption_key(jframeinfo, m)),
            "d3b0974e326ef75192c95e80d2f5c1d7ce1cab9c8d67c2732c0c031631500b13");
  EXPECT_EQ(sb(fc::ratchet(jframeinfo, m)),
            "cc5581620f24c547bfa50785f49c212f3043f4484d1163f17cfa483615876e3c");
}

TEST(FrameCryptorKeys, BytesParameters) {
  EXPECT_EQ(sb(fc::decode_bytes_param("password")), "70617373776f7264");
  EXPECT_EQ(sb(fc::decode_bytes_param("hex:00FF")), "00ff");
  EXPECT_EQ(sb(fc::decode_bytes_param("hex:")), "");
  EXPECT_EQ(sb(fc::decode_bytes_param("HEX:00")), "4845583a3030");  // the prefix is lowercase
  EXPECT_FALSE(fc::decode_bytes_param("hex:0").ok());
  EXPECT_FALSE(fc::decode_bytes_param("hex:zz").ok());
  EXPECT_EQ(fc::parse_variant("livekit"), fc::Variant::LiveKit);
  EXPECT_EQ(fc::parse_variant("jitsi"), fc::Variant::Jitsi);
  EXPECT_EQ(fc::parse_variant("LiveKit"), std::nullopt);
  EXPECT_EQ(fc::parse_kdf("hkdf"), fc::Kdf::Hkdf);
  EXPECT_EQ(fc::parse_kdf("hkdf-jframeinfo"), fc::Kdf::HkdfJFrameInfo);
  EXPECT_TRUE(fc::kdf_allowed(fc::Variant::Jitsi, fc::Kdf::HkdfJFrameInfo));
  EXPECT_FALSE(fc::kdf_allowed(fc::Variant::Jitsi, fc::Kdf::Pbkdf2));
  EXPECT_FALSE(fc::kdf_allowed(fc::Variant::LiveKit, fc::Kdf::HkdfJFrameInfo));
  EXPECT_EQ(fc::variant_name(fc::Variant::Jitsi), "jitsi");
  EXPECT_EQ(fc::kdf_name(fc::Kdf::Pbkdf2), "pbkdf2");
}

// ---- Frames (§5.4-§5.6) ----

TEST(FrameCryptorFrames, FactsKnownAnswerCiphertext) {
  // facts.md §3.2: zero IV, empty AAD, plaintext 00..10. SSRC 0, timestamp 0 and send count 0
  // make the IV zero; a data frame has no clear header.
  auto ctx = configure({{"key", "password"}, {"ssrc", "0"}, {"rtp_timestamp", "0"}});
  ASSERT_NE(ctx, nullptr);
  const Bytes pt = hex("000102030405060708090a0b0c0d0e0f10");
  auto pkt = ctx->protect(frame(Media::Data, Codec::None, pt, 0));
  ASSERT_TRUE(pkt.ok()) << pkt.error().message;
  EXPECT_EQ(to_hex(*pkt), "2ae25e3198124f0137befa508f1386dac837576675d982300b423f667390755ce8" +
                              std::string(24, '0') + "0c00");
}

TEST(FrameCryptorFrames, WorkedExamplesOfSection59) {
  // Both packets were computed with Python's hashlib and cryptography (AESGCM), outside rtcseal.
  const Bytes opus = hex("f8fffe0102");
  auto lk = configure({{"variant", "livekit"},
                       {"key", "password"},
                       {"ssrc", "305419896"},
                       {"rtp_timestamp", "90000"}});
  auto jt = configure({{"variant", "jitsi"},
                       {"key", "hex:01" + std::string(62, '0')},
                       {"ssrc", "305419896"},
                       {"rtp_timestamp", "90000"}});
  ASSERT_NE(lk, nullptr);
  ASSERT_NE(jt, nullptr);
  auto a = lk->protect(frame(Media::Audio, Codec::Opus, opus, 3));
  auto b = jt->protect(frame(Media::Audio, Codec::Opus, opus, 3));
  auto jt256 = configure({{"variant", "jitsi"},
                          {"kdf", "hkdf-jframeinfo"},
                          {"key", "hex:01" + std::string(62, '0')},
                          {"ssrc", "305419896"},
                          {"rtp_timestamp", "90000"}});
  ASSERT_NE(jt256, nullptr);
  auto c = jt256->protect(frame(Media::Audio, Codec::Opus, opus, 3));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(to_hex(*c), "f881c5617fcc25b0d0d3c2d96f301fa1a809dec00f1234567800015f90000000030c00");
  EXPECT_EQ(to_hex(*a), "f8877bb572ebfe7e6760ecbb12166db69b24620de31234567800015f9000015f8d0c00");
  EXPECT_EQ(to_hex(*b), "f8031ba8acbd203ab1d912293f6cb6575206e314a91234567800015f90000000030c00");
}

TEST(FrameCryptorFrames, ClearBytesPerCodec) {
  auto ctx = configure({{"variant", "jitsi"}, {"key", "k"}});
  auto lk = configure({{"variant", "livekit"}, {"kdf", "hkdf"}, {"key", "hex:0102"}});
  ASSERT_NE(ctx, nullptr);
  ASSERT_NE(lk, nullptr);
  struct Case {
    Context* ctx;
    Media m;
    Codec c;
    std::string payload;
    size_t clear;
  };
  const std::string key_frame = "00112233445566778899aabbcc", delta = "01112233445566";
  const std::string h264 = "0000000167aabb000001658899aabbccdd";  // slice at 10: 12 clear
  const Case cases[] = {
      {ctx.get(), Media::Audio, Codec::Opus, "f8aabb", 1},
      {ctx.get(), Media::Audio, Codec::None, "f8", 1},
      {ctx.get(), Media::Video, Codec::Vp8, key_frame, 10},
      {ctx.get(), Media::Video, Codec::Vp8, delta, 3},
      {ctx.get(), Media::Data, Codec::None, "aabb", 0},
      {lk.get(), Media::Video, Codec::Vp9, "aabbcc", 0},
      {lk.get(), Media::Video, Codec::H264, h264, 12},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.payload);
    const Bytes p = hex(c.payload);
    auto pkt = c.ctx->protect(frame(c.m, c.c, p));
    ASSERT_TRUE(pkt.ok()) << pkt.error().message;
    EXPECT_EQ(to_hex(ByteView(*pkt).first(c.clear)), to_hex(ByteView(p).first(c.clear)));
    EXPECT_GE(pkt->size(), p.size() + fc::kOverhead);
    auto back = c.ctx->unprotect(packet(c.m, c.c, *pkt));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, p);
  }
}

TEST(FrameCryptorFrames, UnsupportedAndUnparsableFrames) {
  auto lk = configure({{"variant", "livekit"}, {"kdf", "hkdf"}, {"key", "k"}});
  auto jt = configure({{"variant", "jitsi"}, {"key", "k"}});
  const Bytes some = hex("0011223344556677889900112233");
  EXPECT_EQ(outcome(lk->protect(frame(Media::Video, Codec::None, some))), "CODEC_UNSUPPORTED");
  EXPECT_EQ(outcome(lk->protect(frame(Media::Audio, Codec::Vp8, some))), "CODEC_UNSUPPORTED");
  EXPECT_EQ(outcome(lk->protect(frame(Media::Data, Codec::Opus, some))), "CODEC_UNSUPPORTED");
  EXPECT_EQ(outcome(jt->protect(frame(Media::Video, Codec::H264, some))), "CODEC_UNSUPPORTED");
  EXPECT_EQ(outcome(jt->protect(frame(Media::Video, Codec::Vp9, some))), "CODEC_UNSUPPORTED");
  EXPECT_EQ(outcome(jt->unprotect(packet(Media::Video, Codec::Vp9, some))), "CODEC_UNSUPPORTED");
  // A frame its codec cannot parse.
  EXPECT_EQ(outcome(lk->protect(frame(Media::Audio, Codec::Opus, {}))), "MALFORMED_PACKET");
  EXPECT_EQ(outcome(lk->protect(frame(Media::Video, Codec::Vp8, hex("00112233")))),
            "MALFORMED_PACKET");
  EXPECT_EQ(outcome(lk->protect(frame(Media::Video, Codec::H264, hex("0000000167aabb")))),
            "MALFORMED_PACKET");
  EXPECT_EQ(outcome(lk->protect(frame(Media::Video, Codec::H264, hex("0000000165")))),
            "MALFORMED_PACKET");
  EXPECT_EQ(outcome(lk->protect(frame(Media::Video, Codec::H264, {}))), "MALFORMED_PACKET");
  // Metadata cannot be carried: the check is recorded as unsupported.
  ProtectInput with_md = frame(Media::Data, Codec::None, some);
  const Bytes md = hex("01");
  with_md.metadata = md;
  EXPECT_EQ(outcome(lk->protect(with_md)), "UNIMPLEMENTED");
  UnprotectInput un = packet(Media::Data, Codec::None, some);
  un.metadata = md;
  EXPECT_EQ(outcome(lk->unprotect(un)), "UNIMPLEMENTED");
}

TEST(FrameCryptorFrames, UnpinnedIvsAdvanceClockAndCounter) {
  auto ctx = configure(
      {{"variant", "jitsi"}, {"key", "k"}, {"rtp_timestamp", "4294967000"}, {"rtp_step", "960"}});
  ASSERT_NE(ctx, nullptr);
  const Bytes one = hex("f8");
  uint64_t first_count = 0;
  for (uint32_t i = 0; i < 5; ++i) {
    auto pkt = ctx->protect(frame(Media::Audio, Codec::Opus, one));
    ASSERT_TRUE(pkt.ok());
    const ByteView iv = ByteView(*pkt).subspan(pkt->size() - 14, 12);
    EXPECT_EQ(get_be(iv.subspan(4, 4)), uint32_t(4294967000u + 960 * i));  // wraps modulo 2^32
    const uint64_t count = get_be(iv.subspan(8, 4));
    if (i == 0) {
      first_count = count;
      EXPECT_LT(count, 0xffffu);  // a random start below 0xFFFF
    } else {
      EXPECT_EQ(count, (first_count + i) % 0xffff);
    }
  }
}

TEST(FrameCryptorFrames, RefusesToRepeatAnIv) {
  // rtp_step 2^31: the timestamp repeats every 2 frames, the IV every 2 * 0xFFFF.
  auto ctx = configure({{"variant", "jitsi"}, {"key", "k"}, {"rtp_step", "2147483648"}});
  ASSERT_NE(ctx, nullptr);
  const Bytes one = hex("f8");
  for (uint32_t i = 0; i < 2 * 0xffff; ++i) {
    ASSERT_TRUE(ctx->protect(frame(Media::Audio, Codec::Opus, one)).ok()) << i;
  }
  EXPECT_EQ(outcome(ctx->protect(frame(Media::Audio, Codec::Opus, one))), "ENCRYPT_INTERNAL");
}

// ---- Key ring and ratchet window (§5.7) ----

Params jitsi(const std::string& key, const std::string& window = "8") {
  return {{"variant", "jitsi"}, {"key", key}, {"ratchet_window", window}};
}

std::string ratcheted(const std::string& key, size_t steps) {
  crypto::SecretBytes m = *fc::decode_bytes_param(key);
  for (size_t i = 0; i < steps; ++i) m = *fc::ratchet(kJitsi, m);
  return "hex:" + to_hex(ByteView(m.data(), m.size()));
}

TEST(FrameCryptorRing, KeyIndexOutsideRingOrUnsetIsUnknown) {
  auto tx = configure({{"variant", "jitsi"}, {"key", "k"}, {"key_index", "3"}});
  auto rx = configure({{"variant", "jitsi"}, {"key", "k"}, {"key_index", "4"}});
  const Bytes p = hex("f8aa");
  auto pkt = tx->protect(frame(Media::Audio, Codec::Opus, p));
  ASSERT_TRUE(pkt.ok());
  EXPECT_EQ(pkt->back(), 3);
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *pkt))), "UNKNOWN_KEY_ID");
  // kid pins the slot the sender uses.
  EXPECT_EQ(outcome(tx->protect(frame(Media::Audio, Codec::Opus, p, 1, 0))), "UNKNOWN_KEY_ID");
  EXPECT_EQ(outcome(tx->protect(frame(Media::Audio, Codec::Opus, p, 1, 16))), "UNKNOWN_KEY_ID");
  EXPECT_EQ(outcome(tx->protect(frame(Media::Audio, Codec::Opus, p, 1, 3))), "ok");
  Bytes out_of_ring = *pkt;
  out_of_ring.back() = 16;
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, out_of_ring))),
            "UNKNOWN_KEY_ID");
}

TEST(FrameCryptorRing, RekeyFillsSlotsAndMovesTheSender) {
  auto tx = configure(jitsi("a"));
  auto rx = configure(jitsi("a"));
  const Bytes p = hex("f8aabbcc");
  auto old_frame = tx->protect(frame(Media::Audio, Codec::Opus, p));
  ASSERT_TRUE(tx->rekey({{"key", "b"}, {"key_index", "5"}}).ok());
  auto new_frame = tx->protect(frame(Media::Audio, Codec::Opus, p));
  ASSERT_TRUE(old_frame.ok() && new_frame.ok());
  EXPECT_EQ(new_frame->back(), 5);
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *new_frame))),
            "UNKNOWN_KEY_ID");
  ASSERT_TRUE(rx->rekey({{"key", "b"}, {"key_index", "5"}}).ok());
  // Both slots are held: frames of the old key still open.
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *new_frame))), "ok");
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *old_frame))), "ok");
  // Without key_index, rekey replaces the sender's current slot.
  ASSERT_TRUE(tx->rekey({{"key", "c"}}).ok());
  auto third = tx->protect(frame(Media::Audio, Codec::Opus, p));
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->back(), 5);
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *third))), "AUTH_FAILED");

  EXPECT_EQ(tx->rekey({{"key_index", "1"}}).error().code, Err::KEY_MISSING);
  EXPECT_EQ(tx->rekey({{"key", "d"}, {"key_index", "16"}}).error().code, Err::KEY_INVALID);
  EXPECT_EQ(tx->rekey({{"key", "d"}, {"variant", "livekit"}}).error().code, Err::MODE_UNSUPPORTED);
}

TEST(FrameCryptorRing, ReceiverAdoptsTheRatchetedKey) {
  auto rx = configure(jitsi("m", "1"));
  auto at0 = configure(jitsi("m"));
  auto at1 = configure(jitsi(ratcheted("m", 1)));
  auto at2 = configure(jitsi(ratcheted("m", 2)));
  const Bytes p = hex("f8010203");
  auto f0 = at0->protect(frame(Media::Audio, Codec::Opus, p));
  auto f1 = at1->protect(frame(Media::Audio, Codec::Opus, p));
  auto f2 = at2->protect(frame(Media::Audio, Codec::Opus, p));
  ASSERT_TRUE(f0.ok() && f1.ok() && f2.ok());
  // Two steps ahead with a window of 1: rejected, and the slot stays where it was.
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *f2))), "AUTH_FAILED");
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *f0))), "ok");
  // One step ahead: accepted, and the slot moves to R(M)...
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *f1))), "ok");
  // ...so a frame two steps ahead of M is now one step ahead of the slot,
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *f2))), "ok");
  // and frames of the old material no longer open (a ratchet only goes forward).
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *f0))), "AUTH_FAILED");
  EXPECT_EQ(outcome(rx->unprotect(packet(Media::Audio, Codec::Opus, *f1))), "AUTH_FAILED");
}

TEST(FrameCryptorRing, LiveKitRatchetRecoveryWithPbkdf2) {
  auto rx = configure({{"key", "password"}, {"ratchet_window", "2"}});
  crypto::SecretBytes m2 = *fc::ratchet(kLiveKit, *fc::ratchet(kLiveKit, as_bytes("password")));
  auto tx = configure({{"key", "hex:" + to_hex(ByteView(m2.data(), m2.size()))}});
  ASSERT_NE(rx, nullptr);
  ASSERT_NE(tx, nullptr);
  const Bytes p = hex("00112233445566778899aabbccdd");
  auto pkt = tx->protect(frame(Media::Video, Codec::Vp8, p));
  ASSERT_TRUE(pkt.ok());
  auto back = rx->unprotect(packet(Media::Video, Codec::Vp8, *pkt));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, p);
}

// ---- Parameters (§5.2) ----

TEST(FrameCryptorConfig, Rules) {
  auto code = [](const Params& p) {
    auto ctx = fc::scheme().configure(p);
    return ctx.ok() ? std::string("ok") : std::string(error_name(ctx.error().code));
  };
  EXPECT_EQ(code({}), "KEY_MISSING");
  EXPECT_EQ(code({{"key", "k"}}), "ok");
  EXPECT_EQ(code({{"key", "hex:"}}), "KEY_MISSING");
  EXPECT_EQ(code({{"key", "hex:1"}}), "KEY_INVALID");
  EXPECT_EQ(code({{"key", "k"}, {"variant", "sframe"}}), "MODE_UNSUPPORTED");
  EXPECT_EQ(code({{"key", "k"}, {"kdf", "scrypt"}}), "MODE_UNSUPPORTED");
  EXPECT_EQ(code({{"key", "k"}, {"kdf", "hkdf-jframeinfo"}}), "MODE_UNSUPPORTED");
  EXPECT_EQ(code({{"key", "k"}, {"variant", "jitsi"}, {"kdf", "pbkdf2"}}), "MODE_UNSUPPORTED");
  EXPECT_EQ(code({{"key", "k"}, {"variant", "jitsi"}, {"salt", ""}}), "ok");  // ignored
  EXPECT_EQ(code({{"key", "k"}, {"salt", ""}}), "SALT_INVALID");
  EXPECT_EQ(code({{"key", "k"}, {"ring_size", "256"}, {"key_index", "255"}}), "ok");
  EXPECT_EQ(code({{"key", "k"}, {"key_index", "16"}}), "KEY_INVALID");
  EXPECT_EQ(code({{"key", "k"}, {"ring_size", "257"}}), "KEY_INVALID");
  EXPECT_EQ(code({{"key", "k"}, {"ratchet_window", "256"}}), "KEY_INVALID");
  EXPECT_EQ(code({{"key", "k"}, {"ssrc", "4294967296"}}), "MODE_UNSUPPORTED");
  EXPECT_EQ(code({{"key", "k"}, {"rtp_step", "0"}}), "MODE_UNSUPPORTED");
  // Rules apply in the order of §5.2: the variant before the key.
  EXPECT_EQ(code({{"variant", "x"}}), "MODE_UNSUPPORTED");
  EXPECT_EQ(fc::scheme().native_error(Err::UNKNOWN_KEY_ID), "kMissingKey");
  EXPECT_EQ(fc::scheme().native_error(Err::AUTH_FAILED), "kDecryptionFailed");
  EXPECT_EQ(fc::scheme().native_error(Err::KEY_MISSING), std::nullopt);
}

}  // namespace
}  // namespace rtcseal
