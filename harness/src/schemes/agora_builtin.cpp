// Scheme "agora-builtin": the reference wire format and key derivation of docs/spec.md §2.
#include "rtcseal/agora_builtin.h"

#include <algorithm>
#include <array>
#include <optional>
#include <variant>

#include "rtcseal/big_endian.h"
#include "rtcseal/crypto.h"

namespace rtcseal::agora {

namespace {

using crypto::SecretBytes;

constexpr uint8_t kMediaAudio = 0, kMediaVideo = 1, kMediaData = 2;
constexpr std::string_view kLabelPrefix = "rtcseal agora-builtin v1 ";
constexpr size_t kSaltSize = 32;
constexpr uint64_t kCounterLimit = ~uint64_t{0};

uint8_t media_bits(Media m) {
  switch (m) {
    case Media::Audio:
      return kMediaAudio;
    case Media::Video:
      return kMediaVideo;
    case Media::Data:
      return kMediaData;
  }
  return kMediaAudio;
}

uint8_t make_header(Media m, size_t pad) {
  return static_cast<uint8_t>(kVersion << 6 | media_bits(m) << 4 | pad);
}

// Legacy modes (ECB, XTS) use the key string itself: truncated or zero-padded to the cipher key
// size. This is the weakness that the GCM modes' KDFs exist to fix (docs/spec.md §2.3).
SecretBytes legacy_key(std::string_view key, size_t size) {
  SecretBytes out(size, 0);
  std::copy_n(key.begin(), std::min(size, key.size()), out.begin());
  return out;
}

Result<SecretBytes> gcm_key(const ModeInfo& mode, std::string_view key) {
  std::string info = std::string(kLabelPrefix) + std::string(mode.native);
  return crypto::hkdf(crypto::Hash::Sha256, {}, as_bytes(key), as_bytes(info), mode.key_size);
}

Result<SecretBytes> gcm2_key(const ModeInfo& mode, std::string_view key, ByteView salt) {
  auto prk = crypto::pbkdf2(crypto::Hash::Sha256, as_bytes(key), salt, kGcm2Iterations, 32);
  if (!prk) return prk.error();
  std::string info = std::string(kLabelPrefix) + std::string(mode.native);
  return crypto::hkdf_expand(crypto::Hash::Sha256, *prk, as_bytes(info), mode.key_size);
}

Result<SecretBytes> decode_salt(const Params& params) {
  auto it = params.find("salt");
  if (it == params.end() || it->second.empty()) {
    return fail(Err::SALT_MISSING, "GCM2 modes need a 32-byte base64 salt");
  }
  auto salt = from_base64(it->second);
  if (!salt) return fail(Err::SALT_INVALID, "salt is not base64: " + salt.error().message);
  SecretBytes out = crypto::secret_copy(*salt);
  crypto::wipe(salt->data(), salt->size());
  if (out.size() != kSaltSize) {
    return fail(Err::SALT_INVALID,
                "salt decodes to " + std::to_string(out.size()) + " bytes, not 32");
  }
  if (std::all_of(out.begin(), out.end(), [](uint8_t b) { return b == 0; })) {
    return fail(Err::SALT_INVALID, "salt is all zero");
  }
  return out;
}

// The keyed cipher of one configuration.
using Keyed = std::variant<crypto::CipherKey, crypto::GcmKey>;

// The unauthenticated cipher of an ECB or XTS mode; GCM modes have none.
std::optional<crypto::Cipher> legacy_cipher(const ModeInfo& mode) {
  switch (mode.family) {
    case Family::Ecb:
      return mode.value == 4 ? crypto::Cipher::Sm4Ecb : crypto::Cipher::Aes128Ecb;
    case Family::Xts:
      return mode.key_size == 32 ? crypto::Cipher::Aes128Xts : crypto::Cipher::Aes256Xts;
    case Family::Gcm:
    case Family::Gcm2:
      return std::nullopt;
  }
  return std::nullopt;
}

Result<Keyed> derive(const ModeInfo& mode, const Params& params) {
  // A build whose crypto backend lacks the mode's cipher (BoringSSL: XTS, SM4) cannot run the
  // mode at all, so it says so before judging the key: its key rules are not checked either.
  const auto cipher = legacy_cipher(mode);
  if (cipher && !crypto::cipher_available(*cipher)) {
    return fail(Err::UNIMPLEMENTED, std::string(mode.name) + " needs a cipher this build lacks");
  }
  auto key_it = params.find("key");
  if (key_it == params.end() || key_it->second.empty()) {
    return fail(Err::KEY_MISSING, "key is missing or empty");
  }
  std::string_view key = key_it->second;
  switch (mode.family) {
    case Family::Ecb: {
      auto k = legacy_key(key, mode.key_size);
      auto ck = crypto::CipherKey::create(*cipher, k);
      if (!ck) return ck.error();
      return Keyed(std::move(ck).value());
    }
    case Family::Xts: {
      auto k = legacy_key(key, mode.key_size);
      size_t half = k.size() / 2;
      if (std::equal(k.begin(), k.begin() + half, k.begin() + half)) {
        return fail(Err::KEY_INVALID, "XTS key halves are equal");
      }
      auto ck = crypto::CipherKey::create(*cipher, k);
      if (!ck) return ck.error();
      return Keyed(std::move(ck).value());
    }
    case Family::Gcm:
    case Family::Gcm2: {
      Result<SecretBytes> k = fail(Err::ENCRYPT_INTERNAL);
      if (mode.family == Family::Gcm) {
        k = gcm_key(mode, key);
      } else {
        auto salt = decode_salt(params);
        if (!salt) return salt.error();
        k = gcm2_key(mode, key, *salt);
      }
      if (!k) return k.error();
      auto gk = crypto::GcmKey::create(*k);
      if (!gk) return gk.error();
      return Keyed(std::move(gk).value());
    }
  }
  return fail(Err::MODE_UNSUPPORTED);
}

Result<const ModeInfo*> parse_mode(const Params& params) {
  auto it = params.find("mode");
  // The vendor's default mode since 3.4.5 (facts §1.2).
  if (it == params.end()) return find_mode("AES_128_GCM2");
  const ModeInfo* mode = find_mode(it->second);
  if (mode == nullptr) return fail(Err::MODE_UNSUPPORTED, "unknown mode \"" + it->second + "\"");
  return mode;
}

Result<bool> parse_datastream(const Params& params) {
  auto it = params.find("datastream");
  if (it == params.end() || it->second == "false") return false;
  if (it->second == "true") return true;
  return fail(Err::MODE_UNSUPPORTED, "datastream must be true or false");
}

class AgoraContext final : public Context {
 public:
  AgoraContext(const ModeInfo& mode, Keyed keyed, bool datastream, Params params,
               uint32_t sender_id, uint64_t counter)
      : mode_(&mode),
        keyed_(std::move(keyed)),
        datastream_(datastream),
        params_(std::move(params)),
        sender_id_(sender_id),
        counter_(counter) {
    // The key string is needed again only by rekey, which overrides it; do not keep it.
    params_.erase("key");
  }

