// Known-answer and negative tests for the crypto layer. Every expected value is transcribed from
// the standard named beside it, never produced by running this code.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "crypto_backend.h"
#include "rtcseal/bytes.h"
#include "rtcseal/crypto.h"

namespace rtcseal::crypto {
namespace {

Bytes H(std::string_view hex) {
  auto b = from_hex(hex);
  EXPECT_TRUE(b.ok()) << "bad hex in test vector: " << hex;
  return b.ok() ? *b : Bytes{};
}

Bytes B(std::string_view s) {
  return Bytes(s.begin(), s.end());
}

std::string hex_of(const SecretBytes& s) {
  return to_hex(ByteView(s.data(), s.size()));
}

std::string repeat(std::string_view hex_byte, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += hex_byte;
  return out;
}

// ---- HMAC: RFC 4231 §4 ----

struct HmacCase {
  const char* name;
  Hash hash;
  Bytes key;
  Bytes data;
  const char* mac;
};

TEST(CryptoKatTest, HmacRfc4231) {
  const std::string long_data = "Test Using Larger Than Block-Size Key - Hash Key First";
  const HmacCase kCases[] = {
      {"case 1 SHA-256", Hash::Sha256, H(repeat("0b", 20)), B("Hi There"),
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {"case 1 SHA-512", Hash::Sha512, H(repeat("0b", 20)), B("Hi There"),
       "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
       "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"},
      {"case 2 SHA-256", Hash::Sha256, B("Jefe"), B("what do ya want for nothing?"),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {"case 2 SHA-512", Hash::Sha512, B("Jefe"), B("what do ya want for nothing?"),
       "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
       "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
      {"case 6 SHA-256 (131-byte key)", Hash::Sha256, H(repeat("aa", 131)), B(long_data),
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {"case 6 SHA-512 (131-byte key)", Hash::Sha512, H(repeat("aa", 131)), B(long_data),
       "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
       "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    auto mac = hmac(c.hash, c.key, c.data);
    ASSERT_TRUE(mac.ok()) << mac.error().message;
    EXPECT_EQ(to_hex(*mac), c.mac);
    EXPECT_EQ(mac->size(), hash_size(c.hash));
  }
}

// An empty key is a real key, not "keep the previous one": run a keyed MAC first so a cached
// context that kept its key would give the wrong answer. HMAC-SHA256("", "") is a widely
// published value.
TEST(CryptoKatTest, HmacEmptyKeyAfterKeyedCall) {
  ASSERT_TRUE(hmac(Hash::Sha256, B("Jefe"), B("x")).ok());
  auto mac = hmac(Hash::Sha256, {}, {});
  ASSERT_TRUE(mac.ok()) << mac.error().message;
  EXPECT_EQ(to_hex(*mac), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

// ---- HKDF: RFC 5869 Appendix A.1-A.3 (SHA-256) ----

struct HkdfCase {
  const char* name;
  Bytes ikm;
  Bytes salt;
  Bytes info;
  size_t length;
  const char* prk;
  const char* okm;
};

std::vector<HkdfCase> hkdf_cases() {
  return {
      {"A.1 basic", H(repeat("0b", 22)), H("000102030405060708090a0b0c"), H("f0f1f2f3f4f5f6f7f8f9"),
       42, "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
       "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"},
      {"A.2 long inputs",
       H("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
         "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
         "404142434445464748494a4b4c4d4e4f"),
       H("606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
         "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
         "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"),
       H("b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf"
         "d0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef"
         "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"),
       82, "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
       "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
       "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
       "cc30c58179ec3e87c14c01d5c1f3434f1d87"},
      {"A.3 empty salt and info",
       H(repeat("0b", 22)),
       {},
       {},
       42,
       "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
       "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"},
  };
}

TEST(CryptoKatTest, HkdfRfc5869) {
  for (const auto& c : hkdf_cases()) {
    SCOPED_TRACE(c.name);
    auto prk = hkdf_extract(Hash::Sha256, c.salt, c.ikm);
    ASSERT_TRUE(prk.ok()) << prk.error().message;
    EXPECT_EQ(hex_of(*prk), c.prk);

    auto okm = hkdf_expand(Hash::Sha256, H(c.prk), c.info, c.length);
    ASSERT_TRUE(okm.ok()) << okm.error().message;
    EXPECT_EQ(hex_of(*okm), c.okm);

    auto both = hkdf(Hash::Sha256, c.salt, c.ikm, c.info, c.length);
    ASSERT_TRUE(both.ok()) << both.error().message;
    EXPECT_EQ(hex_of(*both), c.okm);
  }
}

// RFC 5869 §2.2 defines Extract as HMAC-Hash(salt, IKM), with an absent salt meaning HashLen
// zeros. Checked against the (RFC 4231 verified) HMAC for both hashes, including an empty IKM.
TEST(CryptoKatTest, HkdfExtractIsHmacOfSalt) {
  for (Hash h : {Hash::Sha256, Hash::Sha512}) {
    for (const Bytes& ikm : {Bytes{}, H(repeat("0b", 22))}) {
      SCOPED_TRACE(ikm.size());
      auto prk = hkdf_extract(h, {}, ikm);
      ASSERT_TRUE(prk.ok()) << prk.error().message;
      auto mac = hmac(h, Bytes(hash_size(h), 0), ikm);
      ASSERT_TRUE(mac.ok());
      EXPECT_EQ(hex_of(*prk), to_hex(*mac));
      auto salted = hkdf_extract(h, B("salt"), ikm);
      ASSERT_TRUE(salted.ok()) << salted.error().message;
      EXPECT_EQ(hex_of(*salted), to_hex(*hmac(h, B("salt"), ikm)));
    }
  }
}

TEST(CryptoKatTest, HkdfExpandLengthLimits) {
  Bytes prk(32, 0x01);
  auto empty = hkdf_expand(Hash::Sha256, prk, {}, 0);
  ASSERT_TRUE(empty.ok()) << empty.error().message;
  EXPECT_TRUE(empty->empty());
  auto max = hkdf_expand(Hash::Sha256, prk, {}, 255 * 32);
  ASSERT_TRUE(max.ok()) << max.error().message;
  EXPECT_EQ(max->size(), 255u * 32);
  auto too_long = hkdf_expand(Hash::Sha256, prk, {}, 255 * 32 + 1);
  ASSERT_FALSE(too_long.ok());
  EXPECT_NE(too_long.error().message.find("255"), std::string::npos);
  // A prefix of a longer output is the shorter output (T(1) || T(2) ...).
  auto short_okm = hkdf_expand(Hash::Sha256, prk, B("i"), 10);
  auto long_okm = hkdf_expand(Hash::Sha256, prk, B("i"), 100);
  ASSERT_TRUE(short_okm.ok() && long_okm.ok());
  EXPECT_TRUE(std::equal(short_okm->begin(), short_okm->end(), long_okm->begin()));
}

// ---- PBKDF2-HMAC-SHA256: RFC 7914 §11 ----

TEST(CryptoKatTest, Pbkdf2Rfc7914) {
  const struct {
    const char* password;
    const char* salt;
    uint32_t iterations;
    const char* dk;
  } kCases[] = {
      {"passwd", "salt", 1,
       "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
       "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"},
      {"Password", "NaCl", 80000,
       "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
       "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.password);
    auto dk = pbkdf2(Hash::Sha256, B(c.password), B(c.salt), c.iterations, 64);
    ASSERT_TRUE(dk.ok()) << dk.error().message;
    EXPECT_EQ(hex_of(*dk), c.dk);
  }
}

TEST(CryptoKatTest, Pbkdf2RejectsZeroIterations) {
  auto dk = pbkdf2(Hash::Sha256, B("passwd"), B("salt"), 0, 32);
  ASSERT_FALSE(dk.ok());
  EXPECT_EQ(dk.error().code, Err::ENCRYPT_INTERNAL);
  EXPECT_NE(dk.error().message.find("iteration"), std::string::npos);
}

TEST(CryptoKatTest, Pbkdf2AcceptsEmptyPasswordAndSalt) {
  auto dk = pbkdf2(Hash::Sha512, {}, {}, 2, 16);
  ASSERT_TRUE(dk.ok()) << dk.error().message;
  EXPECT_EQ(dk->size(), 16u);
}

// ---- Unauthenticated ciphers ----

struct CipherCase {
  const char* name;
  Cipher cipher;
  const char* key;
  const char* iv;
  const char* plaintext;
  const char* ciphertext;
};

const char kSp800Plain[] =
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

const CipherCase kCipherCases[] = {
    // NIST SP 800-38A F.1.1 ECB-AES128.Encrypt.
    {"SP 800-38A F.1.1", Cipher::Aes128Ecb, "2b7e151628aed2a6abf7158809cf4f3c", "", kSp800Plain,
     "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
     "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4"},
    // NIST SP 800-38A F.1.5 ECB-AES256.Encrypt.
    {"SP 800-38A F.1.5", Cipher::Aes256Ecb,
     "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "", kSp800Plain,
     "f3eed1bdb5d2a03c064b5a7e3db181f8591ccb10d410ed26dc5ba74a31362870"
     "b6ed21b99ca6f4f9f153e7b1beafed1d23304b7a39f9f3ff067d8d8f9e24ecc7"},
    // NIST SP 800-38A F.5.1 CTR-AES128.Encrypt.
    {"SP 800-38A F.5.1", Cipher::Aes128Ctr, "2b7e151628aed2a6abf7158809cf4f3c",
     "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", kSp800Plain,
     "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
     "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"},
    // NIST SP 800-38A F.5.5 CTR-AES256.Encrypt, first two blocks.
    {"SP 800-38A F.5.5 (blocks 1-2)", Cipher::Aes256Ctr,
     "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
     "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
     "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51",
     "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"},
    // CTR is a stream mode: a partial block is the keystream prefix (F.5.1 block 1, 5 bytes).
    {"SP 800-38A F.5.1 (5-byte prefix)", Cipher::Aes128Ctr, "2b7e151628aed2a6abf7158809cf4f3c",
     "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", "6bc1bee22e", "874d6191b6"},
    // GB/T 32907-2016 Appendix A.1.
    {"GB/T 32907 A.1", Cipher::Sm4Ecb, "0123456789abcdeffedcba9876543210", "",
     "0123456789abcdeffedcba9876543210", "681edf34d206965e86b3e94f536e4246"},
    // IEEE 1619-2007 Annex B vectors 2, 3 and 15; the tweak is the little-endian data unit
    // sequence number.
    {"IEEE 1619 vector 2", Cipher::Aes128Xts,
     "1111111111111111111111111111111122222222222222222222222222222222",
     "33333333330000000000000000000000",
     "4444444444444444444444444444444444444444444444444444444444444444",
     "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0"},
    {"IEEE 1619 vector 3", Cipher::Aes128Xts,
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f022222222222222222222222222222222",
     "33333333330000000000000000000000",
     "4444444444444444444444444444444444444444444444444444444444444444",
     "af85336b597afc1a900b2eb21ec949d292df4c047e0b21532186a5971a227a89"},
    {"IEEE 1619 vector 15", Cipher::Aes128Xts,
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0",
     "9a785634120000000000000000000000",
     "4444444444444444444444444444444444444444444444444444444444444444",
     "b01f86f8edc1863706fa8a4253e34f28af319de38334870f4dd1f94cbe9832f1"},
    // IEEE 1619 vector 10 (XTS-AES-256), first 32 bytes of the 512-byte data unit. Without
    // ciphertext stealing each block depends only on its index, so the prefix stands alone.
    {"IEEE 1619 vector 10 (first 32 bytes)", Cipher::Aes256Xts,
     "2718281828459045235360287471352662497757247093699959574966967627"
     "3141592653589793238462643383279502884197169399375105820974944592",
     "ff000000000000000000000000000000",
     "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
     "1c3b3a102f770386e4836c99e370cf9bea00803f5e482357a4ae12d414a3e63b"},
};

TEST(CryptoKatTest, CipherVectors) {
  for (const auto& c : kCipherCases) {
    SCOPED_TRACE(c.name);
    if (!backend_has(c.cipher)) {
      expect_unimplemented(c.cipher);
      continue;
    }
    auto key = CipherKey::create(c.cipher, H(c.key));
    ASSERT_TRUE(key.ok()) << key.error().message;
    auto ct = key->encrypt(H(c.iv), H(c.plaintext));
    ASSERT_TRUE(ct.ok()) << ct.error().message;
    EXPECT_EQ(to_hex(*ct), c.ciphertext);
    auto pt = key->decrypt(H(c.iv), H(c.ciphertext));
    ASSERT_TRUE(pt.ok()) << pt.error().message;
    EXPECT_EQ(to_hex(*pt), c.plaintext);
  }
}

// The key is set once; each call only re-inits the IV. Repeating a call, or running the other
// direction in between, must not carry state (CTR counter, XTS tweak) across calls.
TEST(CryptoKatTest, CipherCallsAreIndependent) {
  for (const auto& c : kCipherCases) {
    SCOPED_TRACE(c.name);
    if (!backend_has(c.cipher)) {
      expect_unimplemented(c.cipher);
      continue;
    }
    auto key = CipherKey::create(c.cipher, H(c.key));
    ASSERT_TRUE(key.ok()) << key.error().message;
    for (int i = 0; i < 3; ++i) {
      auto ct = key->encrypt(H(c.iv), H(c.plaintext));
      ASSERT_TRUE(ct.ok());
      EXPECT_EQ(to_hex(*ct), c.ciphertext);
      ASSERT_TRUE(key->decrypt(H(c.iv), *ct).ok());
    }
  }
}

TEST(CryptoKatTest, CipherInPlace) {
  const CipherCase& c = kCipherCases[2];  // CTR-AES128
  auto key = CipherKey::create(c.cipher, H(c.key));
  ASSERT_TRUE(key.ok());
  Bytes buf = H(c.plaintext);
  ASSERT_TRUE(key->encrypt_into(H(c.iv), buf, buf.data()).ok());
  EXPECT_EQ(to_hex(buf), c.ciphertext);
  ASSERT_TRUE(key->decrypt_into(H(c.iv), buf, buf.data()).ok());
  EXPECT_EQ(to_hex(buf), c.plaintext);
}

// IEEE 1619 vector 1 has K1 == K2 == 0. OpenSSL 3 decrypts it but refuses to encrypt
// ("xts duplicated keys"); the refusal must come back as an error, not a crash.
TEST(CryptoKatTest, XtsVector1DuplicatedKeys) {
  if (!backend_has(Cipher::Aes128Xts)) {
    expect_unimplemented(Cipher::Aes128Xts);
    return;
  }
  const std::string zeros(64, '0');
  auto key = CipherKey::create(Cipher::Aes128Xts, H(zeros));
  ASSERT_TRUE(key.ok()) << key.error().message;
  auto pt = key->decrypt(H("00000000000000000000000000000000"),
                         H("917cf69ebd68b2ec9b9fe9a3eadda692cd43d2f59598ed858c02c2652fbf922e"));
  ASSERT_TRUE(pt.ok()) << pt.error().message;
  EXPECT_EQ(to_hex(*pt), zeros);

  auto ct = key->encrypt(H("00000000000000000000000000000000"), H(zeros));
  ASSERT_FALSE(ct.ok());
  EXPECT_EQ(ct.error().code, Err::ENCRYPT_INTERNAL);
  EXPECT_NE(ct.error().message.find("duplicated keys"), std::string::npos) << ct.error().message;
}

TEST(CryptoKatTest, CipherSizesAndNames) {
  const struct {
    Cipher cipher;
    size_t key;
    size_t iv;
  } kCases[] = {
      {Cipher::Aes128Ecb, 16, 0},  {Cipher::Aes256Ecb, 32, 0},  {Cipher::Sm4Ecb, 16, 0},
      {Cipher::Aes128Xts, 32, 16}, {Cipher::Aes256Xts, 64, 16}, {Cipher::Aes128Ctr, 16, 16},
      {Cipher::Aes256Ctr, 32, 16},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(cipher_key_size(c.cipher), c.key);
    EXPECT_EQ(cipher_iv_size(c.cipher), c.iv);
  }
}

// Every cipher of the API is either available and keyable, or refused as UNIMPLEMENTED.
TEST(CryptoKatTest, CipherAvailability) {
  for (Cipher c : {Cipher::Aes128Ecb, Cipher::Aes256Ecb, Cipher::Sm4Ecb, Cipher::Aes128Xts,
                   Cipher::Aes256Xts, Cipher::Aes128Ctr, Cipher::Aes256Ctr}) {
    SCOPED_TRACE(static_cast<int>(c));
    EXPECT_EQ(cipher_available(c), backend_has(c));
    if (!backend_has(c)) {
      expect_unimplemented(c);
      continue;
    }
    Bytes key(cipher_key_size(c));
    for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(i + 1);
    auto ck = CipherKey::create(c, key);
    EXPECT_TRUE(ck.ok()) << ck.error().message;
  }
}

TEST(CryptoKatTest, CipherRejectsBadSizes) {
  const struct {
    const char* name;
    Cipher cipher;
    size_t key_size;
    size_t iv_size;
    size_t input_size;
    const char* message_part;  // nullptr when create() itself must fail
  } kCases[] = {
      {"AES-128 key of 15", Cipher::Aes128Ecb, 15, 0, 16, nullptr},
      {"AES-128 key of 32", Cipher::Aes128Ctr, 32, 16, 16, nullptr},
      {"XTS-128 key of 16", Cipher::Aes128Xts, 16, 16, 16, nullptr},
      {"SM4 key of 0", Cipher::Sm4Ecb, 0, 0, 16, nullptr},
      {"ECB 15 bytes", Cipher::Aes128Ecb, 16, 0, 15, "multiple of the 16-byte block"},
      {"ECB 17 bytes", Cipher::Sm4Ecb, 16, 0, 17, "multiple of the 16-byte block"},
      {"ECB with an iv", Cipher::Aes256Ecb, 32, 16, 16, "iv must be 0 bytes"},
      {"XTS 15 bytes", Cipher::Aes128Xts, 32, 16, 15, "shorter than one 16-byte block"},
      {"XTS 0 bytes", Cipher::Aes256Xts, 64, 16, 0, "shorter than one 16-byte block"},
      {"XTS 12-byte tweak", Cipher::Aes128Xts, 32, 12, 32, "iv must be 16 bytes"},
      {"CTR no iv", Cipher::Aes128Ctr, 16, 0, 16, "iv must be 16 bytes"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    if (!backend_has(c.cipher)) {
      expect_unimplemented(c.cipher);
      continue;
    }
    Bytes key(c.key_size);
    for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(i + 1);
    auto ck = CipherKey::create(c.cipher, key);
    if (c.message_part == nullptr) {
      ASSERT_FALSE(ck.ok());
      EXPECT_NE(ck.error().message.find("key must be"), std::string::npos) << ck.error().message;
      continue;
    }
    ASSERT_TRUE(ck.ok()) << ck.error().message;
    Bytes iv(c.iv_size);
    Bytes in(c.input_size);
    auto enc = ck->encrypt(iv, in);
    ASSERT_FALSE(enc.ok());
    EXPECT_EQ(enc.error().code, Err::ENCRYPT_INTERNAL);
    EXPECT_NE(enc.error().message.find(c.message_part), std::string::npos) << enc.error().message;
    auto dec = ck->decrypt(iv, in);
    ASSERT_FALSE(dec.ok());
    EXPECT_EQ(dec.error().code, Err::DECRYPT_INTERNAL);
  }
}

TEST(CryptoKatTest, CipherEmptyInput) {
  for (Cipher c : {Cipher::Aes128Ecb, Cipher::Aes128Ctr}) {
    auto key = CipherKey::create(c, Bytes(16, 7));
    ASSERT_TRUE(key.ok());
    auto out = key->encrypt(Bytes(cipher_iv_size(c)), {});
    ASSERT_TRUE(out.ok()) << out.error().message;
    EXPECT_TRUE(out->empty());
  }
}

// ---- AES-GCM: McGrew & Viega, "The Galois/Counter Mode of Operation", test cases ----

struct GcmCase {
  const char* name;
  const char* key;
  const char* nonce;
  const char* aad;
  const char* plaintext;
  const char* ciphertext;
  const char* tag;
};

const char kGcmKey[] = "feffe9928665731c6d6a8f9467308308";
const char kGcmPlain60[] =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
const char kGcmAad[] = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

const GcmCase kGcmCases[] = {
    {"test case 1", "00000000000000000000000000000000", "000000000000000000000000", "", "", "",
     "58e2fccefa7e3061367f1d57a4e7455a"},
    {"test case 2", "00000000000000000000000000000000", "000000000000000000000000", "",
     "00000000000000000000000000000000", "0388dace60b6a392f328c2b971b2fe78",
     "ab6e47d42cec13bdf53a67b21257bddf"},
    {"test case 3", kGcmKey, "cafebabefacedbaddecaf888", "",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
     "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
     "4d5c2af327cd64a62cf35abd2ba6fab4"},
    {"test case 4 (AAD)", kGcmKey, "cafebabefacedbaddecaf888", kGcmAad, kGcmPlain60,
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
     "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
     "5bc94fbc3221a5db94fae95ae7121a47"},
    {"test case 5 (8-byte nonce)", kGcmKey, "cafebabefacedbad", kGcmAad, kGcmPlain60,
     "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c7423"
     "73806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598",
     "3612d2e79e3b0785561be14aaca2fccb"},
    {"test case 16 (AES-256, AAD)",
     "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
     kGcmAad, kGcmPlain60,
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
     "76fc6ece0f4e1768cddf8853bb2d551b"},
};

TEST(CryptoKatTest, GcmVectors) {
  for (const auto& c : kGcmCases) {
    SCOPED_TRACE(c.name);
    auto key = GcmKey::create(H(c.key));
    ASSERT_TRUE(key.ok()) << key.error().message;
    std::string sealed_hex = std::string(c.ciphertext) + c.tag;
    auto sealed = key->seal(H(c.nonce), H(c.aad), H(c.plaintext));
    ASSERT_TRUE(sealed.ok()) << sealed.error().message;
    EXPECT_EQ(to_hex(*sealed), sealed_hex);
    auto opened = key->open(H(c.nonce), H(c.aad), H(sealed_hex));
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ(to_hex(*opened), c.plaintext);
  }
}

// One key object serves every nonce length in any order: the IV length is switched only when it
// changes, and switching back to 12 bytes must work too.
TEST(CryptoKatTest, GcmNonceLengthSwitches) {
  auto key = GcmKey::create(H(kGcmKey));
  ASSERT_TRUE(key.ok());
  const GcmCase& twelve = kGcmCases[3];
  const GcmCase& eight = kGcmCases[4];
  for (const GcmCase* c : {&twelve, &eight, &eight, &twelve, &eight, &twelve}) {
    SCOPED_TRACE(c->name);
    std::string sealed_hex = std::string(c->ciphertext) + c->tag;
    auto sealed = key->seal(H(c->nonce), H(c->aad), H(c->plaintext));
    ASSERT_TRUE(sealed.ok()) << sealed.error().message;
    EXPECT_EQ(to_hex(*sealed), sealed_hex);
    auto opened = key->open(H(c->nonce), H(c->aad), *sealed);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ(to_hex(*opened), c->plaintext);
  }
}

// A truncated tag is the leading bytes of the full tag (SP 800-38D §5.2.1.2).
TEST(CryptoKatTest, GcmTruncatedTags) {
  const GcmCase& c = kGcmCases[3];
  auto key = GcmKey::create(H(c.key));
  ASSERT_TRUE(key.ok());
  for (size_t tag_len : {4u, 8u, 12u, 13u, 16u}) {
    SCOPED_TRACE(tag_len);
    std::string want = std::string(c.ciphertext) + std::string(c.tag).substr(0, tag_len * 2);
    auto sealed = key->seal(H(c.nonce), H(c.aad), H(c.plaintext), tag_len);
    ASSERT_TRUE(sealed.ok()) << sealed.error().message;
    EXPECT_EQ(to_hex(*sealed), want);
    auto opened = key->open(H(c.nonce), H(c.aad), H(want), tag_len);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ(to_hex(*opened), c.plaintext);
    Bytes bad = H(want);
    bad.back() ^= 0x01;
    auto rejected = key->open(H(c.nonce), H(c.aad), bad, tag_len);
    ASSERT_FALSE(rejected.ok());
    EXPECT_EQ(rejected.error().code, Err::AUTH_FAILED);
  }
}

TEST(CryptoKatTest, GcmTamperingFailsAuthentication) {
  const GcmCase& c = kGcmCases[3];
  auto key = GcmKey::create(H(c.key));
  ASSERT_TRUE(key.ok());
  const Bytes nonce = H(c.nonce);
  const Bytes aad = H(c.aad);
  const Bytes sealed = H(std::string(c.ciphertext) + c.tag);
  const size_t ct_len = sealed.size() - 16;

  const struct {
    const char* name;
    bool in_aad;
    size_t index;
    uint8_t mask;
  } kFlips[] = {
      {"ciphertext first bit", false, 0, 0x80}, {"ciphertext last bit", false, ct_len - 1, 0x01},
      {"tag first bit", false, ct_len, 0x80},   {"tag last bit", false, sealed.size() - 1, 0x01},
      {"aad first bit", true, 0, 0x80},         {"aad last bit", true, aad.size() - 1, 0x01},
  };
  for (const auto& f : kFlips) {
    SCOPED_TRACE(f.name);
    Bytes packet = sealed;
    Bytes header = aad;
    (f.in_aad ? header : packet)[f.index] ^= f.mask;
    Bytes out(ct_len, 0xee);
    auto st = key->open_into(nonce, header, packet, out.data());
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, Err::AUTH_FAILED);
    // Unauthenticated plaintext is not left in the caller's buffer.
    EXPECT_EQ(out, Bytes(ct_len, 0));
  }

  // Wrong nonce, wrong key, dropped AAD and a truncated packet are all authentication failures.
  Bytes other_nonce = nonce;
  other_nonce[0] ^= 1;
  EXPECT_EQ(key->open(other_nonce, aad, sealed).error().code, Err::AUTH_FAILED);
  EXPECT_EQ(key->open(nonce, {}, sealed).error().code, Err::AUTH_FAILED);
  Bytes short_packet(sealed.begin() + 1, sealed.end());
  EXPECT_EQ(key->open(nonce, aad, short_packet).error().code, Err::AUTH_FAILED);
  auto other_key = GcmKey::create(Bytes(16, 0x42));
  ASSERT_TRUE(other_key.ok());
  EXPECT_EQ(other_key->open(nonce, aad, sealed).error().code, Err::AUTH_FAILED);

  // The key still works after the failures.
  auto opened = key->open(nonce, aad, sealed);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(to_hex(*opened), kGcmPlain60);
}

TEST(CryptoKatTest, GcmInPlace) {
  const GcmCase& c = kGcmCases[3];
  auto key = GcmKey::create(H(c.key));
  ASSERT_TRUE(key.ok());
  Bytes buf = H(c.plaintext);
  size_t n = buf.size();
  buf.resize(n + 16);
  ASSERT_TRUE(key->seal_into(H(c.nonce), H(c.aad), ByteView(buf.data(), n), buf.data()).ok());
  EXPECT_EQ(to_hex(buf), std::string(c.ciphertext) + c.tag);
  ASSERT_TRUE(key->open_into(H(c.nonce), H(c.aad), buf, buf.data()).ok());
  EXPECT_EQ(to_hex(ByteView(buf.data(), n)), c.plaintext);
}

TEST(CryptoKatTest, GcmRejectsBadSizes) {
  for (size_t key_size : {0u, 15u, 17u, 24u, 31u, 33u, 64u}) {
    SCOPED_TRACE(key_size);
    auto key = GcmKey::create(Bytes(key_size, 1));
    ASSERT_FALSE(key.ok());
    EXPECT_NE(key.error().message.find("16 or 32 bytes"), std::string::npos);
  }

  auto key = GcmKey::create(Bytes(16, 1));
  ASSERT_TRUE(key.ok());
  const Bytes nonce(12, 2);
  for (size_t tag_len : {0u, 3u, 17u, 32u}) {
    SCOPED_TRACE(tag_len);
    auto sealed = key->seal(nonce, {}, Bytes(8), tag_len);
    ASSERT_FALSE(sealed.ok());
    EXPECT_EQ(sealed.error().code, Err::ENCRYPT_INTERNAL);
    EXPECT_NE(sealed.error().message.find("outside 4..16"), std::string::npos);
    auto opened = key->open(nonce, {}, Bytes(40), tag_len);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, Err::DECRYPT_INTERNAL);
  }

  auto no_nonce = key->seal({}, {}, Bytes(8));
  ASSERT_FALSE(no_nonce.ok());
  EXPECT_NE(no_nonce.error().message.find("nonce"), std::string::npos);

  for (size_t len : {0u, 3u, 15u}) {
    auto short_input = key->open(nonce, {}, Bytes(len));
    ASSERT_FALSE(short_input.ok());
    EXPECT_EQ(short_input.error().code, Err::DECRYPT_INTERNAL);
    EXPECT_NE(short_input.error().message.find("shorter than the 16-byte tag"), std::string::npos);
  }
}

TEST(CryptoKatTest, GcmEmptyPlaintextWithAad) {
  auto key = GcmKey::create(Bytes(32, 9));
  ASSERT_TRUE(key.ok());
  const Bytes nonce(12, 1);
  auto sealed = key->seal(nonce, B("header"), {});
  ASSERT_TRUE(sealed.ok()) << sealed.error().message;
  EXPECT_EQ(sealed->size(), 16u);
  auto opened = key->open(nonce, B("header"), *sealed);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_TRUE(opened->empty());
  EXPECT_EQ(key->open(nonce, B("Header"), *sealed).error().code, Err::AUTH_FAILED);
}

TEST(CryptoKatTest, MovedKeysStillWork) {
  auto created = GcmKey::create(H(kGcmKey));
  ASSERT_TRUE(created.ok());
  GcmKey key = std::move(created).value();
  GcmKey moved = std::move(key);
  const GcmCase& c = kGcmCases[3];
  auto sealed = moved.seal(H(c.nonce), H(c.aad), H(c.plaintext));
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(to_hex(*sealed), std::string(c.ciphertext) + c.tag);
}

// ---- Utilities ----

TEST(CryptoKatTest, CtEqual) {
  const struct {
    const char* name;
    Bytes a;
    Bytes b;
    bool equal;
  } kCases[] = {
      {"both empty", {}, {}, true},
      {"equal", {1, 2, 3}, {1, 2, 3}, true},
      {"first byte differs", {0, 2, 3}, {1, 2, 3}, false},
      {"last bit differs", {1, 2, 3}, {1, 2, 2}, false},
      {"prefix", {1, 2}, {1, 2, 3}, false},
      {"empty vs non-empty", {}, {0}, false},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ct_equal(c.a, c.b), c.equal);
    EXPECT_EQ(ct_equal(c.b, c.a), c.equal);
  }
}

TEST(CryptoKatTest, WipeZeroesMemory) {
  Bytes buf(33, 0xa5);
  wipe(buf.data(), 16);
  EXPECT_EQ(Bytes(buf.begin(), buf.begin() + 16), Bytes(16, 0));
  EXPECT_EQ(Bytes(buf.begin() + 16, buf.end()), Bytes(17, 0xa5));
  wipe(buf.data(), buf.size());
  EXPECT_EQ(buf, Bytes(33, 0));
  wipe(nullptr, 0);  // a no-op, not a crash
}

TEST(CryptoKatTest, SecretCopyHoldsTheBytes) {
  const Bytes src = {9, 8, 7};
  SecretBytes s = secret_copy(src);
  EXPECT_EQ(Bytes(s.begin(), s.end()), src);
}

TEST(CryptoKatTest, RandomBytes) {
  for (size_t n : {0u, 1u, 16u, 1000u}) {
    auto r = random_bytes(n);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->size(), n);
  }
  // 2^-256 chance of a false failure.
  auto a = random_bytes(32);
  auto b = random_bytes(32);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  auto x = random_u64();
  auto y = random_u64();
  ASSERT_TRUE(x.ok() && y.ok());
  EXPECT_NE(*x, *y);  // 2^-64 chance of a false failure
}

}  // namespace
}  // namespace rtcseal::crypto
