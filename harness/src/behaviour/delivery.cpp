// Checks that what is protected is delivered: every size round-trips with its length, the state
// survives the largest packet, and a fresh nonce makes every packet new.
#include <algorithm>
#include <set>

#include "support.h"

namespace rtcseal::behaviour::detail {

namespace {

constexpr size_t kStateProbe = 100;
constexpr int kNonceRepeats = 32;
constexpr size_t kNoncePayload = 64;

// Where `got` first differs from `want`, for a readable failure.
std::string compare(ByteView want, ByteView got) {
  if (got.size() != want.size()) {
    return "a payload of " + describe_size(want.size()) + " came back as " +
           describe_size(got.size()) + ": the length is not preserved";
  }
  size_t i = 0;
  while (i < want.size() && want[i] == got[i]) ++i;
  if (i == want.size()) return {};
  return "a payload of " + describe_size(want.size()) + " came back altered from byte " +
         std::to_string(i);
}

// One protect and unprotect; a reason when it failed, empty when it held.
std::optional<Verdict> exchange(Pair& pair, const Stream& s, ByteView payload) {
  const std::string size = describe_size(payload.size());
  auto packet = pair.sender->protect({s.media, s.codec, payload, {}, {}, {}});
  if (!packet) return broke("protect of " + size, packet.error());
  auto back = pair.receiver->unprotect({s.media, s.codec, *packet, {}});
  if (!back) return broke("unprotect of a packet holding " + size, back.error());
  std::string diff = compare(payload, *back);
  if (!diff.empty()) return failed(diff);
  return std::nullopt;
}

}  // namespace

Verdict round_trip(Implementation& impl, const Target& t, const Stream& s,
                   std::span<const size_t> sizes, Rng& rng) {
  auto pair = configure_pair(impl, t);
  if (!pair) return broke("configure", pair.error());
  std::set<size_t> all;
  for (size_t n : sizes) {
    if (n >= s.prefix.size()) all.insert(std::min(n, t.max_payload));
  }
  all.insert(t.max_payload);  // last, so the probe below follows the largest packet
  for (size_t n : all) {
    if (auto v = exchange(*pair, s, frame(s, n, rng))) return *v;
  }
  if (auto v = exchange(*pair, s, frame(s, kStateProbe, rng))) {
    v->reason = "after a payload of " + describe_size(t.max_payload) + ": " + v->reason;
    return *v;
  }
  return pass();
}

Verdict nonce_fresh(Implementation& impl, const Target& t, Rng& rng) {
  auto pair = configure_pair(impl, t);
  if (!pair) return broke("configure", pair.error());
  const Stream& s = t.streams.front();
  const Bytes payload = frame(s, kNoncePayload, rng);
  std::vector<Bytes> seen;
  for (int i = 0; i < kNonceRepeats; ++i) {
    auto packet = pair->sender->protect({s.media, s.codec, payload, {}, {}, {}});
    if (!packet) return broke("protect", packet.error());
    if (std::find(seen.begin(), seen.end(), *packet) != seen.end()) {
      return failed("protect " + std::to_string(i + 1) + " of the same payload repeated an " +
                    "earlier packet byte for byte: the nonce is not fresh");
    }
    seen.push_back(std::move(packet).value());
  }
  return pass();
}

}  // namespace rtcseal::behaviour::detail
