#include "checks.h"

#include <climits>
#include <string>

namespace rtcseal::crypto {

namespace {
constexpr size_t kBlock = 16;
constexpr size_t kMinTag = 4;
constexpr size_t kMaxTag = 16;
}  // namespace

const char* cipher_name(Cipher c) {
  switch (c) {
    case Cipher::Aes128Ecb:
      return "AES-128-ECB";
    case Cipher::Aes256Ecb:
      return "AES-256-ECB";
    case Cipher::Sm4Ecb:
      return "SM4-ECB";
    case Cipher::Aes128Xts:
      return "AES-128-XTS";
    case Cipher::Aes256Xts:
      return "AES-256-XTS";
    case Cipher::Aes128Ctr:
      return "AES-128-CTR";
    case Cipher::Aes256Ctr:
      return "AES-256-CTR";
  }
  return "unknown cipher";
}

bool is_ecb(Cipher c) {
  return c == Cipher::Aes128Ecb || c == Cipher::Aes256Ecb || c == Cipher::Sm4Ecb;
}

bool is_xts(Cipher c) {
  return c == Cipher::Aes128Xts || c == Cipher::Aes256Xts;
}

size_t cipher_key_size(Cipher c) {
  switch (c) {
    case Cipher::Aes128Ecb:
    case Cipher::Sm4Ecb:
    case Cipher::Aes128Ctr:
      return 16;
    case Cipher::Aes256Ecb:
    case Cipher::Aes128Xts:
    case Cipher::Aes256Ctr:
      return 32;
    case Cipher::Aes256Xts:
      return 64;
  }
  return 0;
}

size_t cipher_iv_size(Cipher c) {
  return is_ecb(c) ? 0 : kBlock;
}

size_t hash_size(Hash h) {
  return h == Hash::Sha256 ? 32 : 64;
}

Status check_cipher_key(Cipher c, ByteView key) {
  if (key.size() == cipher_key_size(c)) return {};
  return fail(Err::ENCRYPT_INTERNAL, std::string(cipher_name(c)) + ": key must be " +
                                         std::to_string(cipher_key_size(c)) + " bytes, got " +
                                         std::to_string(key.size()));
}

// Messages are built only on failure, so the per-packet path allocates nothing.
Status check_cipher_call(Cipher c, ByteView iv, size_t in_size, Err code) {
  auto bad = [&](const std::string& why) {
    return fail(code, std::string(cipher_name(c)) + ": " + why);
  };
  if (iv.size() != cipher_iv_size(c)) {
    return bad("iv must be " + std::to_string(cipher_iv_size(c)) + " bytes, got " +
               std::to_string(iv.size()));
  }
  if (is_ecb(c) && in_size % kBlock != 0) {
    return bad("input of " + std::to_string(in_size) +
               " bytes is not a multiple of the 16-byte block");
  }
  if (is_xts(c) && in_size < kBlock) {
    return bad("input of " + std::to_string(in_size) + " bytes is shorter than one 16-byte block");
  }
  if (in_size > INT_MAX) return bad("input of " + std::to_string(in_size) + " bytes is too large");
  return {};
}

Status check_gcm_key(ByteView key) {
  if (key.size() == 16 || key.size() == 32) return {};
  return fail(Err::ENCRYPT_INTERNAL,
              "AES-GCM: key must be 16 or 32 bytes, got " + std::to_string(key.size()));
}

Status check_gcm_sizes(ByteView nonce, size_t text_len, size_t tag_len, Err code) {
  if (tag_len < kMinTag || tag_len > kMaxTag) {
    return fail(code, "AES-GCM: tag length " + std::to_string(tag_len) + " is outside 4..16");
  }
  if (nonce.empty() || nonce.size() > INT_MAX) {
    return fail(code, "AES-GCM: nonce length " + std::to_string(nonce.size()) + " is not usable");
  }
  if (text_len > INT_MAX) {
    return fail(code, "AES-GCM: input of " + std::to_string(text_len) + " bytes is too large");
  }
  return {};
}

Status check_gcm_open_sizes(ByteView nonce, ByteView ciphertext_and_tag, size_t tag_len) {
  if (auto st = check_gcm_sizes(nonce, ciphertext_and_tag.size(), tag_len, Err::DECRYPT_INTERNAL);
      !st) {
    return st;
  }
  if (ciphertext_and_tag.size() < tag_len) {
    return fail(Err::DECRYPT_INTERNAL,
                "AES-GCM: input of " + std::to_string(ciphertext_and_tag.size()) +
                    " bytes is shorter than the " + std::to_string(tag_len) + "-byte tag");
  }
  return {};
}

Status check_hkdf_expand_length(Hash h, size_t length) {
  if (length <= 255 * hash_size(h)) return {};
  return fail(Err::ENCRYPT_INTERNAL,
              "HKDF-Expand: length " + std::to_string(length) +
                  " exceeds 255 * HashLen = " + std::to_string(255 * hash_size(h)));
}

Status check_pbkdf2(uint32_t iterations, size_t password_len, size_t salt_len, size_t length) {
  if (iterations == 0 || iterations > INT_MAX) {
    return fail(Err::ENCRYPT_INTERNAL,
                "PBKDF2: iteration count " + std::to_string(iterations) + " is outside 1..2^31-1");
  }
  if (password_len > INT_MAX || salt_len > INT_MAX || length > INT_MAX) {
    return fail(Err::ENCRYPT_INTERNAL, "PBKDF2: an input or the output exceeds 2^31-1 bytes");
  }
  return {};
}

}  // namespace rtcseal::crypto
