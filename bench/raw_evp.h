// The baselines: direct OpenSSL 3 EVP calls doing a scheme's cipher work, written as a careful EVP
// user would. Every context is created and keyed once; per packet only the IV is set (and an HMAC
// is re-initialised with the key it already holds). This is the only code outside the crypto layer
// that calls OpenSSL.
#pragma once

#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "rtcseal/bytes.h"

namespace rtcseal::bench {

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
struct MacCtxFree {
  void operator()(EVP_MAC_CTX* c) const { EVP_MAC_CTX_free(c); }
};

// One cipher keyed for both directions: "AES-128-GCM", "AES-128-CTR", "AES-128-XTS", "SM4-ECB"...
// Padding is off. `ok()` is false when OpenSSL refused the name or the key.
class RawCipher {
 public:
  RawCipher(const char* name, ByteView key);
  bool ok() const { return enc_ && dec_; }

  // Unauthenticated modes: in.size() bytes to `out` (whole blocks for ECB).
  bool encrypt(const uint8_t* iv, ByteView in, uint8_t* out) const;
  bool decrypt(const uint8_t* iv, ByteView in, uint8_t* out) const;
  // GCM with a 12-byte IV: ciphertext to `out`, `tag_len` tag bytes to `tag`; open checks the tag
  // in DecryptFinal.
  bool seal(const uint8_t* iv, ByteView aad, ByteView in, uint8_t* out, uint8_t* tag,
            size_t tag_len) const;
  bool open(const uint8_t* iv, ByteView aad, ByteView in, const uint8_t* tag, size_t tag_len,
            uint8_t* out) const;

 private:
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> enc_, dec_;
};

// AES-GCM seal, then open, the way a library that keys per frame does it (cisco/sframe's OpenSSL 3
// back end): a new context, an implicit cipher fetch and a full key schedule for each call.
// `name` is "AES-128-GCM" or "AES-256-GCM".
bool gcm_round_trip_keyed_per_frame(const char* name, ByteView key, const uint8_t* iv, ByteView aad,
                                    ByteView in, uint8_t* ct, uint8_t* tag, size_t tag_len,
                                    uint8_t* out);

// HMAC keyed once ("SHA256" or "SHA512"); each mac() re-inits with that key.
class RawHmac {
 public:
  RawHmac(const char* digest, ByteView key);
  bool ok() const { return ctx_ != nullptr; }
  size_t size() const { return size_; }
  // The full MAC of the concatenated parts into `out` (size() bytes).
  bool mac(std::span<const ByteView> parts, uint8_t* out) const;

 private:
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx_;
  size_t size_ = 0;
};

}  // namespace rtcseal::bench
