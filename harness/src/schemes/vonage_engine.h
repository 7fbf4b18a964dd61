// Internals shared by the two vonage-e2ee engines (docs/spec.md §4.5-4.7). Both send
//   clear prefix ‖ SFrame header ‖ AES-128-CTR ciphertext ‖ truncated HMAC-SHA256 tag;
// an engine supplies only what differs: its header layout, key schedule, counter block, MAC input,
// tag length and whether the clear prefix is encrypted too. The frame assembly itself lives once,
// in vonage_frame.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

#include "rtcseal/crypto.h"
#include "rtcseal/vonage_e2ee.h"
#include "vonage_header.h"

namespace rtcseal::vonage::detail {

using CounterBlock = std::array<uint8_t, 16>;
inline constexpr size_t kMacSize = 32;  // HMAC-SHA256
using Mac = std::array<uint8_t, kMacSize>;

// The pieces of one frame that the tag may cover.
struct FrameParts {
  ByteView clear;       // the codec bytes sent in the clear
  ByteView header;      // the SFrame header
  ByteView metadata;    // caller metadata (ProtectInput::metadata)
  ByteView ciphertext;  // without the tag
  const CounterBlock& block;
};

class EngineCrypto {
 public:
  virtual ~EngineCrypto() = default;
  virtual const HeaderLayout& header_layout() const = 0;
  virtual size_t tag_size(Media media) const = 0;
  // True when the ciphertext covers the whole frame, clear prefix included (legacy), false when
  // it covers only the bytes after the prefix (draft01).
  virtual bool encrypts_clear_bytes() const = 0;
  // The initial AES-CTR counter block of the frame with this KID and CTR.
  virtual CounterBlock counter_block(uint64_t kid, uint64_t ctr) const = 0;
  // The full HMAC-SHA256 over what this engine authenticates, into `out` (kMacSize bytes); the
  // caller truncates it.
  virtual Status mac(const FrameParts& parts, uint8_t* out) const = 0;
  const crypto::CipherKey& cipher() const { return cipher_; }

 protected:
  explicit EngineCrypto(crypto::CipherKey cipher) : cipher_(std::move(cipher)) {}

 private:
  crypto::CipherKey cipher_;
};

// Keys each engine from the 32-byte master key K (§4.4); run once per configure or rekey.
Result<std::unique_ptr<EngineCrypto>> make_legacy_crypto(ByteView master_key);
Result<std::unique_ptr<EngineCrypto>> make_draft01_crypto(ByteView master_key);

// How many leading bytes of `frame` stay in the clear (§4.7): CODEC_UNSUPPORTED for a media and
// codec pair the engine does not carry, MALFORMED_PACKET when the codec header cannot be parsed.
// A receiver applies it to the packet, whose leading bytes are the sender's clear bytes.
Result<size_t> clear_prefix(Engine engine, Media media, Codec codec, ByteView frame);

// clear ‖ header ‖ ciphertext ‖ tag, into `out`. kid and ctr must fit the header layout.
Status seal_frame(const EngineCrypto& engine, Media media, size_t clear_len, ByteView payload,
                  ByteView metadata, uint64_t kid, uint64_t ctr, Bytes& out);

// The inverse. After the tag verifies, a frame whose KID differs from `expected_kid` (when set)
// is UNKNOWN_KEY_ID: the shared key authenticates the session, not the sender.
Status open_frame(const EngineCrypto& engine, Media media, size_t clear_len, ByteView packet,
                  ByteView metadata, std::optional<uint64_t> expected_kid, Bytes& out);

}  // namespace rtcseal::vonage::detail
