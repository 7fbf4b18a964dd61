// The crypto layer: the only code in the harness that calls a crypto library. Every cipher, MAC,
// KDF and random byte goes through here, so a reviewer can audit one folder per backend. Two
// backends implement it: src/crypto (OpenSSL, the reference) and src/crypto_boringssl (the
// BoringSSL shim, docs/boringssl.md). Nothing throws; errors come back as Result values carrying
// ENCRYPT_INTERNAL / DECRYPT_INTERNAL / AUTH_FAILED, or UNIMPLEMENTED for a cipher the backend
// lacks.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>

#include "rtcseal/bytes.h"
#include "rtcseal/result.h"

namespace rtcseal::crypto {

// Overwrites memory in a way the optimiser cannot remove.
void wipe(void* data, size_t size);

// An allocator that wipes every buffer it releases, including the old buffer on reallocation.
template <typename T>
struct WipingAllocator {
  using value_type = T;
  WipingAllocator() = default;
  template <typename U>
  WipingAllocator(const WipingAllocator<U>&) {}  // NOLINT(google-explicit-constructor)
  T* allocate(size_t n) { return std::allocator<T>{}.allocate(n); }
  void deallocate(T* p, size_t n) {
    wipe(p, n * sizeof(T));
    std::allocator<T>{}.deallocate(p, n);
  }
  template <typename U>
  bool operator==(const WipingAllocator<U>&) const {
    return true;
  }
};

// Key material: wiped when it goes out of scope.
using SecretBytes = std::vector<uint8_t, WipingAllocator<uint8_t>>;

inline SecretBytes secret_copy(ByteView data) {
  return SecretBytes(data.begin(), data.end());
}

// Constant-time equality. Different lengths compare unequal (length is not secret).
bool ct_equal(ByteView a, ByteView b);

// Cryptographically secure random bytes from the backend's DRBG.
Result<Bytes> random_bytes(size_t n);
Result<uint64_t> random_u64();

enum class Hash { Sha256, Sha512 };
size_t hash_size(Hash h);

Result<Bytes> hmac(Hash h, ByteView key, ByteView data);
// HMAC of the concatenation of `parts`, without building it: for MACs over a length prefix,
// a nonce and a large ciphertext that live in different buffers (RFC 9605 §4.5.1).
Result<Bytes> hmac_concat(Hash h, ByteView key, std::span<const ByteView> parts);
// HMAC keyed once, for per-packet tags: the key schedule runs in create(), and each mac_into only
// re-initialises the keyed context, with no allocation. Not thread-safe (it reuses that context):
// use one per thread.
class HmacKey {
 public:
  static Result<HmacKey> create(Hash h, ByteView key);
  size_t size() const;  // the full MAC length, hash_size(h)
  // Writes the full MAC of the concatenation of `parts` to `out` (size() bytes).
  Status mac_into(std::span<const ByteView> parts, uint8_t* out) const;

  HmacKey(HmacKey&&) noexcept;
  HmacKey& operator=(HmacKey&&) noexcept;
  ~HmacKey();

 private:
  struct Impl;
  explicit HmacKey(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// RFC 5869. An empty salt means HashLen zero bytes, as the RFC says.
Result<SecretBytes> hkdf_extract(Hash h, ByteView salt, ByteView ikm);
Result<SecretBytes> hkdf_expand(Hash h, ByteView prk, ByteView info, size_t length);
Result<SecretBytes> hkdf(Hash h, ByteView salt, ByteView ikm, ByteView info, size_t length);
// RFC 8018 PBKDF2 with HMAC.
Result<SecretBytes> pbkdf2(Hash h, ByteView password, ByteView salt, uint32_t iterations,
                           size_t length);

// Unauthenticated ciphers. One keyed context per direction is built once and reused per packet,
// so the key schedule never runs on the hot path. Because calls reuse those contexts, a CipherKey
// or GcmKey is not thread-safe: use one per thread.
enum class Cipher {
  Aes128Ecb,
  Aes256Ecb,
  Sm4Ecb,
  Aes128Xts,  // key = K1 || K2, 32 bytes; iv = 16-byte tweak
  Aes256Xts,  // key = K1 || K2, 64 bytes
  Aes128Ctr,  // iv = 16-byte initial counter block
  Aes256Ctr,
};
size_t cipher_key_size(Cipher c);
size_t cipher_iv_size(Cipher c);  // 0 for ECB
// Whether this backend has `c` (BoringSSL has no XTS and no SM4). CipherKey::create fails with
// UNIMPLEMENTED for a cipher that is not available, so schemes can answer UNIMPLEMENTED too.
bool cipher_available(Cipher c);

class CipherKey {
 public:
  // ECB takes whole blocks only (no padding); XTS takes at least 16 bytes.
  static Result<CipherKey> create(Cipher cipher, ByteView key);
  Result<Bytes> encrypt(ByteView iv, ByteView in) const;
  Result<Bytes> decrypt(ByteView iv, ByteView in) const;
  // In-place variants write `in.size()` bytes to `out`, which may be `in.data()` itself but must
  // not otherwise overlap `in`. With K1 == K2, OpenSSL 3 still decrypts XTS but encrypt() fails.
  Status encrypt_into(ByteView iv, ByteView in, uint8_t* out) const;
  Status decrypt_into(ByteView iv, ByteView in, uint8_t* out) const;

  CipherKey(CipherKey&&) noexcept;
  CipherKey& operator=(CipherKey&&) noexcept;
  ~CipherKey();

 private:
  struct Impl;
  explicit CipherKey(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// AES-GCM with a key of 16 or 32 bytes, any nonce length the backend accepts (> 0) and tags of
// 4..16 bytes. seal() returns ciphertext || tag; open() checks the tag in constant time
// (inside the crypto library) and fails with AUTH_FAILED.
class GcmKey {
 public:
  static Result<GcmKey> create(ByteView key);
  Result<Bytes> seal(ByteView nonce, ByteView aad, ByteView plaintext, size_t tag_len = 16) const;
  Result<Bytes> open(ByteView nonce, ByteView aad, ByteView ciphertext_and_tag,
                     size_t tag_len = 16) const;
  // Writes plaintext.size() + tag_len bytes to `out`.
  Status seal_into(ByteView nonce, ByteView aad, ByteView plaintext, uint8_t* out,
                   size_t tag_len = 16) const;
  // Writes ciphertext_and_tag.size() - tag_len bytes to `out`.
  Status open_into(ByteView nonce, ByteView aad, ByteView ciphertext_and_tag, uint8_t* out,
                   size_t tag_len = 16) const;

  GcmKey(GcmKey&&) noexcept;
  GcmKey& operator=(GcmKey&&) noexcept;
  ~GcmKey();

 private:
  struct Impl;
  explicit GcmKey(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rtcseal::crypto
