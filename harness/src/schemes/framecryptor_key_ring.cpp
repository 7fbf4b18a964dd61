// The framecryptor key ring (docs/spec.md §5.7). Deriving lazily keeps hostile frames cheap: a
// frame rejected before its tag is checked never costs a PBKDF2 run.
#include "framecryptor_key_ring.h"

namespace rtcseal::framecryptor::detail {

KeyRing::KeyRing(KeySchedule schedule, size_t size)
    : schedule_(std::move(schedule)), slots_(size) {}

void KeyRing::set(size_t index, crypto::SecretBytes material) {
  slots_[index] = Slot{std::move(material), {}};
}

Result<const crypto::GcmKey*> KeyRing::key(size_t index, size_t steps) {
  Slot& slot = *slots_[index];
  while (slot.steps.size() <= steps) {
    const crypto::SecretBytes& material =
        slot.steps.empty() ? slot.material : slot.steps.back().next;
    RTCSEAL_TRY(KeyStep step, key_step(schedule_, material));
    RTCSEAL_TRY(crypto::GcmKey gcm, crypto::GcmKey::create(step.key));
    slot.steps.push_back({std::move(gcm), std::move(step.next)});
  }
  return &slot.steps[steps].key;
}

void KeyRing::advance(size_t index, size_t steps) {
  if (steps == 0) return;
  Slot& slot = *slots_[index];
  slot.material = slot.steps[steps - 1].next;
  slot.steps.erase(slot.steps.begin(), slot.steps.begin() + static_cast<std::ptrdiff_t>(steps));
}

}  // namespace rtcseal::framecryptor::detail
