// Scheme "framecryptor": LiveKit and Jitsi frames under the parameters and rules of
// docs/spec.md §5. The layout, key schedule and key ring live in their own files.
#include <algorithm>
#include <bit>
#include <string>

#include "framecryptor_key_ring.h"
#include "framecryptor_layout.h"
#include "framecryptor_params.h"
#include "rtcseal/codecs.h"

namespace rtcseal::framecryptor {

namespace {

using detail::Config;
using detail::KeyRing;

// The frame count after which an unpinned sender's IVs would repeat: the RTP timestamp cycles
// after 2^32 / 2^ctz(step) frames and the send count after 0xFFFF, which is odd (§5.6).
uint64_t iv_period(uint32_t rtp_step) {
  return (uint64_t{1} << (32 - std::countr_zero(rtp_step))) * kSendCountModulus;
}

Error no_key(size_t index) {
  return fail(Err::UNKNOWN_KEY_ID, "no key in slot " + std::to_string(index));
}

Error no_metadata() {
  return fail(Err::UNIMPLEMENTED, "framecryptor frames authenticate no metadata");
}

class FrameCryptorContext final : public Context {
 public:
  FrameCryptorContext(Config c, uint32_t ssrc, uint64_t send_count)
      : variant_(c.schedule.variant),
        ring_(std::move(c.schedule), c.ring_size),
        sender_index_(c.key_index),
        ratchet_window_(c.ratchet_window),
        ssrc_(ssrc),
        rtp_timestamp_(c.rtp_timestamp),
        rtp_step_(c.rtp_step),
        frame_limit_(iv_period(c.rtp_step)),
        send_count_(send_count) {
    ring_.set(c.key_index, std::move(c.material));
  }

  Status protect_into(const ProtectInput& in, Bytes& out) override {
    if (!in.metadata.empty()) return no_metadata();
    RTCSEAL_TRY(const size_t n, detail::clear_bytes(variant_, in.media, in.codec, in.payload));
    size_t index = sender_index_;
    if (in.kid) {
      if (*in.kid >= ring_.size()) return no_key(*in.kid);
      index = static_cast<size_t>(*in.kid);
    }
    if (!ring_.holds(index)) return no_key(index);
    if (frames_ == frame_limit_) {
      return fail(Err::ENCRYPT_INTERNAL, "IV space exhausted: configure a new context");
    }
    RTCSEAL_TRY(const crypto::GcmKey* key, ring_.key(index, 0));
    const uint64_t count = in.ctr ? *in.ctr : send_count_++;
    // The RTP clock advances by rtp_step per frame; uint32_t arithmetic wraps as RTP does.
    const uint32_t timestamp = rtp_timestamp_ + static_cast<uint32_t>(frames_) * rtp_step_;
    ++frames_;
    const detail::Iv iv = detail::make_iv(variant_, ssrc_, timestamp, count);

    const ByteView header = in.payload.first(n);
    const ByteView plain = in.payload.subspan(n);
    const bool escape = detail::escaped(variant_, in.media, in.codec);
    // Escaped frames are sealed into scratch first, then escaped behind the header into `out`.
    Bytes& body = escape ? scratch_ : out;
    const size_t at = escape ? 0 : n;
    body.resize(at + plain.size() + kOverhead);
    auto st = key->seal_into(iv, header, plain, body.data() + at, kTagSize);
    if (!st) return st;
    auto tail = std::copy(iv.begin(), iv.end(), body.end() - kIvSize - kTrailerSize);
    tail[0] = kIvLengthByte;
    tail[1] = static_cast<uint8_t>(index);
    if (escape) {
      out.assign(header.begin(), header.end());
      codecs::rbsp_escape_append(scratch_, out);
    } else {
      std::copy(header.begin(), header.end(), out.begin());
    }
    return {};
  }

