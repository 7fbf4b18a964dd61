// Backend-neutral rules of the crypto API (crypto.h), compiled into every backend so that the
// OpenSSL and BoringSSL builds refuse the same inputs with the same messages. Nothing here calls a
// crypto library.
#pragma once

#include <cstddef>

#include "rtcseal/crypto.h"
#include "rtcseal/result.h"

namespace rtcseal::crypto {

// "AES-128-ECB", "SM4-ECB", ...: the names messages use.
const char* cipher_name(Cipher c);
bool is_ecb(Cipher c);
bool is_xts(Cipher c);

// A key of the wrong size for `c` (ENCRYPT_INTERNAL, "key must be N bytes").
Status check_cipher_key(Cipher c, ByteView key);
// The IV size, whole blocks for ECB, one block at least for XTS; `code` is the direction's.
Status check_cipher_call(Cipher c, ByteView iv, size_t in_size, Err code);

// A GCM key of 16 or 32 bytes.
Status check_gcm_key(ByteView key);
// Tag of 4..16 bytes, a non-empty nonce, sizes that fit an int.
Status check_gcm_sizes(ByteView nonce, size_t text_len, size_t tag_len, Err code);
// The same for open(), and an input at least one tag long.
Status check_gcm_open_sizes(ByteView nonce, ByteView ciphertext_and_tag, size_t tag_len);

// RFC 5869: at most 255 * HashLen bytes.
Status check_hkdf_expand_length(Hash h, size_t length);
// RFC 8018 asks for a positive count; sizes must fit an int.
Status check_pbkdf2(uint32_t iterations, size_t password_len, size_t salt_len, size_t length);

}  // namespace rtcseal::crypto
