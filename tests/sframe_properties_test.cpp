// Property tests of scheme sframe, through its public API (configure, protect, unprotect) and the
// header codec. Expectations come from RFC 9605: the packet is header || ciphertext || tag with
// |ciphertext| = |payload| (§4.4.3, §4.5), the header is the minimal encoding of §4.3, and every
// byte of the packet and the metadata is authenticated.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <memory>
#include <random>
#include <string>

#include "rtcseal/bytes.h"
#include "rtcseal/sframe.h"

namespace rtcseal {
namespace {

template <typename T>
std::string outcome(const Result<T>& r) {
  return r.ok() ? "ok" : std::string(error_name(r.error().code));
}

// ---- Generators ----

rc::Gen<uint8_t> any_byte() {
  return rc::gen::map(rc::gen::resize(100, rc::gen::inRange(0, 256)),
                      [](int b) { return static_cast<uint8_t>(b); });
}

Bytes some_bytes(size_t min, size_t max) {
  const auto n = *rc::gen::inRange<size_t>(min, max + 1);
  return *rc::gen::container<Bytes>(n, any_byte());
}

// Mostly media-sized, sometimes up to 65535 bytes; the bytes come from a generated seed, since
// generating 64 KiB element by element would dominate the run time.
Bytes payload(size_t max_small = 3000) {
  const auto size = *rc::gen::weightedOneOf<size_t>(
      {{9, rc::gen::inRange<size_t>(0, max_small + 1)}, {1, rc::gen::inRange<size_t>(0, 65536)}});
  std::mt19937_64 rng(*rc::gen::arbitrary<uint64_t>());
  Bytes out(size);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

// KIDs and CTRs at the edges of their encoding (0, 7, 8, 2^64-1 and byte boundaries) or anywhere.
rc::Gen<uint64_t> edge_or_any() {
  return rc::gen::weightedOneOf<uint64_t>(
      {{2, rc::gen::element<uint64_t>(0, 7, 8, 255, 256, UINT64_MAX - 1, UINT64_MAX)},
       {1, rc::gen::resize(100, rc::gen::arbitrary<uint64_t>())},
       {1, rc::gen::inRange<uint64_t>(0, 70000)}});
}

const sframe::Suite& any_suite() {
  return *sframe::find_suite(*rc::gen::inRange<uint64_t>(1, 6));
}

Media any_media() {
  return *rc::gen::element(Media::Audio, Media::Video, Media::Data);
}

Codec any_codec() {
  return *rc::gen::element(Codec::None, Codec::Opus, Codec::Vp8, Codec::H264, Codec::Vp9);
}

Params params(const sframe::Suite& s, uint64_t kid, const Bytes& base_key) {
  return {{"suite", std::to_string(s.id)},
          {"kid", std::to_string(kid)},
          {"base_key", to_hex(base_key)}};
}

std::unique_ptr<Context> must_configure(const Params& p) {
  auto ctx = sframe::scheme().configure(p);
  if (!ctx.ok()) RC_FAIL("configure failed: " + outcome(ctx) + ": " + ctx.error().message);
  return std::move(ctx).value();
}

// The minimal encoding's length, from §4.3 directly: values below 8 ride in the config byte.
size_t field_bytes(uint64_t v) {
  size_t n = 0;
  if (v >= 8) {
    for (; v != 0; v >>= 8) ++n;
  }
  return n;
}

struct Sent {
  Bytes packet, payload, metadata;
  Media media;
  Codec codec;
};

Sent send(Context& tx, uint64_t kid, std::optional<uint64_t> ctr, Bytes data, Bytes metadata) {
  Sent s{{}, std::move(data), std::move(metadata), any_media(), any_codec()};
  auto p = tx.protect({s.media, s.codec, s.payload, s.metadata, ctr, kid});
  RC_ASSERT(outcome(p) == "ok");
  s.packet = std::move(p).value();
  return s;
}

Result<Bytes> receive(Context& rx, const Sent& s, ByteView packet) {
  return rx.unprotect({s.media, s.codec, packet, s.metadata});
}

// ---- 1. Round trip ----

RC_GTEST_PROP(SframeProperties, RoundTripHoldsWithRfcOverhead, ()) {
  const sframe::Suite& suite = any_suite();
  const uint64_t kid = *edge_or_any();
  const Bytes base_key = some_bytes(1, 64);
  const bool pin = *rc::gen::arbitrary<bool>();
  const uint64_t ctr = pin ? *edge_or_any() : 0;  // unpinned: the first counter value is 0
  auto tx = must_configure(params(suite, kid, base_key));
  auto rx = must_configure(params(suite, kid, base_key));  // separate receiver
  const Sent s = send(*tx, kid, pin ? std::optional<uint64_t>(ctr) : std::nullopt, payload(),
                      some_bytes(0, 40));
  const size_t header = 1 + field_bytes(kid) + field_bytes(ctr);
  RC_ASSERT(s.packet.size() == header + s.payload.size() + suite.nt);
  auto h = sframe::parse_header(s.packet);
  RC_ASSERT(outcome(h) == "ok");
  RC_ASSERT(h->kid == kid && h->ctr == ctr && h->size == header);
  auto back = receive(*rx, s, s.packet);
  RC_ASSERT(outcome(back) == "ok");
  RC_ASSERT(*back == s.payload);
}

// ---- 2. A wrong key is detected ----

RC_GTEST_PROP(SframeProperties, WrongKeyIsDetected, ()) {
  const sframe::Suite& suite = any_suite();
  const uint64_t kid = *edge_or_any();
  const Bytes key = some_bytes(1, 64);
  const Bytes other = *rc::gen::suchThat(rc::gen::container<Bytes>(key.size(), any_byte()),
                                         [&](const Bytes& b) { return b != key; });
  auto tx = must_configure(params(suite, kid, key));
  auto rx = must_configure(params(suite, kid, other));
  const Sent s = send(*tx, kid, std::nullopt, payload(), some_bytes(0, 20));
  RC_ASSERT(outcome(receive(*rx, s, s.packet)) == "AUTH_FAILED");
}

// ---- 3. Any bit flip is detected ----

RC_GTEST_PROP(SframeProperties, EveryBitFlipIsDetected, ()) {
  const sframe::Suite& suite = any_suite();
  const uint64_t kid = *edge_or_any();
  const Bytes key = some_bytes(16, 16);
  auto ctx = must_configure(params(suite, kid, key));
  // Small frames, so that every bit of every packet can be flipped.
  const Sent s = send(*ctx, kid, *edge_or_any(), some_bytes(0, 48), some_bytes(0, 8));
  const size_t header = sframe::parse_header(s.packet)->size;
  Bytes packet = s.packet;
  RC_ASSERT(outcome(receive(*ctx, s, packet)) == "ok");
  for (size_t bit = 0; bit < packet.size() * 8; ++bit) {
    const size_t byte = bit / 8;
    packet[byte] ^= static_cast<uint8_t>(1u << (bit % 8));
    const std::string got = outcome(receive(*ctx, s, packet));
    packet[byte] ^= static_cast<uint8_t>(1u << (bit % 8));
    // A header bit can change the KID (unknown), the layout (malformed) or the AAD (tag); a bit
    // of the ciphertext or tag can only fail the tag.
    const bool ok =
        byte < header ? got == "AUTH_FAILED" || got == "UNKNOWN_KEY_ID" || got == "MALFORMED_PACKET"
                      : got == "AUTH_FAILED";
    if (!ok) {
      RC_FAIL("flipping bit " + std::to_string(bit % 8) + " of byte " + std::to_string(byte) +
              " (header is " + std::to_string(header) + " bytes) gave " + got);
    }
  }
  // The metadata is authenticated too.
  if (!s.metadata.empty()) {
    Sent changed = s;
    changed.metadata[*rc::gen::inRange<size_t>(0, s.metadata.size())] ^= 0x01;
    RC_ASSERT(outcome(receive(*ctx, changed, s.packet)) == "AUTH_FAILED");
  }
}

// ---- 4. Random bytes never crash unprotect ----

RC_GTEST_PROP(SframeProperties, RandomBytesYieldAnErrorNeverACrash, ()) {
  const sframe::Suite& suite = any_suite();
  const uint64_t kid = *edge_or_any();
  Params p = params(suite, kid, some_bytes(16, 16));
  // Ratcheting receivers too, so forged KIDs reach the forward-ratchet path.
  if (*rc::gen::arbitrary<bool>()) p["ratchet_bits"] = std::to_string(*rc::gen::inRange(1, 64));
  auto rx = must_configure(p);
  // Pure noise, or noise behind a header naming the held KID so the tag check is reached.
  Bytes packet;
  if (*rc::gen::arbitrary<bool>()) packet = sframe::encode_header(kid, *edge_or_any());
  const Bytes noise = some_bytes(0, 120);
  packet.insert(packet.end(), noise.begin(), noise.end());
  const std::string got =
      outcome(rx->unprotect({any_media(), any_codec(), packet, some_bytes(0, 8)}));
  RC_ASSERT(got == "MALFORMED_PACKET" || got == "UNKNOWN_KEY_ID" || got == "AUTH_FAILED");
}

// ---- 5. KIDs and CTRs at the edges of their width ----

RC_GTEST_PROP(SframeProperties, KidAndCtrAtTheirEdgesRoundTrip, ()) {
  const uint64_t kid = *rc::gen::element<uint64_t>(0, 7, 8, UINT64_MAX);
  const uint64_t ctr = *rc::gen::element<uint64_t>(0, 7, 8, UINT64_MAX);
  const Bytes h = sframe::encode_header(kid, ctr);
  RC_ASSERT(h.size() == 1 + field_bytes(kid) + field_bytes(ctr));
  auto parsed = sframe::parse_header(h);
  RC_ASSERT(outcome(parsed) == "ok");
  RC_ASSERT(parsed->kid == kid && parsed->ctr == ctr && parsed->size == h.size());

  const sframe::Suite& suite = any_suite();
  const Bytes key = some_bytes(1, 32);
  auto tx = must_configure(params(suite, kid, key));
  auto rx = must_configure(params(suite, kid, key));
  const Sent s = send(*tx, kid, ctr, some_bytes(0, 100), {});
  RC_ASSERT(Bytes(s.packet.begin(), s.packet.begin() + static_cast<std::ptrdiff_t>(h.size())) == h);
  auto back = receive(*rx, s, s.packet);
  RC_ASSERT(outcome(back) == "ok");
  RC_ASSERT(*back == s.payload);
}

}  // namespace
}  // namespace rtcseal
