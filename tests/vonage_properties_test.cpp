// Property tests of scheme vonage-e2ee, through its public API only (configure, protect,
// unprotect). Every expectation comes from docs/spec.md §4: the frame layout of §4.5, the clear
// bytes of §4.7 and the receiving rules of §4.8.
//
// Each configure runs PBKDF2 with 100,000 iterations (about 40 ms), so the properties draw their
// contexts from a pool configured once (eight PBKDF2 runs) instead of configuring per case; the
// secret itself varies in WrongSecretIsDetectedForFreshSecrets, which is a plain loop of a few
// cases for that reason. Run time: about 1 s for the file in the Release build.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "rtcseal/bytes.h"
#include "rtcseal/vonage_e2ee.h"

namespace rtcseal {
namespace {

using vonage::Engine;

std::string outcome(const Result<Bytes>& r) {
  return r.ok() ? "ok" : std::string(error_name(r.error().code));
}

std::unique_ptr<Context> must_configure(const Params& p) {
  auto ctx = vonage::scheme().configure(p);
  if (!ctx) throw std::runtime_error("configure failed: " + ctx.error().message);
  return std::move(ctx).value();
}

Params params(Engine e, const std::string& secret, const char* connection = nullptr) {
  Params p{{"engine", std::string(vonage::engine_name(e))},
           {"secret", secret},
           {"session_id", "2_MX4xMjM0NTY3OH5-cHJvcGVydGllc34"}};
  if (connection != nullptr) p["connection_id"] = connection;
  return p;
}

// Per engine: a sender and a receiver sharing secret A, a receiver holding secret B, and a
// sender/receiver pair configured with a connection_id (derived KID, checked on receipt).
struct Pool {
  std::unique_ptr<Context> tx, rx, other_rx, named_tx, named_rx;
};

Pool& pool(Engine e) {
  static Pool pools[2] = {
      [] {
        Pool p;
        p.tx = must_configure(params(Engine::Legacy, "secret A for the pool"));
        p.rx = must_configure(params(Engine::Legacy, "secret A for the pool"));
        p.other_rx = must_configure(params(Engine::Legacy, "secret B for the pool"));
        p.named_tx = must_configure(params(Engine::Legacy, "secret A for the pool", "c-1234"));
        p.named_rx = must_configure(params(Engine::Legacy, "secret A for the pool", "c-1234"));
        return p;
      }(),
      [] {
        Pool p;
        p.tx = must_configure(params(Engine::Draft01, "secret A for the pool"));
        p.rx = must_configure(params(Engine::Draft01, "secret A for the pool"));
        p.other_rx = must_configure(params(Engine::Draft01, "secret B for the pool"));
        p.named_tx = must_configure(params(Engine::Draft01, "secret A for the pool", "c-1234"));
        p.named_rx = must_configure(params(Engine::Draft01, "secret A for the pool", "c-1234"));
        return p;
      }(),
  };
  return pools[e == Engine::Legacy ? 0 : 1];
}

uint64_t max_field(Engine e) {
  return e == Engine::Legacy ? vonage::kLegacyMaxField : vonage::kDraft01MaxField;
}

// ---- Generators ----

rc::Gen<Engine> any_engine() {
  return rc::gen::element(Engine::Legacy, Engine::Draft01);
}

struct Kind {
  Media media;
  Codec codec;
};

// §4.7: the media and codec pairs each engine carries.
rc::Gen<Kind> carried_kind(Engine e) {
  std::vector<Kind> kinds = {{Media::Audio, Codec::None},
                             {Media::Audio, Codec::Opus},
                             {Media::Video, Codec::None},
                             {Media::Video, Codec::Vp8},
                             {Media::Video, Codec::Vp9}};
  if (e == Engine::Draft01) kinds.push_back({Media::Video, Codec::H264});
  return rc::gen::elementOf(kinds);
}

Bytes random_bytes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Bytes out(n);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

// A frame the codec rules can parse: a VP8 frame at least as long as its payload header, an H.264
// frame with a slice, a non-empty Opus frame. Mostly small, sometimes up to 65535 bytes.
Bytes shaped_frame(const Kind& k) {
  const auto size = *rc::gen::weightedOneOf<size_t>(
      {{9, rc::gen::inRange<size_t>(0, 1500)}, {1, rc::gen::inRange<size_t>(1500, 65536)}});
  Bytes frame = random_bytes(size, *rc::gen::arbitrary<uint64_t>());
  if (k.codec == Codec::Vp8) {
    const bool key = *rc::gen::arbitrary<bool>();
    if (frame.size() < (key ? 10u : 3u)) frame.resize(key ? 10 : 3, 0x5a);
    frame[0] = static_cast<uint8_t>((frame[0] & 0xfe) | (key ? 0 : 1));
  } else if (k.codec == Codec::H264) {
    const Bytes prefixes[] = {
        {0, 0, 0, 1, 0x65}, {0, 0, 1, 0x41}, {0, 0, 0,    1,    0x67, 0x42, 0xc0, 0x1f, 0, 0,
                                              0, 1, 0x68, 0xce, 0x3c, 0x80, 0,    0,    1, 0x25}};
    const Bytes& prefix = prefixes[*rc::gen::inRange<size_t>(0, 3)];
    frame.insert(frame.begin(), prefix.begin(), prefix.end());
    frame.push_back(0x88);  // at least one byte after the slice header byte
  } else if (k.codec == Codec::Opus && frame.empty()) {
    frame.push_back(0x78);
  }
  return frame;
}

// 0, the ends of each byte length, and the top of the width.
rc::Gen<uint64_t> edge_value(Engine e) {
  std::vector<uint64_t> edges{0, 1, 7, 8};
  for (int bytes = 1; bytes < 8; ++bytes) {
    const uint64_t top = (uint64_t{1} << (8 * bytes)) - 1;
    if (top <= max_field(e)) edges.push_back(top);
    if (top + 1 <= max_field(e)) edges.push_back(top + 1);
  }
  edges.push_back(max_field(e));
  return rc::gen::elementOf(edges);
}

rc::Gen<uint64_t> field_value(Engine e) {
  return rc::gen::oneOf(edge_value(e), rc::gen::map(rc::gen::arbitrary<uint64_t>(),
                                                    [e](uint64_t v) { return v & max_field(e); }));
}

// ---- 1. Round trip ----

RC_GTEST_PROP(VonageProperties, RoundTrip, ()) {
  const Engine e = *any_engine();
  const Kind k = *carried_kind(e);
  const Bytes frame = shaped_frame(k);
  const uint64_t kid = *field_value(e), ctr = *field_value(e);
  Pool& p = pool(e);
  auto pkt = p.tx->protect({k.media, k.codec, frame, {}, ctr, kid});
  RC_ASSERT(outcome(pkt) == "ok");
  // §4.5: the packet is the frame plus a header of 2..17 bytes and the tag, plus (legacy) a second
  // copy of the clear bytes, which only VP8 has there (§4.7).
  const size_t tag = e == Engine::Draft01 || k.media == Media::Video ? 10 : 4;
  size_t copy = 0;
  if (e == Engine::Legacy && k.codec == Codec::Vp8) copy = (frame[0] & 1) == 0 ? 10 : 3;
  const size_t overhead = pkt->size() - frame.size() - tag - copy;
  RC_ASSERT(overhead >= 2u);
  RC_ASSERT(overhead <= 17u);
  auto back = p.rx->unprotect({k.media, k.codec, *pkt, {}});
  RC_ASSERT(outcome(back) == "ok");
  RC_ASSERT(*back == frame);
}

RC_GTEST_PROP(VonageProperties, RoundTripWithTheDerivedKid, ()) {
  const Engine e = *any_engine();
  const Kind k = *carried_kind(e);
  const Bytes frame = shaped_frame(k);
  Pool& p = pool(e);
  auto pkt = p.named_tx->protect({k.media, k.codec, frame, {}, std::nullopt, std::nullopt});
  RC_ASSERT(outcome(pkt) == "ok");
  auto back = p.named_rx->unprotect({k.media, k.codec, *pkt, {}});
  RC_ASSERT(outcome(back) == "ok");
  RC_ASSERT(*back == frame);
  // The same frame from another KID is authentic but from someone else (§4.8).
  auto other = p.named_tx->protect({k.media, k.codec, frame, {}, 0, 4321});
  RC_ASSERT(outcome(p.named_rx->unprotect({k.media, k.codec, *other, {}})) == "UNKNOWN_KEY_ID");
}

// ---- 2. A wrong secret is detected ----

RC_GTEST_PROP(VonageProperties, WrongSecretIsDetected, ()) {
  const Engine e = *any_engine();
  const Kind k = *carried_kind(e);
  const Bytes frame = shaped_frame(k);
  Pool& p = pool(e);
  auto pkt = p.tx->protect({k.media, k.codec, frame, {}, *field_value(e), *field_value(e)});
  RC_ASSERT(outcome(pkt) == "ok");
  RC_ASSERT(outcome(p.other_rx->unprotect({k.media, k.codec, *pkt, {}})) == "AUTH_FAILED");
}

// Freshly drawn secrets of 8..40 characters from several scripts; each case costs four PBKDF2
// runs, so this is a short loop rather than a RapidCheck property.
TEST(VonageProperties, WrongSecretIsDetectedForFreshSecrets) {
  const char* alphabet[] = {"a", "Z", "7", " ", "\u00e9", "\u20ac", "\u043a", "\U0001F600"};
  std::mt19937_64 rng(2026);
  auto secret = [&] {
    std::string s;
    const size_t n = 8 + rng() % 33;
    for (size_t i = 0; i < n; ++i) s += alphabet[rng() % std::size(alphabet)];
    return s;
  };
  const Bytes frame = random_bytes(200, 1);
  for (int i = 0; i < 3; ++i) {
    const Engine e = i % 2 == 0 ? Engine::Legacy : Engine::Draft01;
    const std::string a = secret(), b = secret();
    ASSERT_NE(a, b);
    auto tx = must_configure(params(e, a));
    auto rx = must_configure(params(e, a));
    auto wrong = must_configure(params(e, b));
    auto pkt = tx->protect({Media::Video, Codec::Vp9, frame, {}, 0, 99});
    ASSERT_TRUE(pkt.ok());
    EXPECT_EQ(outcome(rx->unprotect({Media::Video, Codec::Vp9, *pkt, {}})), "ok") << a;
    EXPECT_EQ(outcome(wrong->unprotect({Media::Video, Codec::Vp9, *pkt, {}})), "AUTH_FAILED")
        << a << " / " << b;
  }
}

// ---- 3. Every bit flip after the clear bytes is detected ----

RC_GTEST_PROP(VonageProperties, EveryBitFlipAfterTheClearBytesIsDetected, ()) {
  const Engine e = *any_engine();
  const Kind k = *carried_kind(e);
  // Small frames, so that every bit of every packet can be flipped.
  Bytes frame = shaped_frame(k);
  // 25 bytes keep every H.264 prefix of shaped_frame() and its slice whole.
  const size_t keep = *rc::gen::inRange<size_t>(25, 49);
  if (frame.size() > keep) frame.resize(keep);
  Pool& p = pool(e);
  auto pkt = p.tx->protect({k.media, k.codec, frame, {}, *field_value(e), *field_value(e)});
  RC_ASSERT(outcome(pkt) == "ok");
  Bytes packet = *pkt;
  for (size_t bit = 0; bit < packet.size() * 8; ++bit) {
    const size_t byte = bit / 8;
    const auto mask = static_cast<uint8_t>(1u << (bit % 8));
    packet[byte] ^= mask;
    auto got = p.rx->unprotect({k.media, k.codec, packet, {}});
    packet[byte] ^= mask;
    if (!got.ok()) {
      const std::string why = outcome(got);
      RC_ASSERT(why == "AUTH_FAILED" || why == "MALFORMED_PACKET");
      continue;
    }
    // Only the legacy engine delivers anything, and only a change in its unauthenticated clear
    // bytes, passed on as it is (§4.5.2). Draft-01 authenticates the clear bytes too.
    RC_ASSERT(e == Engine::Legacy);
    Bytes changed = frame;
    RC_ASSERT(byte < frame.size());
    changed[byte] ^= mask;
    RC_ASSERT(*got == changed);
  }
}

// ---- 4. Hostile input gives an error, never a crash ----

RC_GTEST_PROP(VonageProperties, RandomBytesAreRejected, ()) {
  const Engine e = *any_engine();
  const auto media = *rc::gen::element(Media::Audio, Media::Video, Media::Data);
  const auto codec =
      *rc::gen::element(Codec::None, Codec::Opus, Codec::Vp8, Codec::H264, Codec::Vp9);
  const auto size = *rc::gen::inRange<size_t>(0, 300);
  const Bytes junk = random_bytes(size, *rc::gen::arbitrary<uint64_t>());
  // A random legacy audio frame matches a 4-byte tag with probability 2^-32: treat as never.
  const std::string got = outcome(pool(e).rx->unprotect({media, codec, junk, {}}));
  RC_ASSERT(got == "AUTH_FAILED" || got == "MALFORMED_PACKET" || got == "CODEC_UNSUPPORTED");
}

RC_GTEST_PROP(VonageProperties, EveryTruncationIsRejected, ()) {
  const Engine e = *any_engine();
  const Kind k = *carried_kind(e);
  const Bytes frame = shaped_frame(k);
  Pool& p = pool(e);
  auto pkt = p.tx->protect({k.media, k.codec, frame, {}, 3, 5});
  RC_ASSERT(outcome(pkt) == "ok");
  const auto len = *rc::gen::inRange<size_t>(0, pkt->size());
  const Bytes cut(pkt->begin(), pkt->begin() + static_cast<std::ptrdiff_t>(len));
  const std::string got = outcome(p.rx->unprotect({k.media, k.codec, cut, {}}));
  RC_ASSERT(got == "AUTH_FAILED" || got == "MALFORMED_PACKET");
}

// ---- 5. KID and CTR at the edges of their width ----

RC_GTEST_PROP(VonageProperties, KidAndCtrAtTheEdgesRoundTrip, ()) {
  const Engine e = *any_engine();
  const uint64_t kid = *edge_value(e), ctr = *edge_value(e);
  const Bytes frame = random_bytes(*rc::gen::inRange<size_t>(0, 64), kid ^ ctr);
  Pool& p = pool(e);
  auto pkt = p.tx->protect({Media::Audio, Codec::None, frame, {}, ctr, kid});
  RC_ASSERT(outcome(pkt) == "ok");
  auto back = p.rx->unprotect({Media::Audio, Codec::None, *pkt, {}});
  RC_ASSERT(outcome(back) == "ok");
  RC_ASSERT(*back == frame);
  // One past the legacy header's 7 bytes cannot be sent (§4.5.1).
  if (e == Engine::Legacy) {
    const uint64_t over = vonage::kLegacyMaxField + 1 + *rc::gen::inRange<uint64_t>(0, 1000);
    RC_ASSERT(outcome(p.tx->protect({Media::Audio, Codec::None, frame, {}, over, kid})) ==
              "ENCRYPT_INTERNAL");
    RC_ASSERT(outcome(p.tx->protect({Media::Audio, Codec::None, frame, {}, ctr, over})) ==
              "ENCRYPT_INTERNAL");
  }
}

}  // namespace
}  // namespace rtcseal
