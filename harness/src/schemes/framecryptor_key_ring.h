// The framecryptor key ring (docs/spec.md §5.7): one slot per key index, each holding key
// material whose keys, and those of the next ratchet steps, are derived on first use and kept.
#pragma once

#include <optional>
#include <vector>

#include "rtcseal/framecryptor.h"

namespace rtcseal::framecryptor::detail {

// One step of a key schedule: K(M) and R(M).
struct KeyStep {
  crypto::SecretBytes key;
  crypto::SecretBytes next;
};
Result<KeyStep> key_step(const KeySchedule& schedule, ByteView material);

class KeyRing {
 public:
  KeyRing(KeySchedule schedule, size_t size);

  size_t size() const { return slots_.size(); }
  bool holds(size_t index) const { return index < slots_.size() && slots_[index].has_value(); }
  // Replaces the material of slot `index` (< size()) and forgets what was derived from the old.
  void set(size_t index, crypto::SecretBytes material);
  // The GCM key of slot `index` (which holds material) after `steps` ratchet steps.
  Result<const crypto::GcmKey*> key(size_t index, size_t steps);
  // Moves slot `index` forward by `steps` ratchet steps (already derived by key()).
  void advance(size_t index, size_t steps);

 private:
  struct Derived {
    crypto::GcmKey key;
    crypto::SecretBytes next;  // the material one step further
  };
  struct Slot {
    crypto::SecretBytes material;
    std::vector<Derived> steps;  // steps[k]: the key of R^k(material) and R^(k+1)(material)
  };

  KeySchedule schedule_;
  std::vector<std::optional<Slot>> slots_;
};

}  // namespace rtcseal::framecryptor::detail