  Status unprotect_into(const UnprotectInput& in, Bytes& out) override {
    if (!in.metadata.empty()) return no_metadata();
    RTCSEAL_TRY(const size_t n, detail::clear_bytes(variant_, in.media, in.codec, in.packet));
    const ByteView header = in.packet.first(n);
    ByteView body = in.packet.subspan(n);
    if (detail::escaped(variant_, in.media, in.codec)) {
      scratch_.clear();
      codecs::rbsp_unescape_append(body, scratch_);
      body = scratch_;
    }
    if (body.size() < kOverhead) {
      return fail(Err::MALFORMED_PACKET, "a frame with a " + std::to_string(n) +
                                             "-byte clear header needs " +
                                             std::to_string(n + kOverhead) + " bytes or more");
    }
    const ByteView trailer = body.last(kTrailerSize);
    if (trailer[0] != kIvLengthByte) {
      return fail(Err::MALFORMED_PACKET, "IV_LEN is " + std::to_string(trailer[0]) + ", not 12");
    }
    const size_t index = trailer[1];
    if (!ring_.holds(index)) return no_key(index);
    const ByteView iv = body.last(kTrailerSize + kIvSize).first(kIvSize);
    const ByteView sealed = body.first(body.size() - kIvSize - kTrailerSize);

    out.resize(n + sealed.size() - kTagSize);
    std::copy(header.begin(), header.end(), out.begin());
    // The slot's key, then up to ratchet_window keys ratcheted forward (§5.7).
    for (size_t steps = 0; steps <= ratchet_window_; ++steps) {
      RTCSEAL_TRY(const crypto::GcmKey* key, ring_.key(index, steps));
      auto st = key->open_into(iv, header, sealed, out.data() + n, kTagSize);
      if (st) {
        ring_.advance(index, steps);
        return {};
      }
      if (st.error().code != Err::AUTH_FAILED) {
        out.clear();
        return st;
      }
    }
    out.clear();  // never leave unauthenticated plaintext behind
    return fail(Err::AUTH_FAILED, "no key of slot " + std::to_string(index) + " within " +
                                      std::to_string(ratchet_window_) +
                                      " ratchet steps opens the frame");
  }

  Status rekey(const Params& params) override {
    RTCSEAL_TRY(detail::Rekey r, detail::parse_rekey(params, ring_.size(), sender_index_));
    ring_.set(r.key_index, std::move(r.material));
    sender_index_ = r.key_index;
    return {};
  }

 private:
  Variant variant_;
  KeyRing ring_;
  size_t sender_index_;
  size_t ratchet_window_;
  uint32_t ssrc_;
  uint32_t rtp_timestamp_;
  uint32_t rtp_step_;
  uint64_t frame_limit_;
  uint64_t frames_ = 0;
  uint64_t send_count_;
  Bytes scratch_;
};

class FrameCryptorScheme final : public Scheme {
 public:
  std::string_view name() const override { return "framecryptor"; }

  Result<std::unique_ptr<Context>> configure(const Params& params) const override {
    RTCSEAL_TRY(Config config, detail::parse_config(params));
    // WebRTC draws SSRCs at random; both clients start the send count at a random value below
    // 0xFFFF (Math.floor(Math.random() * 0xffff), §5.6).
    auto r1 = crypto::random_u64();
    auto r2 = crypto::random_u64();
    if (!r1 || !r2) return fail(Err::ENCRYPT_INTERNAL, "random generator failed");
    const uint32_t ssrc = config.ssrc.value_or(static_cast<uint32_t>(*r1));
    return std::unique_ptr<Context>(
        new FrameCryptorContext(std::move(config), ssrc, *r2 % kSendCountModulus));
  }

  std::optional<std::string> native_error(Err code) const override {
    // LiveKit libwebrtc's FrameCryptionState (facts §3.2); Jitsi reports no state.
    switch (code) {
      case Err::UNKNOWN_KEY_ID:
        return "kMissingKey";
      case Err::AUTH_FAILED:
      case Err::MALFORMED_PACKET:
        return "kDecryptionFailed";
      case Err::ENCRYPT_INTERNAL:
        return "kEncryptionFailed";
      case Err::DECRYPT_INTERNAL:
        return "kInternalError";
      default:
        return std::nullopt;
    }
  }
};

}  // namespace

const Scheme& scheme() {
  static const FrameCryptorScheme instance;
  return instance;
}

}  // namespace rtcseal::framecryptor
