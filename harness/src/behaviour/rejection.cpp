// Checks that what must not be delivered is not: tampered bits, mismatched peers, stale keys after
// a rekey, and hostile packets (empty, truncated, random, oversized), with the receiver still
// working afterwards.
#include "non_answer.h"
#include "support.h"

namespace rtcseal::behaviour::detail {

namespace {

constexpr size_t kPayload = 100;
constexpr size_t kFlipPayload = 32;
constexpr int kRandomPackets = 64;
constexpr size_t kRandomMax = 300;
constexpr size_t kLargest = 65535;

bool transport(const Result<Bytes>& r) {
  return !r && r.error().fault == Fault::Transport;
}

// The receiver must still accept a genuine packet after whatever it was fed.
std::optional<Verdict> still_works(Pair& pair, const Stream& s, Rng& rng,
                                   const std::string& after) {
  const Bytes payload = frame(s, kPayload, rng);
  auto packet = pair.sender->protect({s.media, s.codec, payload, {}, {}, {}});
  if (!packet) return broke("protect after " + after, packet.error());
  auto back = pair.receiver->unprotect({s.media, s.codec, *packet, {}});
  if (!back) return broke("unprotect of a genuine packet after " + after, back.error());
  if (*back != payload) return failed("a genuine packet came back altered after " + after);
  return std::nullopt;
}

// `got` for a packet an authenticating receiver must refuse: nullopt when it did.
std::optional<Verdict> refused(const Result<Bytes>& got, const std::string& what) {
  if (transport(got)) return broke(what, got.error());
  if (got) return failed(what + " was accepted");
  return std::nullopt;
}

}  // namespace

Verdict integrity(Implementation& impl, const Target& t, Rng& rng) {
  auto pair = configure_pair(impl, t);
  if (!pair) return broke("configure", pair.error());
  const Stream& s = t.streams.front();
  auto packet = pair->sender->protect({s.media, s.codec, frame(s, kFlipPayload, rng), {}, {}, {}});
  if (!packet) return broke("protect", packet.error());
  for (size_t bit = t.clear_prefix * 8; bit < packet->size() * 8; ++bit) {
    Bytes flipped = *packet;
    flipped[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    auto got = pair->receiver->unprotect({s.media, s.codec, flipped, {}});
    if (auto v = refused(got, "a packet with bit " + std::to_string(bit % 8) + " of byte " +
                                  std::to_string(bit / 8) + " flipped")) {
      return *v;
    }
  }
  auto back = pair->receiver->unprotect({s.media, s.codec, *packet, {}});
  if (!back) return broke("unprotect of the untouched packet after the flipped ones", back.error());
  return pass();
}

Verdict mismatch(Implementation& impl, const Target& t, const Mismatch& m, Rng& rng) {
  auto pair = configure_pair(impl, t, m.receiver);
  if (!pair) return broke("configure", pair.error());
  const Stream& s = t.streams.front();
  const Bytes payload = frame(s, kPayload, rng);
  auto packet = pair->sender->protect({s.media, s.codec, payload, {}, {}, {}});
  if (!packet) return broke("protect", packet.error());
  auto got = pair->receiver->unprotect({s.media, s.codec, *packet, {}});
  if (transport(got)) return broke("unprotect", got.error());
  if (!m.expect) {
    if (!got) return pass();
    if (*got == payload) {
      return failed("a receiver with a " + m.name +
                    " recovered the original payload: the parameter plays no part");
    }
    return {Outcome::Undetected,
            "unauthenticated mode: the " + m.name + " went undetected and garbage was delivered"};
  }
  const std::string want(error_name(*m.expect));
  if (got) return failed("a receiver with a " + m.name + " accepted the packet; expected " + want);
  if (auto n = vectors::non_answer(got.error())) return {n->outcome, n->reason};
  if (!impl.error_means(got.error(), *m.expect)) {
    return failed("a receiver with a " + m.name + " answered " +
                  vectors::describe_error(got.error()) + "; expected " + want);
  }
  return pass();
}

Verdict rekey(Implementation& impl, const Target& t, Rng& rng) {
  auto pair = configure_pair(impl, t);
  if (!pair) return broke("configure", pair.error());
  const Stream& s = t.streams.front();
  if (auto st = pair->sender->rekey(*t.rekey); !st) return broke("sender rekey", st.error());
  const Bytes payload = frame(s, kPayload, rng);
  auto packet = pair->sender->protect({s.media, s.codec, payload, {}, {}, {}});
  if (!packet) return broke("protect after rekey", packet.error());
  auto stale = pair->receiver->unprotect({s.media, s.codec, *packet, {}});
  if (transport(stale)) return broke("unprotect", stale.error());
  if (stale && *stale == payload) {
    return failed("a receiver still on the old key decrypted a packet sent after the sender's " +
                  std::string("rekey: the new key was not used"));
  }
  if (stale && t.authenticated) {
    return failed("a receiver still on the old key accepted a packet sent after the rekey");
  }
  if (auto st = pair->receiver->rekey(*t.rekey); !st) return broke("receiver rekey", st.error());
  auto back = pair->receiver->unprotect({s.media, s.codec, *packet, {}});
  if (!back) return broke("unprotect once both sides rekeyed", back.error());
  if (*back != payload) return failed("once both sides rekeyed the payload came back altered");
  return pass();
}

Verdict hostile_packets(Implementation& impl, const Target& t, Rng& rng) {
  auto pair = configure_pair(impl, t);
  if (!pair) return broke("configure", pair.error());
  const Stream& s = t.streams.front();
  auto empty = pair->receiver->unprotect({s.media, s.codec, {}, {}});
  if (auto v = refused(empty, "an empty packet")) return *v;
  // Every proper prefix of a genuine packet: lengths that cut the header, the body or the tag.
  auto packet = pair->sender->protect({s.media, s.codec, frame(s, kPayload, rng), {}, {}, {}});
  if (!packet) return broke("protect", packet.error());
  for (size_t n = 1; n < packet->size(); ++n) {
    auto got = pair->receiver->unprotect({s.media, s.codec, ByteView(*packet).first(n), {}});
    if (t.authenticated) {
      if (auto v = refused(got, "the packet truncated to " + describe_size(n))) return *v;
    } else if (transport(got)) {
      return broke("unprotect of a truncated packet", got.error());
    }
  }
  for (int i = 0; i < kRandomPackets; ++i) {
    auto got =
        pair->receiver->unprotect({s.media, s.codec, rng.bytes(1 + rng.below(kRandomMax)), {}});
    if (t.authenticated) {
      if (auto v = refused(got, "a random byte string")) return *v;
    } else if (transport(got)) {
      return broke("unprotect of a random byte string", got.error());
    }
  }
  auto huge = pair->receiver->unprotect({s.media, s.codec, rng.bytes(kLargest), {}});
  if (t.authenticated) {
    if (auto v = refused(huge, "a random packet of 65535 bytes")) return *v;
  } else if (transport(huge)) {
    return broke("unprotect of a random packet of 65535 bytes", huge.error());
  }
  if (auto v = still_works(*pair, s, rng, "hostile packets")) return *v;
  return pass();
}

}  // namespace rtcseal::behaviour::detail
