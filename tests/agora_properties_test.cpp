// Property tests of scheme agora-builtin, through its public API only (configure, protect,
// unprotect). Every expectation comes from docs/spec.md §2: the overhead table of §2.5, the
// receiving rules of §2.6, the packet id of §2.4 and the configuration rules of §2.3.
//
// Run time: about 1.6 s for the whole file in the Release build (0.45 s of it the 4 x 100,000
// packets of NoncesNeverRepeat). Each property runs RapidCheck's default 100 cases; PBKDF2 (~3 ms
// per GCM2 configure) is the main per-case cost, so a property configures at most two contexts
// per case and GCM2 is only a quarter to a half of the cases.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <unordered_set>

#include "rtcseal/agora_builtin.h"
#include "rtcseal/bytes.h"

namespace rtcseal {
namespace {

using agora::Family;
using agora::ModeInfo;

// A key whose 16- and 32-byte halves differ, valid in every mode.
const std::string kGoodKey = "a35399a2441690213136166d2d33715e7aa46f9f85e53c44fece3d1b5045241b";

const ModeInfo& mode_of(int value) {
  return *agora::find_mode(std::to_string(value));
}

bool is_gcm(Family f) {
  return f == Family::Gcm || f == Family::Gcm2;
}

// §2.3: ECB and XTS use the key string truncated or zero-padded to L bytes.
std::string padded(const std::string& key, size_t L) {
  std::string k = key.substr(0, L);
  k.resize(L, '\0');
  return k;
}

bool xts_halves_equal(const std::string& key, size_t L) {
  const std::string k = padded(key, L);
  return k.compare(0, L / 2, k, L / 2, L / 2) == 0;
}

// §2.5 packet size for a payload of n bytes.
size_t spec_packet_size(Family f, size_t n) {
  switch (f) {
    case Family::Ecb:
      return 1 + n + (16 - n % 16) % 16;
    case Family::Xts:
      return 13 + (n >= 1 && n <= 15 ? 16 : n);
    case Family::Gcm:
    case Family::Gcm2:
      return 29 + n;
  }
  return 0;
}

// "ok" or the canonical error name, so RapidCheck shows a readable value on failure.
template <typename T>
std::string outcome(const Result<T>& r) {
  return r.ok() ? "ok" : std::string(error_name(r.error().code));
}

// ---- Generators ----

// One byte, uniform over 0..255 from the first case on (RapidCheck scales plain integer
// generators with the size, which would keep early keys ASCII-small).
rc::Gen<uint8_t> any_byte() {
  return rc::gen::map(rc::gen::resize(100, rc::gen::inRange(0, 256)),
                      [](int b) { return static_cast<uint8_t>(b); });
}

rc::Gen<std::string> key_string(int min_len, int max_len) {
  return rc::gen::mapcat(rc::gen::inRange(min_len, max_len + 1), [](int n) {
    return rc::gen::map(rc::gen::container<Bytes>(n, any_byte()),
                        [](const Bytes& b) { return std::string(b.begin(), b.end()); });
  });
}

// §2.2: base64 of 32 bytes, not all zero.
rc::Gen<std::string> valid_salt() {
  return rc::gen::map(rc::gen::suchThat(rc::gen::container<Bytes>(32, any_byte()),
                                        [](const Bytes& b) {
                                          return std::any_of(b.begin(), b.end(),
                                                             [](uint8_t x) { return x; });
                                        }),
                      [](const Bytes& b) { return to_base64(b); });
}

rc::Gen<std::string> media_name_gen() {
  return rc::gen::element<std::string>("audio", "video", "data");
}

// Mostly up to 3000 bytes (typical media), sometimes up to the 65535 the harness promises. The
// bytes come from a generated seed: generating 64 KiB element by element would dominate the run
// time, and size and seed still shrink.
Bytes payload(size_t min_size) {
  const auto size = *rc::gen::weightedOneOf<size_t>(
      {{9, rc::gen::inRange<size_t>(min_size, 3001)}, {1, rc::gen::inRange<size_t>(3001, 65536)}});
  const auto seed = *rc::gen::arbitrary<uint64_t>();
  std::mt19937_64 rng(seed);
  Bytes out(size);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

ProtectInput sending(Media media, ByteView payload) {
  ProtectInput in;
  in.media = media;
  in.payload = payload;
  return in;
}

UnprotectInput receiving(Media media, ByteView packet) {
  UnprotectInput in;
  in.media = media;
  in.packet = packet;
  return in;
}

std::unique_ptr<Context> must_configure(const Params& p) {
  auto ctx = agora::scheme().configure(p);
  if (!ctx.ok()) RC_FAIL("configure failed: " + outcome(ctx) + ": " + ctx.error().message);
  return std::move(ctx).value();
}

rc::Gen<int> any_mode() {
  return rc::gen::element(1, 2, 3, 4, 5, 6, 7, 8);
}

// The mode parameter in any of the accepted spellings (§2.1).
std::string mode_param(const ModeInfo& m) {
  return *rc::gen::element(std::string(m.name), std::string(m.native), std::string(m.web),
                           std::to_string(m.value));
}

// ---- 1. Round trip ----

RC_GTEST_PROP(AgoraProperties, RoundTripPreservesPayloadWithSpecOverhead, ()) {
  const ModeInfo& mode = mode_of(*any_mode());
  const auto key = *key_string(1, 100);
  if (mode.family == Family::Xts) RC_PRE(!xts_halves_equal(key, mode.key_size));  // rule 7
  const auto salt = *valid_salt();  // always given; only GCM2 reads it (§2.2)
  const Media media = *parse_media(*media_name_gen());
  const bool datastream = *rc::gen::arbitrary<bool>();
  const Bytes data = payload(0);

  const Params p{{"mode", mode_param(mode)},
                 {"key", key},
                 {"salt", salt},
                 {"datastream", datastream ? "true" : "false"}};
  auto tx = must_configure(p);
  auto rx = must_configure(p);  // a separate receiver: nothing may depend on shared state
  auto pkt = tx->protect(sending(media, data));
  RC_ASSERT(outcome(pkt) == "ok");
  // §2.6 step 1: data packets travel in the clear when datastream is off.
  const bool clear = media == Media::Data && !datastream;
  RC_ASSERT(pkt->size() == (clear ? data.size() : spec_packet_size(mode.family, data.size())));
  if (clear) RC_ASSERT(*pkt == data);
  auto back = rx->unprotect(receiving(media, *pkt));
  RC_ASSERT(outcome(back) == "ok");
  RC_ASSERT(*back == data);
}

// ---- 2. A wrong key never yields the payload ----

RC_GTEST_PROP(AgoraProperties, WrongKeyNeverYieldsThePayload, ()) {
  const ModeInfo& mode = mode_of(*any_mode());
  const size_t L = mode.key_size;
  const auto tx_key = *key_string(1, 100);
  const auto rx_key = *key_string(1, 100);
  if (is_gcm(mode.family)) {
    // GCM2's PBKDF2 uses the key string as an HMAC key, which HMAC zero-pads to 64 bytes: strings
    // that differ only by trailing NUL bytes are the same key. (Keys over 64 bytes are hashed
    // first; a collision with that hash is negligible.)
    auto strip = [](std::string s) { return s.erase(s.find_last_not_of('\0') + 1); };
    RC_PRE(strip(tx_key) != strip(rx_key));
  } else {
    // ECB and XTS see only the first L bytes after zero padding (§2.3).
    RC_PRE(padded(tx_key, L) != padded(rx_key, L));
    if (mode.family == Family::Xts) {
      RC_PRE(!xts_halves_equal(tx_key, L) && !xts_halves_equal(rx_key, L));
    }
  }
  const auto salt = *valid_salt();
  const Media media = *parse_media(*media_name_gen());
  // An empty payload under ECB/XTS has nothing to get wrong; GCM still fails on its tag.
  const Bytes data = payload(is_gcm(mode.family) ? 0 : 1);

  // datastream on: with it off, data packets are clear and no key is involved.
  Params p{{"mode", mode_param(mode)}, {"key", tx_key}, {"salt", salt}, {"datastream", "true"}};
  auto tx = must_configure(p);
  p["key"] = rx_key;
  auto rx = must_configure(p);
  auto pkt = tx->protect(sending(media, data));
  RC_ASSERT(outcome(pkt) == "ok");
  auto back = rx->unprotect(receiving(media, *pkt));
  if (is_gcm(mode.family)) {
    RC_ASSERT(outcome(back) == "AUTH_FAILED");
  } else {
    // §2.6: ECB and XTS cannot tell; they deliver garbage of the right length.
    RC_ASSERT(outcome(back) == "ok");
    RC_ASSERT(back->size() == data.size());
    RC_ASSERT(*back != data);
  }
}

// ---- 3. GCM detects every single-bit change ----

RC_GTEST_PROP(AgoraProperties, GcmRejectsEverySingleBitFlip, ()) {
  const ModeInfo& mode = mode_of(*rc::gen::element(5, 6, 7, 8));
  const auto key = *key_string(1, 100);
  const Media media = *parse_media(*media_name_gen());
  // Small payloads, so that every bit of every packet can be flipped.
  const auto size = *rc::gen::inRange<size_t>(0, 257);
  const auto seed = *rc::gen::arbitrary<uint64_t>();
  std::mt19937_64 rng(seed);
  Bytes data(size);
  for (auto& b : data) b = static_cast<uint8_t>(rng());

  // One context sends and receives: the property is about the packet, and it halves PBKDF2 work.
  auto ctx = must_configure(
      {{"mode", mode_param(mode)}, {"key", key}, {"salt", *valid_salt()}, {"datastream", "true"}});
  auto pkt = ctx->protect(sending(media, data));
  RC_ASSERT(outcome(pkt) == "ok");
  Bytes packet = *pkt;
  RC_ASSERT(outcome(ctx->unprotect(receiving(media, packet))) == "ok");

  for (size_t bit = 0; bit < packet.size() * 8; ++bit) {
    const size_t byte = bit / 8;
    packet[byte] ^= static_cast<uint8_t>(1u << (bit % 8));
    const std::string got = outcome(ctx->unprotect(receiving(media, packet)));
    packet[byte] ^= static_cast<uint8_t>(1u << (bit % 8));
    // Byte 0 is H: each of its bits is a version, media or pad bit, which §2.6 steps 3-4 reject
    // before decrypting. Every other byte (PID, ciphertext, tag) is covered by the tag (§2.5).
    const std::string want = byte == 0 ? "MALFORMED_PACKET" : "AUTH_FAILED";
    if (got != want) {
      RC_FAIL("flipping bit " + std::to_string(bit % 8) + " of byte " + std::to_string(byte) +
              " gave " + got + ", want " + want);
    }
  }
}

// ---- 4. Packet ids (GCM nonces) never repeat ----

TEST(AgoraProperties, NoncesNeverRepeatOver100000Packets) {
  constexpr size_t kPackets = 100000;
  const Bytes one{0x5a};
  for (const char* name : {"AES_128_GCM", "AES_256_GCM", "AES_128_GCM2", "AES_256_GCM2"}) {
    SCOPED_TRACE(name);
    const Params p{{"mode", name}, {"key", kGoodKey}, {"salt", to_base64(Bytes(32, 0x11))}};
    auto ctx = agora::scheme().configure(p);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message;
    std::unordered_set<std::string> seen;
    seen.reserve(kPackets);
    uint64_t sender = 0, first_ctr = 0;
    for (size_t i = 0; i < kPackets; ++i) {
      auto pkt = (*ctx)->protect(sending(Media::Audio, one));
      ASSERT_TRUE(pkt.ok()) << pkt.error().message;
      ASSERT_EQ(pkt->size(), 30u);
      const ByteView pid = ByteView(*pkt).subspan(1, 12);
      ASSERT_TRUE(seen.emplace(pid.begin(), pid.end()).second) << "PID repeated at packet " << i;
      // §2.4: a fixed sender id and a counter that grows by one, starting below 2^63.
      const uint64_t s = get_be(pid.first(4)), c = get_be(pid.subspan(4));
      if (i == 0) {
        sender = s;
        first_ctr = c;
        EXPECT_LT(c, uint64_t{1} << 63);
      } else {
        ASSERT_EQ(s, sender) << "packet " << i;
        ASSERT_EQ(c, first_ctr + i) << "packet " << i;
      }
    }
    EXPECT_EQ(seen.size(), kPackets);

    // Two contexts configured with the same key draw their own sender id and counter.
    auto a = agora::scheme().configure(p);
    auto b = agora::scheme().configure(p);
    ASSERT_TRUE(a.ok() && b.ok());
    auto pa = (*a)->protect(sending(Media::Audio, one));
    auto pb = (*b)->protect(sending(Media::Audio, one));
    ASSERT_TRUE(pa.ok() && pb.ok());
    EXPECT_NE(to_hex(ByteView(*pa).subspan(1, 12)), to_hex(ByteView(*pb).subspan(1, 12)));
  }
}

// ---- 5. Configuration rules at their boundaries (§2.3) ----

RC_GTEST_PROP(AgoraConfigProperties, Gcm2SaltMustBe32BytesNotAllZero, ()) {
  const ModeInfo& gcm2 = mode_of(*rc::gen::element(7, 8));
  // Lengths 0..64 uniformly, with extra weight on the one valid length.
  const auto n = *rc::gen::weightedOneOf<int>(
      {{1, rc::gen::just(32)}, {2, rc::gen::resize(100, rc::gen::inRange(0, 65))}});
  Bytes salt = *rc::gen::container<Bytes>(n, any_byte());
  if (*rc::gen::weightedElement<bool>({{1, true}, {3, false}})) {
    std::fill(salt.begin(), salt.end(), 0);
  }
  const bool all_zero = std::all_of(salt.begin(), salt.end(), [](uint8_t b) { return b == 0; });
  const std::string b64 = to_base64(salt);

  const std::string want = n == 0                ? "SALT_MISSING"  // rule 4: "" is empty
                           : n != 32 || all_zero ? "SALT_INVALID"  // rules 5 and 6
                                                 : "ok";
  RC_ASSERT(outcome(agora::scheme().configure(
                {{"mode", mode_param(gcm2)}, {"key", kGoodKey}, {"salt", b64}})) == want);
  // Rules 4-6 apply to GCM2 only: every other mode ignores the salt.
  const ModeInfo& other = mode_of(*rc::gen::element(1, 2, 3, 4, 5, 6));
  RC_ASSERT(outcome(agora::scheme().configure(
                {{"mode", mode_param(other)}, {"key", kGoodKey}, {"salt", b64}})) == "ok");
}

RC_GTEST_PROP(AgoraConfigProperties, KeyMissingOnlyWhenAbsentOrEmpty, ()) {
  const ModeInfo& mode = mode_of(*any_mode());
  const int form = *rc::gen::weightedElement<int>({{1, 0}, {1, 1}, {6, 2}});  // absent, "", some
  Params p{{"mode", mode_param(mode)}, {"salt", *valid_salt()}};
  std::string key;
  if (form == 1) p["key"] = "";
  if (form == 2) p["key"] = key = *key_string(1, 200);

  std::string want = "ok";
  if (form < 2) {
    want = "KEY_MISSING";  // rule 3, for every mode
  } else if (mode.family == Family::Xts && xts_halves_equal(key, mode.key_size)) {
    want = "KEY_INVALID";  // rule 7; any other key of length >= 1 is accepted
  }
  RC_ASSERT(outcome(agora::scheme().configure(p)) == want);
}

// Builds the key string for a padded XTS key `k` of L bytes: either k itself, k followed by
// ignored extra bytes, or (trim) k without its trailing zeros, which padding restores (§2.3).
std::string xts_key_string(std::string k, const std::string& extra, bool trim) {
  if (!extra.empty()) return k + extra;
  if (trim) {
    const auto last = k.find_last_not_of('\0');
    if (last != std::string::npos) k.erase(last + 1);  // an all-zero k stays whole (non-empty)
  }
  return k;
}

RC_GTEST_PROP(AgoraConfigProperties, XtsEqualHalvesAreInvalidAndOneByteFixesThem, ()) {
  const ModeInfo& mode = mode_of(*rc::gen::element(1, 3));
  const size_t L = mode.key_size, half = L / 2;
  // A half with some trailing zeros, so that trimmed key strings exercise the zero padding.
  std::string h = *rc::gen::map(rc::gen::container<Bytes>(half, any_byte()),
                                [](const Bytes& b) { return std::string(b.begin(), b.end()); });
  const auto zeros = *rc::gen::inRange<size_t>(0, half + 1);
  std::fill(h.end() - static_cast<std::ptrdiff_t>(zeros), h.end(), '\0');
  const auto extra = *rc::gen::weightedOneOf<std::string>(
      {{2, rc::gen::just(std::string())}, {1, key_string(1, 16)}});
  const bool trim = *rc::gen::arbitrary<bool>();

  const std::string k = h + h;
  const std::string bad = xts_key_string(k, extra, trim);
  RC_ASSERT(padded(bad, L) == k);
  RC_ASSERT(outcome(agora::scheme().configure({{"mode", mode_param(mode)}, {"key", bad}})) ==
            "KEY_INVALID");

  // Changing any one byte of the second half makes the halves differ.
  const auto i = *rc::gen::inRange<size_t>(half, L);
  const auto v = *rc::gen::suchThat(any_byte(), [&](uint8_t x) { return x != uint8_t(k[i]); });
  std::string k2 = k;
  k2[i] = static_cast<char>(v);
  const std::string good = xts_key_string(k2, extra, trim);
  RC_ASSERT(padded(good, L) == k2);
  RC_ASSERT(outcome(agora::scheme().configure({{"mode", mode_param(mode)}, {"key", good}})) ==
            "ok");
}

RC_GTEST_PROP(AgoraConfigProperties, OnlyModeValues1To8AreSupported, ()) {
  const auto v = *rc::gen::weightedOneOf<int64_t>(
      {{2, rc::gen::resize(100, rc::gen::inRange<int64_t>(1, 9))},
       {2, rc::gen::resize(100, rc::gen::inRange<int64_t>(-3, 13))},
       {1, rc::gen::resize(100, rc::gen::arbitrary<int64_t>())}});
  const Params p{{"mode", std::to_string(v)}, {"key", kGoodKey}, {"salt", to_base64(Bytes(32, 7))}};
  RC_ASSERT(outcome(agora::scheme().configure(p)) ==
            (v >= 1 && v <= 8 ? "ok" : "MODE_UNSUPPORTED"));  // rule 1
}

}  // namespace
}  // namespace rtcseal
