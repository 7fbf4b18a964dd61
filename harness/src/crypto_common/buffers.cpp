// The allocating forms of the keyed ciphers: each sizes a buffer and calls the backend's _into
// variant, so both backends share one definition.
#include "checks.h"
#include "rtcseal/crypto.h"

namespace rtcseal::crypto {

Result<Bytes> CipherKey::encrypt(ByteView iv, ByteView in) const {
  Bytes out(in.size());
  auto st = encrypt_into(iv, in, out.data());
  if (!st) return st.error();
  return out;
}

Result<Bytes> CipherKey::decrypt(ByteView iv, ByteView in) const {
  Bytes out(in.size());
  auto st = decrypt_into(iv, in, out.data());
  if (!st) return st.error();
  return out;
}

Result<Bytes> GcmKey::seal(ByteView nonce, ByteView aad, ByteView plaintext, size_t tag_len) const {
  // Checked before sizing the buffer, so a wild tag_len cannot overflow the size.
  if (auto st = check_gcm_sizes(nonce, plaintext.size(), tag_len, Err::ENCRYPT_INTERNAL); !st) {
    return st.error();
  }
  Bytes out(plaintext.size() + tag_len);
  auto st = seal_into(nonce, aad, plaintext, out.data(), tag_len);
  if (!st) return st.error();
  return out;
}

Result<Bytes> GcmKey::open(ByteView nonce, ByteView aad, ByteView ciphertext_and_tag,
                           size_t tag_len) const {
  // Checked before sizing the buffer, so the size cannot underflow.
  if (auto st = check_gcm_open_sizes(nonce, ciphertext_and_tag, tag_len); !st) return st.error();
  Bytes out(ciphertext_and_tag.size() - tag_len);
  auto st = open_into(nonce, aad, ciphertext_and_tag, out.data(), tag_len);
  if (!st) return st.error();
  return out;
}

Result<Bytes> hmac(Hash h, ByteView key, ByteView data) {
  return hmac_concat(h, key, std::span<const ByteView>(&data, 1));
}

}  // namespace rtcseal::crypto