  Status protect_into(const ProtectInput& in, Bytes& out) override {
    if (in.media == Media::Data && !datastream_) {
      out.assign(in.payload.begin(), in.payload.end());  // sent in the clear (§2.6)
      return {};
    }
    switch (mode_->family) {
      case Family::Ecb:
        return protect_ecb(in, out);
      case Family::Xts:
      case Family::Gcm:
      case Family::Gcm2:
        return protect_with_id(in, out);
    }
    return fail(Err::ENCRYPT_INTERNAL);
  }

  Status unprotect_into(const UnprotectInput& in, Bytes& out) override {
    if (in.media == Media::Data && !datastream_) {
      out.assign(in.packet.begin(), in.packet.end());
      return {};
    }
    ByteView pkt = in.packet;
    if (pkt.size() < min_packet_size(mode_->family)) {
      return fail(Err::MALFORMED_PACKET, "packet of " + std::to_string(pkt.size()) +
                                             " bytes is shorter than the minimum " +
                                             std::to_string(min_packet_size(mode_->family)));
    }
    uint8_t h = pkt[0];
    if (h >> 6 != kVersion) return fail(Err::MALFORMED_PACKET, "unknown header version");
    if ((h >> 4 & 3) != media_bits(in.media)) {
      return fail(Err::MALFORMED_PACKET, "header media kind differs from the stream's");
    }
    size_t pad = h & 0x0f;
    switch (mode_->family) {
      case Family::Ecb:
        return unprotect_ecb(pkt, pad, out);
      case Family::Xts:
        return unprotect_xts(pkt, pad, out);
      case Family::Gcm:
      case Family::Gcm2:
        return unprotect_gcm(pkt, pad, out);
    }
    return fail(Err::DECRYPT_INTERNAL);
  }

