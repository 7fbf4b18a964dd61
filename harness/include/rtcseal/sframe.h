// Scheme "sframe": Secure Frame, RFC 9605, with all five cipher suites of its §4.5, the header of
// §4.3, the key schedule of §4.4.2 and the sender-key ratchet of §5.1. The small functions below
// are the building blocks of the scheme and are exposed so that the sframe-wg test-vector reader
// and the tests can check each one against the published values (docs/spec.md §3).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "rtcseal/bytes.h"
#include "rtcseal/crypto.h"
#include "rtcseal/result.h"
#include "rtcseal/scheme.h"

namespace rtcseal::sframe {

// ---- Cipher suites (RFC 9605 §4.5 Table 1, identifiers from §8.1) ----

enum class AeadKind { AesCtrHmac, AesGcm };

struct Suite {
  uint16_t id;            // the IANA value, also mixed into the key labels
  std::string_view name;  // e.g. AES_128_CTR_HMAC_SHA256_80
  crypto::Hash hash;      // for HKDF and, in AES-CTR suites, HMAC
  size_t nh;              // hash output size
  size_t nka;             // AES key inside the compound AEAD key (0 for GCM)
  size_t nk;              // AEAD key size: nka + nh for AES-CTR suites
  size_t nn;              // nonce size
  size_t nt;              // tag size
  AeadKind aead;
};

std::span<const Suite> suites();
// By IANA value (1..5); nullptr when RFC 9605 defines no such suite.
const Suite* find_suite(uint64_t id);

// Every RFC 9605 suite has a 12-byte nonce, so a nonce fits a fixed array.
inline constexpr size_t kNonceSize = 12;

// ---- Header (§4.3) ----

// Config byte plus at most 8 KID bytes and 8 CTR bytes.
inline constexpr size_t kMaxHeaderSize = 17;

struct Header {
  uint64_t kid = 0;
  uint64_t ctr = 0;
  size_t size = 0;  // bytes of the encoded header at the start of the packet
};

// Reads the header at the start of `packet`. MALFORMED_PACKET when the packet ends inside it or
// when a KID or CTR is not in its minimal encoding (§4.3 "MUST be encoded with the minimum number
// of bytes").
Result<Header> parse_header(ByteView packet);
// Appends the minimal encoding of (kid, ctr) to `out`; encode_header returns it alone.
void append_header(Bytes& out, uint64_t kid, uint64_t ctr);
Bytes encode_header(uint64_t kid, uint64_t ctr);

// ---- Key schedule (§4.4.2, §4.4.3, §5.1) ----

// sframe_secret = HKDF-Extract("", base_key).
Result<crypto::SecretBytes> extract_secret(const Suite& suite, ByteView base_key);
// "SFrame 1.0 Secret key " + BE8(kid) + BE2(suite id), and the same with "Secret salt ".
Bytes key_label(const Suite& suite, uint64_t kid);
Bytes salt_label(const Suite& suite, uint64_t kid);

struct KeySalt {
  crypto::SecretBytes key;   // sframe_key, Nk bytes
  crypto::SecretBytes salt;  // sframe_salt, Nn bytes
};
Result<KeySalt> derive(const Suite& suite, uint64_t kid, ByteView base_key);

// nonce = sframe_salt XOR BE_Nn(ctr). `salt` must be kNonceSize bytes.
using Nonce = std::array<uint8_t, kNonceSize>;
Nonce make_nonce(ByteView salt, uint64_t ctr);

// One ratchet step of §5.1:
// HKDF-Expand(HKDF-Extract("", base_key), "SFrame 1.0 Ratchet", Nh).
Result<crypto::SecretBytes> ratchet(const Suite& suite, ByteView base_key);

// ---- AEAD (§4.4.3 with §4.5.1 for AES-CTR + HMAC, AES-GCM for suites 4 and 5) ----

// The two halves of an AES-CTR suite's key: enc_key = key[..Nka], auth_key = key[Nka..] (§4.5.1).
struct CtrHmacKeys {
  crypto::SecretBytes enc_key;
  crypto::SecretBytes auth_key;
};
// KEY_INVALID unless `key` is exactly Nk bytes of an AES-CTR suite.
Result<CtrHmacKeys> split_key(const Suite& suite, ByteView key);

// A suite's AEAD keyed once with sframe_key; then seals and opens any number of frames.
// Not thread-safe (it reuses the keyed cipher contexts).
class Aead {
 public:
  // KEY_INVALID when `key` is not Nk bytes.
  static Result<Aead> create(const Suite& suite, ByteView key);

  const Suite& suite() const;
  // Writes plaintext.size() + Nt bytes (ciphertext || tag) to `out`, which must not overlap the
  // inputs.
  Status seal_into(ByteView nonce, ByteView aad, ByteView plaintext, uint8_t* out) const;
  // Writes sealed.size() - Nt bytes to `out`. AUTH_FAILED when the tag does not verify (nothing
  // is decrypted then); MALFORMED_PACKET when `sealed` is shorter than the tag.
  Status open_into(ByteView nonce, ByteView aad, ByteView sealed, uint8_t* out) const;
  Result<Bytes> seal(ByteView nonce, ByteView aad, ByteView plaintext) const;
  Result<Bytes> open(ByteView nonce, ByteView aad, ByteView sealed) const;

  Aead(Aead&&) noexcept;
  Aead& operator=(Aead&&) noexcept;
  ~Aead();

 private:
  struct Impl;
  explicit Aead(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---- The scheme (docs/spec.md §3) ----

// The widest ratchet_bits accepted: at least one KID bit stays for the key generation (§5.1).
inline constexpr unsigned kMaxRatchetBits = 63;
// The most ratchet steps a KID may lead the newest held step by, and the most steps an earlier
// key stays held behind it: a bound on the work one forged packet causes (docs/spec.md §3.5).
inline constexpr uint64_t kMaxRatchetSteps = 256;

const Scheme& scheme();

}  // namespace rtcseal::sframe
