// The frame layout both vonage-e2ee engines share (docs/spec.md §4.5):
//   clear prefix C ‖ SFrame header ‖ AES-128-CTR ciphertext E ‖ truncated tag,
// where E encrypts the whole frame (legacy) or the frame after C (draft01).
#include <algorithm>
#include <string>

#include "vonage_engine.h"

namespace rtcseal::vonage::detail {

Status seal_frame(const EngineCrypto& engine, Media media, size_t clear_len, ByteView payload,
                  ByteView metadata, uint64_t kid, uint64_t ctr, Bytes& out) {
  HeaderBytes header;
  const size_t header_len = write_header(engine.header_layout(), kid, ctr, header);
  const size_t tag_len = engine.tag_size(media);
  const ByteView clear = payload.first(clear_len);
  const ByteView body = engine.encrypts_clear_bytes() ? payload : payload.subspan(clear_len);
  out.resize(clear_len + header_len + body.size() + tag_len);
  std::copy(clear.begin(), clear.end(), out.begin());
  std::copy_n(header.begin(), header_len, out.begin() + static_cast<std::ptrdiff_t>(clear_len));
  uint8_t* ct = out.data() + clear_len + header_len;
  const CounterBlock block = engine.counter_block(kid, ctr);
  if (!body.empty()) {
    if (auto st = engine.cipher().encrypt_into(block, body, ct); !st) return st;
  }
  Mac mac;
  if (auto st = engine.mac(
          {clear, ByteView(header.data(), header_len), metadata, ByteView(ct, body.size()), block},
          mac.data());
      !st) {
    return st;
  }
  std::copy_n(mac.begin(), tag_len, ct + body.size());
  return {};
}

Status open_frame(const EngineCrypto& engine, Media media, size_t clear_len, ByteView packet,
                  ByteView metadata, std::optional<uint64_t> expected_kid, Bytes& out) {
  const ByteView clear = packet.first(clear_len);
  const ByteView rest = packet.subspan(clear_len);
  RTCSEAL_TRY(const Header h, parse_header(engine.header_layout(), rest));
  const size_t tag_len = engine.tag_size(media);
  if (rest.size() - h.size < tag_len) {
    return fail(Err::MALFORMED_PACKET,
                "no room for the " + std::to_string(tag_len) + "-byte tag after the SFrame header");
  }
  const ByteView ct = rest.subspan(h.size, rest.size() - h.size - tag_len);
  const bool whole_frame = engine.encrypts_clear_bytes();
  if (whole_frame && ct.size() < clear_len) {
    return fail(Err::MALFORMED_PACKET, "the ciphertext is shorter than the clear bytes it covers");
  }
  const CounterBlock block = engine.counter_block(h.kid, h.ctr);
  Mac mac;
  if (auto st = engine.mac({clear, rest.first(h.size), metadata, ct, block}, mac.data()); !st) {
    return st;
  }
  if (!crypto::ct_equal(ByteView(mac).first(tag_len), rest.last(tag_len))) {
    return fail(Err::AUTH_FAILED, "the frame's tag does not verify");
  }
  // Checked only after the tag, so that a forged frame cannot probe which KIDs are expected.
  if (expected_kid && h.kid != *expected_kid) {
    return fail(Err::UNKNOWN_KEY_ID, "the frame comes from KID " + std::to_string(h.kid) +
                                         ", the receiver expects " + std::to_string(*expected_kid));
  }
  const size_t offset = whole_frame ? 0 : clear_len;
  out.resize(offset + ct.size());
  if (!ct.empty()) {
    if (auto st = engine.cipher().decrypt_into(block, ct, out.data() + offset); !st) return st;
  }
  // The clear bytes as received replace whatever their encrypted copy decrypted to.
  std::copy(clear.begin(), clear.end(), out.begin());
  return {};
}

}  // namespace rtcseal::vonage::detail