  Status rekey(const Params& params) override {
    Params merged = params_;
    for (const auto& [k, v] : params) merged[k] = v;
    auto mode = parse_mode(merged);
    if (!mode) return mode.error();
    auto ds = parse_datastream(merged);
    if (!ds) return ds.error();
    auto keyed = derive(**mode, merged);
    if (!keyed) return keyed.error();
    merged.erase("key");
    mode_ = *mode;
    keyed_ = std::move(keyed).value();
    datastream_ = *ds;
    params_ = std::move(merged);
    return {};
  }

 private:
  // Packet id = BE32(sender id) || BE64(counter): the GCM nonce and the XTS tweak prefix.
  // A fixed-size array, so the per-packet path makes no heap allocation for it.
  using PacketId = std::array<uint8_t, kPacketIdSize>;
  Result<PacketId> next_packet_id(const ProtectInput& in) {
    if (in.kid && *in.kid > 0xffffffffu) {
      return fail(Err::ENCRYPT_INTERNAL, "pinned kid exceeds 32 bits");
    }
    uint64_t ctr = 0;
    if (in.ctr) {
      ctr = *in.ctr;
    } else {
      if (counter_ == kCounterLimit) return fail(Err::ENCRYPT_INTERNAL, "packet counter exhausted");
      ctr = counter_++;
    }
    uint64_t kid = in.kid ? *in.kid : sender_id_;
    PacketId id;
    store_be(id.data(), kid, 4);
    store_be(id.data() + 4, ctr, 8);
    return id;
  }

  // `out` may hold an earlier packet: every byte of the new one is written, padding included.
  Status protect_ecb(const ProtectInput& in, Bytes& out) {
    const auto& ck = std::get<crypto::CipherKey>(keyed_);
    size_t pad = (kBlockSize - in.payload.size() % kBlockSize) % kBlockSize;
    out.resize(kHeaderSize + in.payload.size() + pad);
    out[0] = make_header(in.media, pad);
    // Whole blocks are encrypted straight from the payload; only a padded payload is staged in
    // `out` first. ECB is per block, so the bytes are the same either way.
    ByteView body = in.payload;
    if (pad != 0) {
      auto end = std::copy(in.payload.begin(), in.payload.end(), out.begin() + kHeaderSize);
      std::fill(end, out.end(), 0);
      body = ByteView(out.data() + kHeaderSize, out.size() - kHeaderSize);
    }
    if (body.empty()) return {};
    return ck.encrypt_into({}, body, out.data() + kHeaderSize);
  }

  Status protect_with_id(const ProtectInput& in, Bytes& out) {
    auto id = next_packet_id(in);
    if (!id) return id.error();
    bool xts = mode_->family == Family::Xts;
    // XTS cannot encrypt fewer than 16 bytes: short payloads are zero-padded to one block.
    size_t pad = xts && !in.payload.empty() && in.payload.size() < kBlockSize
                     ? kBlockSize - in.payload.size()
                     : 0;
    size_t prefix = kHeaderSize + kPacketIdSize;
    size_t body = in.payload.size() + pad;
    out.resize(prefix + body + (xts ? 0 : kTagSize));
    out[0] = make_header(in.media, pad);
    std::copy(id->begin(), id->end(), out.begin() + kHeaderSize);
    if (xts) {
      if (body == 0) return {};
      // Only a short, padded payload needs staging; otherwise encrypt straight from the payload
      // and skip a copy of the whole body.
      ByteView src = in.payload;
      if (pad != 0) {
        auto end = std::copy(in.payload.begin(), in.payload.end(), out.begin() + prefix);
        std::fill(end, out.end(), 0);
        src = ByteView(out.data() + prefix, body);
      }
      uint8_t tweak[kBlockSize] = {};
      std::copy(id->begin(), id->end(), tweak);
      return std::get<crypto::CipherKey>(keyed_).encrypt_into(tweak, src, out.data() + prefix);
    }
    return std::get<crypto::GcmKey>(keyed_).seal_into(*id, ByteView(out.data(), prefix), in.payload,
                                                      out.data() + prefix);
  }

