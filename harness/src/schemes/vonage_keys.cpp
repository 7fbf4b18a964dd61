// Key material of vonage-e2ee (docs/spec.md §4.4, facts §2.3): the PBKDF2 master key both engines
// start from, and each engine's sender KID.
#include "rtcseal/vonage_e2ee.h"

namespace rtcseal::vonage {

Result<crypto::SecretBytes> master_key(std::string_view secret, std::string_view session_id) {
  return crypto::pbkdf2(crypto::Hash::Sha256, as_bytes(secret), as_bytes(session_id),
                        kPbkdf2Iterations, kMasterKeySize);
}

uint64_t legacy_kid(std::string_view connection_id) {
  uint64_t kid = 0;
  size_t digits = 0;
  for (char c : connection_id) {
    if (digits == kLegacyKidDigits) break;
    if (c < '0' || c > '9') continue;
    kid = kid * 10 + static_cast<uint64_t>(c - '0');
    ++digits;
  }
  return kid;
}

Result<uint64_t> draft01_kid(std::string_view connection_id, std::string_view session_id) {
  // PBKDF2's first output block does not depend on dkLen, so one 32-byte block gives the same
  // leading 6 bytes as any other length would.
  RTCSEAL_TRY(auto dk, crypto::pbkdf2(crypto::Hash::Sha256, as_bytes(connection_id),
                                      as_bytes(session_id), kPbkdf2Iterations, 32));
  return get_be(ByteView(dk).first(kDraft01KidBytes));
}

}  // namespace rtcseal::vonage
