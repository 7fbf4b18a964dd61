// The AEAD of each SFrame cipher suite: AES-GCM for suites 4 and 5, and for suites 1-3 the
// encrypt-then-MAC composition of RFC 9605 §4.5.1 (AES-128-CTR, then HMAC-SHA256 truncated to Nt).
#include <algorithm>
#include <array>
#include <string>
#include <variant>

#include "rtcseal/big_endian.h"
#include "rtcseal/sframe.h"

namespace rtcseal::sframe {

namespace {

constexpr size_t kBlockSize = 16;

// §4.5.1: the CTR mode's initial counter block is the nonce followed by four zero bytes.
std::array<uint8_t, kBlockSize> counter_block(ByteView nonce) {
  std::array<uint8_t, kBlockSize> block{};
  std::copy_n(nonce.begin(), std::min(nonce.size(), kBlockSize), block.begin());
  return block;
}

constexpr size_t kMaxMacSize = 64;  // HMAC-SHA512
using Mac = std::array<uint8_t, kMaxMacSize>;

struct CtrHmac {
  crypto::CipherKey enc;
  crypto::HmacKey auth;

  // §4.5.1 compute_tag: HMAC(auth_key, BE8(|aad|) || BE8(|ct|) || BE8(Nt) || nonce || aad || ct),
  // in full into `mac`; the caller truncates it to Nt. The MAC runs over the parts in place, with
  // the key schedule done once: no copy of the ciphertext and no allocation per frame.
  Status tag(const Suite& s, ByteView nonce, ByteView aad, ByteView ct, Mac& mac) const {
    std::array<uint8_t, 24> lengths;
    store_be(lengths.data(), aad.size(), 8);
    store_be(lengths.data() + 8, ct.size(), 8);
    store_be(lengths.data() + 16, s.nt, 8);
    const ByteView parts[] = {lengths, nonce, aad, ct};
    return auth.mac_into(parts, mac.data());
  }
};

using Keyed = std::variant<CtrHmac, crypto::GcmKey>;

Status check_nonce(const Suite& s, ByteView nonce, Err code) {
  if (nonce.size() == s.nn) return {};
  return fail(code, "nonce of " + std::to_string(nonce.size()) +
                        " bytes, not Nn = " + std::to_string(s.nn));
}

}  // namespace

struct Aead::Impl {
  const Suite* suite;
  Keyed keyed;
};

Result<CtrHmacKeys> split_key(const Suite& suite, ByteView key) {
  if (suite.aead != AeadKind::AesCtrHmac) {
    return fail(Err::KEY_INVALID, std::string(suite.name) + " is not an AES-CTR suite");
  }
  if (key.size() != suite.nk) {
    return fail(Err::KEY_INVALID, "AES-CTR+HMAC key of " + std::to_string(key.size()) +
                                      " bytes, not Nk = " + std::to_string(suite.nk));
  }
  return CtrHmacKeys{crypto::secret_copy(key.first(suite.nka)),
                     crypto::secret_copy(key.subspan(suite.nka))};
}

Result<Aead> Aead::create(const Suite& suite, ByteView key) {
  if (key.size() != suite.nk) {
    return fail(Err::KEY_INVALID, "sframe_key of " + std::to_string(key.size()) +
                                      " bytes, not Nk = " + std::to_string(suite.nk));
  }
  if (suite.aead == AeadKind::AesGcm) {
    RTCSEAL_TRY(crypto::GcmKey gcm, crypto::GcmKey::create(key));
    return Aead(std::make_unique<Impl>(Impl{&suite, Keyed(std::move(gcm))}));
  }
  RTCSEAL_TRY(CtrHmacKeys keys, split_key(suite, key));
  RTCSEAL_TRY(crypto::CipherKey enc,
              crypto::CipherKey::create(crypto::Cipher::Aes128Ctr, keys.enc_key));
  RTCSEAL_TRY(crypto::HmacKey auth, crypto::HmacKey::create(suite.hash, keys.auth_key));
  return Aead(
      std::make_unique<Impl>(Impl{&suite, Keyed(CtrHmac{std::move(enc), std::move(auth)})}));
}

Aead::Aead(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Aead::Aead(Aead&&) noexcept = default;
Aead& Aead::operator=(Aead&&) noexcept = default;
Aead::~Aead() = default;

const Suite& Aead::suite() const {
  return *impl_->suite;
}

Status Aead::seal_into(ByteView nonce, ByteView aad, ByteView plaintext, uint8_t* out) const {
  const Suite& s = *impl_->suite;
  if (auto st = check_nonce(s, nonce, Err::ENCRYPT_INTERNAL); !st) return st;
  if (const auto* gcm = std::get_if<crypto::GcmKey>(&impl_->keyed)) {
    return gcm->seal_into(nonce, aad, plaintext, out, s.nt);
  }
  const auto& ch = std::get<CtrHmac>(impl_->keyed);
  if (!plaintext.empty()) {
    auto st = ch.enc.encrypt_into(counter_block(nonce), plaintext, out);
    if (!st) return st;
  }
  Mac mac;
  if (auto st = ch.tag(s, nonce, aad, ByteView(out, plaintext.size()), mac); !st) return st;
  std::copy_n(mac.begin(), s.nt, out + plaintext.size());
  return {};
}

Status Aead::open_into(ByteView nonce, ByteView aad, ByteView sealed, uint8_t* out) const {
  const Suite& s = *impl_->suite;
  if (auto st = check_nonce(s, nonce, Err::DECRYPT_INTERNAL); !st) return st;
  if (sealed.size() < s.nt) {
    return fail(Err::MALFORMED_PACKET, "ciphertext of " + std::to_string(sealed.size()) +
                                           " bytes is shorter than the " + std::to_string(s.nt) +
                                           "-byte tag");
  }
  if (const auto* gcm = std::get_if<crypto::GcmKey>(&impl_->keyed)) {
    return gcm->open_into(nonce, aad, sealed, out, s.nt);
  }
  const auto& ch = std::get<CtrHmac>(impl_->keyed);
  const ByteView ct = sealed.first(sealed.size() - s.nt);
  Mac want;
  if (auto st = ch.tag(s, nonce, aad, ct, want); !st) return st;
  // Verify before decrypting (encrypt-then-MAC), in constant time.
  if (!crypto::ct_equal(ByteView(want).first(s.nt), sealed.last(s.nt))) {
    return fail(Err::AUTH_FAILED, "HMAC tag does not verify");
  }
  if (ct.empty()) return {};
  return ch.enc.decrypt_into(counter_block(nonce), ct, out);
}

Result<Bytes> Aead::seal(ByteView nonce, ByteView aad, ByteView plaintext) const {
  Bytes out(plaintext.size() + impl_->suite->nt);
  auto st = seal_into(nonce, aad, plaintext, out.data());
  if (!st) return st.error();
  return out;
}

Result<Bytes> Aead::open(ByteView nonce, ByteView aad, ByteView sealed) const {
  Bytes out(sealed.size() >= impl_->suite->nt ? sealed.size() - impl_->suite->nt : 0);
  auto st = open_into(nonce, aad, sealed, out.data());
  if (!st) return st.error();
  return out;
}

}  // namespace rtcseal::sframe
