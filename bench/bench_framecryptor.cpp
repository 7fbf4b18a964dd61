// framecryptor, both variants, against raw AES-128-GCM doing the same cipher work
// (docs/benchmarks.md). Opus audio frames keep their first byte (the TOC) in the clear as the
// AAD; the rest is sealed and followed by IV || 0x0c || key index.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "bench_common.h"
#include "raw_evp.h"
#include "rtcseal/framecryptor.h"

namespace rtcseal::bench {

namespace {

using framecryptor::Variant;

constexpr std::string_view kKey =
    "hex:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
constexpr uint32_t kSsrc = 0x11223344;
constexpr size_t kClear = 1;  // the Opus TOC byte (docs/spec.md §5.5)

Params params_for(Variant v) {
  return {{"variant", std::string(framecryptor::variant_name(v))},
          {"key", std::string(kKey)},
          {"ssrc", std::to_string(kSsrc)}};
}

struct FrameCryptorRaw {
  Variant variant = Variant::LiveKit;
  std::optional<RawCipher> gcm;
  std::array<uint8_t, framecryptor::kIvSize> iv{};
  std::array<uint8_t, framecryptor::kTagSize> tag{};
  Bytes ct, out;
  std::string check;

  // IV = BE32(ssrc) || BE32(ts) || BE32(w) (§5.6), for the frame a fresh context protects as its
  // `frame`-th with send count `count`.
  void set_iv(uint64_t frame, uint64_t count) {
    const uint32_t ts = static_cast<uint32_t>(frame) * framecryptor::kDefaultRtpStep;
    const auto c = static_cast<uint32_t>(count % framecryptor::kSendCountModulus);
    const uint32_t words[] = {kSsrc, ts, variant == Variant::LiveKit ? ts - c : c};
    for (size_t w = 0; w < 3; ++w) {
      for (size_t i = 0; i < 4; ++i) iv[4 * w + i] = static_cast<uint8_t>(words[w] >> (24 - 8 * i));
    }
  }

  bool seal_open() {
    const ByteView frame = payload(out.size() + kClear);
    const ByteView aad = frame.first(kClear);
    return gcm->seal(iv.data(), aad, frame.subspan(kClear), ct.data(), tag.data(), tag.size()) &&
           gcm->open(iv.data(), aad, ct, tag.data(), tag.size(), out.data());
  }

  bool round_trip(uint64_t ctr) {
    set_iv(ctr, ctr);
    return seal_open();
  }
};

std::unique_ptr<FrameCryptorRaw> make_raw(Variant v, size_t size) {
  auto r = std::make_unique<FrameCryptorRaw>();
  r->variant = v;
  r->ct.assign(size - kClear, 0);
  r->out.assign(size - kClear, 0);
  // The key schedule is the scheme's public one, checked against LiveKit's and Jitsi's known
  // answers by the tests.
  auto material = framecryptor::decode_bytes_param(kKey);
  framecryptor::KeySchedule schedule{v, framecryptor::default_kdf(v)};
  auto key = material ? framecryptor::encryption_key(schedule, *material)
                      : Result<crypto::SecretBytes>(material.error());
  if (key) r->gcm.emplace("AES-128-GCM", *key);
  if (!r->gcm || !r->gcm->ok()) {
    r->check = "cannot key AES-128-GCM";
    return r;
  }
  // The first frame of a fresh context with a pinned send count must equal the raw frame.
  auto ctx = framecryptor::scheme().configure(params_for(v));
  if (!ctx) {
    r->check = "configure failed";
    return r;
  }
  auto pkt = (*ctx)->protect({Media::Audio, Codec::Opus, payload(size), {}, kCheckCtr, {}});
  r->set_iv(0, kCheckCtr);
  if (!pkt || !r->seal_open()) {
    r->check = "check round trip failed";
    return r;
  }
  Bytes expect(payload(size).begin(), payload(size).begin() + kClear);
  expect.insert(expect.end(), r->ct.begin(), r->ct.end());
  expect.insert(expect.end(), r->tag.begin(), r->tag.end());
  expect.insert(expect.end(), r->iv.begin(), r->iv.end());
  expect.insert(expect.end(), {framecryptor::kIvLengthByte, 0});
  if (*pkt != expect) {
    r->check = "raw EVP output differs from the rtcseal frame";
  } else if (!std::equal(r->out.begin(), r->out.end(), payload(size).begin() + kClear)) {
    r->check = "raw EVP did not decrypt back to the payload";
  }
  return r;
}

}  // namespace

void register_framecryptor() {
  for (Variant v : {Variant::LiveKit, Variant::Jitsi}) {
    for (size_t size : kSizes) {
      register_pair(
          "framecryptor", std::string(framecryptor::variant_name(v)), size, false,
          [v, size](benchmark::State& st) {
            run_scheme(st, framecryptor::scheme(), params_for(v), Media::Audio, Codec::Opus, size);
          },
          raw_bench<FrameCryptorRaw>([v, size] { return make_raw(v, size); }));
    }
  }
}

}  // namespace rtcseal::bench
