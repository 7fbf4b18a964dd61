// Property tests of scheme framecryptor through its public API (configure, protect, unprotect).
// Expectations come from docs/spec.md §5: the frame layout of §5.4, the clear bytes of §5.5 and
// the receiving rules of §5.8.
//
// Cost: LiveKit's default KDF runs PBKDF2 with 100,000 iterations (~40 ms), so the generators
// pick Jitsi or LiveKit's HKDF mode for most cases and LiveKit PBKDF2 for one case in ten, and a
// property configures at most two contexts per case.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include "rtcseal/codecs.h"
#include "rtcseal/framecryptor.h"

namespace rtcseal {
namespace {

namespace fc = framecryptor;

template <typename T>
std::string outcome(const Result<T>& r) {
  return r.ok() ? "ok" : std::string(error_name(r.error().code));
}

rc::Gen<uint8_t> any_byte() {
  return rc::gen::map(rc::gen::resize(100, rc::gen::inRange(0, 256)),
                      [](int b) { return static_cast<uint8_t>(b); });
}

Bytes seeded_bytes(size_t n) {
  std::mt19937_64 rng(*rc::gen::arbitrary<uint64_t>());
  Bytes out(n);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

// A variant, and for LiveKit a KDF, as configure parameters.
Params variant_params(bool allow_pbkdf2) {
  const int pick = allow_pbkdf2 ? *rc::gen::weightedElement<int>({{4, 0}, {5, 1}, {1, 2}})
                                : *rc::gen::element(0, 1);
  if (pick == 0) return {{"variant", "jitsi"}};
  if (pick == 1) return {{"variant", "livekit"}, {"kdf", "hkdf"}};
  return {{"variant", "livekit"}};
}

std::string key_param() {
  const auto bytes = *rc::gen::container<Bytes>(*rc::gen::inRange<size_t>(1, 65), any_byte());
  return "hex:" + to_hex(bytes);
}

struct Kind {
  Media media;
  Codec codec;
};

// A media/codec pair the variant carries (§5.5), and a well-formed frame of it.
Kind kind_for(const Params& p) {
  std::vector<Kind> kinds = {{Media::Audio, Codec::Opus},
                             {Media::Audio, Codec::None},
                             {Media::Video, Codec::Vp8},
                             {Media::Data, Codec::None}};
  if (p.at("variant") == "livekit") {
    kinds.push_back({Media::Video, Codec::H264});
    kinds.push_back({Media::Video, Codec::Vp9});
  }
  return *rc::gen::elementOf(kinds);
}

Bytes frame_of(Kind k) {
  Bytes f = seeded_bytes(*rc::gen::inRange<size_t>(0, 400));
  switch (k.codec) {
    case Codec::Opus:
    case Codec::None:
      if (k.media == Media::Audio && f.empty()) f.push_back(0xf8);
      return f;
    case Codec::Vp8:
      f.resize(std::max<size_t>(f.size(), 10));
      return f;
    case Codec::H264: {
      // Parameter sets, then a slice of type 1 or 5 (§5.5), then anything at all.
      Bytes h{0x00, 0x00, 0x00, 0x01, 0x67, 0x42, 0x00, 0x00, 0x01, 0x68, 0xce, 0x00, 0x00, 0x01};
      h.push_back(*rc::gen::element<uint8_t>(0x65, 0x41, 0x25, 0x01));
      h.push_back(0x88);
      h.insert(h.end(), f.begin(), f.end());
      return h;
    }
    case Codec::Vp9:
      return f;
  }
  return f;
}

std::unique_ptr<Context> must_configure(const Params& p) {
  auto ctx = fc::scheme().configure(p);
  RC_ASSERT(ctx.ok());
  return std::move(ctx).value();
}

// ---- Round trip ----

RC_GTEST_PROP(FrameCryptorProperties, RoundTrip, ()) {
  Params p = variant_params(true);
  p["key"] = key_param();
  const Kind k = kind_for(p);
  const Bytes payload = frame_of(k);
  auto ctx = must_configure(p);
  std::optional<uint64_t> ctr;
  if (*rc::gen::arbitrary<bool>()) ctr = *rc::gen::arbitrary<uint64_t>();
  auto pkt = ctx->protect({k.media, k.codec, payload, {}, ctr, std::nullopt});
  RC_ASSERT(outcome(pkt) == "ok");
  if (k.codec != Codec::H264) RC_ASSERT(pkt->size() == payload.size() + fc::kOverhead);
  auto back = ctx->unprotect({k.media, k.codec, *pkt, {}});
  RC_ASSERT(outcome(back) == "ok");
  RC_ASSERT(*back == payload);
}

// ---- A wrong key is detected ----

RC_GTEST_PROP(FrameCryptorProperties, WrongKeyIsDetected, ()) {
  Params p = variant_params(true);
  const bool pbkdf2 = p.count("kdf") == 0 && p.at("variant") == "livekit";
  // A window makes the receiver try more keys; each PBKDF2 step costs ~40 ms.
  p["ratchet_window"] = std::to_string(pbkdf2 ? 0 : *rc::gen::inRange(0, 4));
  p["key"] = key_param();
  Params q = p;
  q["key"] = *rc::gen::suchThat(rc::gen::exec(key_param),
                                [&](const std::string& k) { return k != p.at("key"); });
  const Kind k = kind_for(p);
  const Bytes payload = frame_of(k);
  auto tx = must_configure(p);
  auto rx = must_configure(q);
  auto pkt = tx->protect({k.media, k.codec, payload, {}, std::nullopt, std::nullopt});
  RC_ASSERT(outcome(pkt) == "ok");
  RC_ASSERT(outcome(rx->unprotect({k.media, k.codec, *pkt, {}})) == "AUTH_FAILED");
}

// ---- Every bit flip is detected, after the clear header and within it ----

RC_GTEST_PROP(FrameCryptorProperties, EveryBitFlipIsDetected, ()) {
  Params p = variant_params(false);
  p["key"] = key_param();
  p["ratchet_window"] = std::to_string(*rc::gen::inRange(0, 3));
  const Kind k = kind_for(p);
  Bytes payload = frame_of(k);
  payload.resize(std::min<size_t>(payload.size(), 80));  // every bit of every packet is flipped
  if (k.media == Media::Audio && payload.empty()) payload.push_back(0xf8);
  if (k.codec == Codec::Vp8) payload.resize(std::max<size_t>(payload.size(), 10));
  auto ctx = must_configure(p);
  auto pkt = ctx->protect({k.media, k.codec, payload, {}, std::nullopt, std::nullopt});
  RC_ASSERT(outcome(pkt) == "ok");
  Bytes packet = *pkt;
  for (size_t bit = 0; bit < packet.size() * 8; ++bit) {
    packet[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    auto got = ctx->unprotect({k.media, k.codec, packet, {}});
    packet[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    if (got.ok()) {
      RC_FAIL("flipping bit " + std::to_string(bit % 8) + " of byte " + std::to_string(bit / 8) +
              " of a " + std::string(codec_name(k.codec)) + " frame went undetected");
    }
  }
  // The untouched packet still opens: no flip moved the slot's ratchet.
  RC_ASSERT(outcome(ctx->unprotect({k.media, k.codec, packet, {}})) == "ok");
}

// ---- Random bytes never crash the receiver ----

RC_GTEST_PROP(FrameCryptorProperties, RandomBytesAreRejected, ()) {
  Params p = variant_params(false);
  p["key"] = key_param();
  p["ring_size"] = std::to_string(*rc::gen::inRange(1, 257));
  auto ctx = must_configure(p);
  const Media media = *rc::gen::element(Media::Audio, Media::Video, Media::Data);
  const Codec codec =
      *rc::gen::element(Codec::None, Codec::Opus, Codec::Vp8, Codec::H264, Codec::Vp9);
  // Zero-rich bytes reach the H.264 and trailer rules; plain ones the rest.
  const auto bytes = *rc::gen::container<Bytes>(rc::gen::weightedOneOf<uint8_t>(
      {{1, rc::gen::element<uint8_t>(0, 1, 3, 12)}, {2, any_byte()}}));
  RC_ASSERT(!ctx->unprotect({media, codec, bytes, {}}).ok());
  // Protecting the same bytes either fails cleanly or round-trips.
  auto pkt = ctx->protect({media, codec, bytes, {}, std::nullopt, std::nullopt});
  if (pkt.ok()) RC_ASSERT(outcome(ctx->unprotect({media, codec, *pkt, {}})) == "ok");
}

// ---- Key index and counters at the edges of their widths ----

RC_GTEST_PROP(FrameCryptorProperties, EdgesRoundTrip, ()) {
  Params p = variant_params(false);
  p["key"] = key_param();
  const size_t ring = *rc::gen::element<size_t>(1, 16, 255, 256);
  const size_t index = *rc::gen::element<size_t>(0, ring - 1);
  p["ring_size"] = std::to_string(ring);
  p["key_index"] = std::to_string(index);
  p["ssrc"] = std::to_string(*rc::gen::element<uint32_t>(0, 1, 0xffffffffu));
  p["rtp_timestamp"] = std::to_string(*rc::gen::element<uint32_t>(0, 0xfffeu, 0xffffffffu));
  const uint64_t ctr = *rc::gen::element<uint64_t>(0, 1, 0xfffe, 0xffff, 0x10000, ~uint64_t{0});
  const Kind k = kind_for(p);
  const Bytes payload = frame_of(k);
  auto ctx = must_configure(p);
  auto pkt = ctx->protect({k.media, k.codec, payload, {}, ctr, std::nullopt});
  RC_ASSERT(outcome(pkt) == "ok");
  RC_ASSERT(pkt->back() == index);
  RC_ASSERT((*pkt)[pkt->size() - 2] == fc::kIvLengthByte);
  auto back = ctx->unprotect({k.media, k.codec, *pkt, {}});
  RC_ASSERT(outcome(back) == "ok");
  RC_ASSERT(*back == payload);
}

}  // namespace
}  // namespace rtcseal
