// The KID → key map of an SFrame context and its §5.1 ratchet window.
#include "sframe_key_store.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace rtcseal::sframe {

namespace {

// 2^(R-1) - 1: the most steps that can be told apart from as many steps back.
uint64_t distinguishable(unsigned bits) {
  return bits == 0 ? 0 : (uint64_t{1} << (bits - 1)) - 1;
}

}  // namespace

KeyStore::KeyStore(const Suite& suite, unsigned ratchet_bits)
    : suite_(&suite),
      bits_(ratchet_bits),
      mask_((uint64_t{1} << ratchet_bits) - 1),
      max_ahead_(ratchet_bits == 0 ? 0
                                   : std::min(std::max<uint64_t>(1, distinguishable(ratchet_bits)),
                                              kMaxRatchetSteps)),
      max_behind_(std::min(distinguishable(ratchet_bits), kMaxRatchetSteps)) {}

Result<KeyEntry> KeyStore::make_entry(uint64_t kid, uint64_t step, ByteView base_key) const {
  RTCSEAL_TRY(KeySalt ks, derive(*suite_, kid, base_key));
  RTCSEAL_TRY(Aead aead, Aead::create(*suite_, ks.key));
  return KeyEntry{std::move(aead), std::move(ks.salt), 0, step};
}

// The KIDs of one generation are the contiguous range generation << R .. | mask.
void KeyStore::forget_generation(uint64_t generation) {
  const uint64_t first = generation << bits_;
  keys_.erase(keys_.lower_bound(first), keys_.upper_bound(first | mask_));
}

Status KeyStore::add(uint64_t kid, ByteView base_key) {
  const uint64_t step = step_bits(kid);
  RTCSEAL_TRY(KeyEntry entry, make_entry(kid, step, base_key));
  if (auto held = keys_.find(kid); held != keys_.end()) entry.next_ctr = held->second.next_ctr;
  // A new base key restarts its generation's chain: keys ratcheted from the old one are stale.
  forget_generation(generation(kid));
  keys_.insert_or_assign(kid, std::move(entry));
  chains_.insert_or_assign(generation(kid), Chain{step, bits_ > 0 ? crypto::secret_copy(base_key)
                                                                  : crypto::SecretBytes{}});
  newest_generation_ = generation(kid);
  return {};
}

uint64_t KeyStore::sending_kid() const {
  return kid_of(newest_generation_, chains_.at(newest_generation_).step);
}

KeyEntry* KeyStore::find(uint64_t kid) {
  auto it = keys_.find(kid);
  return it == keys_.end() ? nullptr : &it->second;
}

Result<Pending> KeyStore::ratchet_to(uint64_t kid) const {
  auto chain = chains_.find(generation(kid));
  if (bits_ == 0 || chain == chains_.end()) {
    return fail(Err::UNKNOWN_KEY_ID, "no key for KID " + std::to_string(kid));
  }
  // Ratcheting only moves forward (§5.1); the distance is taken modulo 2^R.
  const uint64_t steps = step_bits(step_bits(kid) - step_bits(chain->second.step));
  if (steps == 0 || steps > max_ahead_ || chain->second.step > UINT64_MAX - steps) {
    return fail(Err::UNKNOWN_KEY_ID,
                "KID " + std::to_string(kid) + " names a ratchet step that is not held and not " +
                    "1.." + std::to_string(max_ahead_) + " steps ahead of the newest (it is " +
                    std::to_string(steps) + " ahead modulo 2^" + std::to_string(bits_) + ")");
  }
  crypto::SecretBytes base = chain->second.base_key;
  for (uint64_t i = 0; i < steps; ++i) {
    RTCSEAL_TRY(base, ratchet(*suite_, base));
  }
  const uint64_t step = chain->second.step + steps;
  RTCSEAL_TRY(KeyEntry entry, make_entry(kid, step, base));
  return Pending{kid, step, std::move(base), std::move(entry)};
}

KeyEntry& KeyStore::commit(Pending pending) {
  const uint64_t gen = generation(pending.kid);
  Chain& chain = chains_.at(gen);
  chain.step = pending.step;
  chain.base_key = std::move(pending.base_key);
  const uint64_t first = gen << bits_;
  for (auto it = keys_.lower_bound(first); it != keys_.end() && it->first <= (first | mask_);) {
    it = pending.step - it->second.step > max_behind_ ? keys_.erase(it) : std::next(it);
  }
  return keys_.insert_or_assign(pending.kid, std::move(pending.entry)).first->second;
}

}  // namespace rtcseal::sframe