  Status unprotect_ecb(ByteView pkt, size_t pad, Bytes& out) {
    ByteView body = pkt.subspan(kHeaderSize);
    if (body.size() % kBlockSize != 0) {
      return fail(Err::MALFORMED_PACKET, "ECB body is not a whole number of blocks");
    }
    if (pad >= kBlockSize || (body.empty() && pad != 0)) {
      return fail(Err::MALFORMED_PACKET, "padding length exceeds the body");
    }
    out.resize(body.size());
    if (!body.empty()) {
      auto st = std::get<crypto::CipherKey>(keyed_).decrypt_into({}, body, out.data());
      if (!st) return st;
    }
    out.resize(body.size() - pad);
    return {};
  }

  Status unprotect_xts(ByteView pkt, size_t pad, Bytes& out) {
    ByteView id = pkt.subspan(kHeaderSize, kPacketIdSize);
    ByteView body = pkt.subspan(kHeaderSize + kPacketIdSize);
    bool one_block = body.size() == kBlockSize;
    if ((!body.empty() && body.size() < kBlockSize) || (pad != 0 && !one_block)) {
      return fail(Err::MALFORMED_PACKET, "XTS body length and padding disagree");
    }
    out.resize(body.size());
    if (!body.empty()) {
      uint8_t tweak[kBlockSize] = {};
      std::copy(id.begin(), id.end(), tweak);
      auto st = std::get<crypto::CipherKey>(keyed_).decrypt_into(tweak, body, out.data());
      if (!st) return st;
    }
    out.resize(body.size() - pad);
    return {};
  }

  Status unprotect_gcm(ByteView pkt, size_t pad, Bytes& out) {
    if (pad != 0) return fail(Err::MALFORMED_PACKET, "GCM packets carry no padding");
    size_t prefix = kHeaderSize + kPacketIdSize;
    ByteView sealed = pkt.subspan(prefix);
    out.resize(sealed.size() - kTagSize);
    auto st = std::get<crypto::GcmKey>(keyed_).open_into(pkt.subspan(kHeaderSize, kPacketIdSize),
                                                         pkt.first(prefix), sealed, out.data());
    if (!st) out.clear();  // never leave unauthenticated plaintext behind
    return st;
  }

  const ModeInfo* mode_;
  Keyed keyed_;
  bool datastream_;
  Params params_;
  uint32_t sender_id_;
  uint64_t counter_;
};

class AgoraScheme final : public Scheme {
 public:
  std::string_view name() const override { return "agora-builtin"; }

  Result<std::unique_ptr<Context>> configure(const Params& params) const override {
    auto mode = parse_mode(params);
    if (!mode) return mode.error();
    auto ds = parse_datastream(params);
    if (!ds) return ds.error();
    auto keyed = derive(**mode, params);
    if (!keyed) return keyed.error();
    // A random sender id and a random start counter below 2^63 make a nonce collision between
    // senders sharing a key negligible and leave 2^63 packets before exhaustion (§2.4).
    auto r1 = crypto::random_u64();
    auto r2 = crypto::random_u64();
    if (!r1 || !r2) return fail(Err::ENCRYPT_INTERNAL, "random generator failed");
    return std::unique_ptr<Context>(new AgoraContext(**mode, std::move(keyed).value(), *ds, params,
                                                     static_cast<uint32_t>(*r1), *r2 >> 1));
  }

  std::optional<std::string> native_error(Err code) const override {
    // enableEncryption() return values (facts §1.3).
    switch (code) {
      case Err::KEY_MISSING:
      case Err::KEY_INVALID:
      case Err::SALT_MISSING:
      case Err::SALT_INVALID:
        return "-2";
      case Err::MODE_UNSUPPORTED:
        return "-4";
      case Err::NOT_INITIALIZED:
        return "-7";
      default:
        return std::nullopt;
    }
  }
};

}  // namespace

const Scheme& scheme() {
  static const AgoraScheme instance;
  return instance;
}

}  // namespace rtcseal::agora
