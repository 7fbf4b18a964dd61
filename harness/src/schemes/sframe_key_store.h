// The keys one SFrame context holds, by KID (RFC 9605 §4.4.1), with the sender-key ratchet of
// §5.1 when ratchet_bits R > 0: KID = (key_generation << R) | (ratchet_step mod 2^R). Keys are
// derived once per KID, when added or first ratcheted to, never per packet.
//
// Only the low R bits of a step travel, so a KID's step is read relative to the newest step held
// (docs/spec.md §3.5): up to 2^(R-1) - 1 steps ahead it is a later step to ratchet to (at least
// one step even when R = 1), and otherwise an earlier one, usable only while its key is still
// held. Earlier steps are held up to 2^(R-1) - 1 behind the newest, so the two ranges never name
// the same KID. Both ranges are also capped at kMaxRatchetSteps.
#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include "rtcseal/sframe.h"

namespace rtcseal::sframe {

// One KID's keyed AEAD and salt, and the next CTR to send with.
struct KeyEntry {
  Aead aead;
  crypto::SecretBytes salt;
  std::optional<uint64_t> next_ctr = 0;  // nullopt once CTR 2^64-1 has been used
  uint64_t step = 0;                     // the full ratchet step; 0 without ratcheting
};

// A key ratcheted forward for one packet. A receiver holds it only once that packet has
// authenticated, so a forged KID cannot move the ratchet or evict older keys.
struct Pending {
  uint64_t kid;
  uint64_t step;
  crypto::SecretBytes base_key;
  KeyEntry entry;
};

class KeyStore {
 public:
  KeyStore(const Suite& suite, unsigned ratchet_bits);

  // configure and rekey: holds `base_key` under `kid` and makes its key generation the one
  // protect sends with. Re-adding a held KID keeps its counter, so a CTR is never used twice.
  Status add(uint64_t kid, ByteView base_key);
  // The KID protect uses when none is pinned: the current step of the newest key generation.
  uint64_t sending_kid() const;
  // The held key for `kid`, or nullptr.
  KeyEntry* find(uint64_t kid);
  // The key for a KID that is not held, ratcheted forward from its generation's newest step;
  // UNKNOWN_KEY_ID when there is no such generation or the step is not ahead within the limit.
  Result<Pending> ratchet_to(uint64_t kid) const;
  // Holds a pending key from now on and forgets the keys of its generation that fell more than
  // the backward range behind it.
  KeyEntry& commit(Pending pending);

 private:
  struct Chain {
    uint64_t step;                 // the newest ratchet step held
    crypto::SecretBytes base_key;  // base_key at that step; kept only when R > 0
  };
  uint64_t generation(uint64_t kid) const { return kid >> bits_; }
  uint64_t step_bits(uint64_t step) const { return step & mask_; }
  uint64_t kid_of(uint64_t generation, uint64_t step) const {
    return generation << bits_ | step_bits(step);
  }
  Result<KeyEntry> make_entry(uint64_t kid, uint64_t step, ByteView base_key) const;
  void forget_generation(uint64_t generation);

  const Suite* suite_;
  unsigned bits_;
  uint64_t mask_;
  uint64_t max_ahead_;                 // steps a KID may be ahead and still be ratcheted to
  uint64_t max_behind_;                // steps an earlier key stays held behind the newest
  std::map<uint64_t, Chain> chains_;   // by key generation
  std::map<uint64_t, KeyEntry> keys_;  // by KID
  uint64_t newest_generation_ = 0;
};

}  // namespace rtcseal::sframe
