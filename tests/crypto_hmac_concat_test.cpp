// Known answers for crypto::hmac_concat, the HMAC over several buffers without joining them: the
// RFC 4231 §4.3 case 2 message, split at every position and into empty parts, must give the
// published MAC for both hashes.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "rtcseal/bytes.h"
#include "rtcseal/crypto.h"

namespace rtcseal::crypto {
namespace {

constexpr std::string_view kKey = "Jefe";
constexpr std::string_view kData = "what do ya want for nothing?";
// RFC 4231 §4.3 (test case 2).
constexpr const char* kSha256 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
constexpr const char* kSha512 =
    "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
    "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737";

TEST(CryptoHmacConcat, Rfc4231Case2SplitAnywhere) {
  const ByteView data = as_bytes(kData);
  for (size_t cut = 0; cut <= data.size(); ++cut) {
    const ByteView parts[] = {data.first(cut), {}, data.subspan(cut)};
    auto mac256 = hmac_concat(Hash::Sha256, as_bytes(kKey), parts);
    auto mac512 = hmac_concat(Hash::Sha512, as_bytes(kKey), parts);
    ASSERT_TRUE(mac256.ok() && mac512.ok());
    EXPECT_EQ(to_hex(*mac256), kSha256) << cut;
    EXPECT_EQ(to_hex(*mac512), kSha512) << cut;
  }
}

// A key set once serves any number of MACs, each the same as a fresh hmac_concat.
TEST(CryptoHmacKey, Rfc4231Case2Repeatedly) {
  for (Hash h : {Hash::Sha256, Hash::Sha512}) {
    auto key = HmacKey::create(h, as_bytes(kKey));
    ASSERT_TRUE(key.ok());
    ASSERT_EQ(key->size(), hash_size(h));
    const ByteView data = as_bytes(kData);
    for (size_t cut = 0; cut <= data.size(); ++cut) {
      const ByteView parts[] = {data.first(cut), {}, data.subspan(cut)};
      Bytes mac(key->size());
      ASSERT_TRUE(key->mac_into(parts, mac.data()).ok());
      EXPECT_EQ(to_hex(mac), h == Hash::Sha256 ? kSha256 : kSha512) << cut;
    }
  }
}

TEST(CryptoHmacKey, EmptyKeyAndNoParts) {
  auto key = HmacKey::create(Hash::Sha256, {});
  ASSERT_TRUE(key.ok());
  Bytes mac(key->size());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(key->mac_into({}, mac.data()).ok());
    EXPECT_EQ(to_hex(mac), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  }
}

TEST(CryptoHmacConcat, NoPartsIsTheMacOfNothing) {
  // HMAC-SHA256("", ""), the same published value as CryptoKatTest.HmacEmptyKeyAfterKeyedCall.
  auto mac = hmac_concat(Hash::Sha256, {}, {});
  ASSERT_TRUE(mac.ok());
  EXPECT_EQ(to_hex(*mac), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

}  // namespace
}  // namespace rtcseal::crypto
