// The framecryptor parameters (docs/spec.md §5.2), checked in the order of its rule table.
#pragma once

#include <optional>

#include "rtcseal/framecryptor.h"

namespace rtcseal::framecryptor::detail {

struct Config {
  KeySchedule schedule;
  size_t ring_size = kDefaultRingSize;
  size_t key_index = 0;
  size_t ratchet_window = kDefaultRatchetWindow;
  std::optional<uint32_t> ssrc;  // absent: drawn at random by configure
  uint32_t rtp_timestamp = 0;
  uint32_t rtp_step = kDefaultRtpStep;
  crypto::SecretBytes material;
};

Result<Config> parse_config(const Params& params);

// rekey: `key` (required) into slot `key_index` (default: the slot the sender uses now).
struct Rekey {
  crypto::SecretBytes material;
  size_t key_index;
};
Result<Rekey> parse_rekey(const Params& params, size_t ring_size, size_t current_index);

}  // namespace rtcseal::framecryptor::detail
