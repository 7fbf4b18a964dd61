// Unit tests of scheme agora-builtin: the mode table, the key rules and the wire format.
#include "rtcseal/agora_builtin.h"

#include <gtest/gtest.h>

namespace rtcseal {
namespace {

using agora::Family;

const std::string kKey = "dba643c8ba6b6dc738df43d9fd624293b4b12d87a60f518253bd10ba98c48453";
const std::string kSalt = "X5w9T+50kzxVOnkJKiY/lUk82/bES2kATOt3vBuGEDw=";  // seed 000's example

Params params_for(const agora::ModeInfo& m) {
  Params p{{"mode", std::string(m.name)}, {"key", kKey}, {"datastream", "true"}};
  if (m.family == Family::Gcm2) p["salt"] = kSalt;
  return p;
}

std::unique_ptr<Context> configure(const Params& p) {
  auto ctx = agora::scheme().configure(p);
  EXPECT_TRUE(ctx.ok()) << (ctx.ok() ? "" : ctx.error().message);
  return ctx.ok() ? std::move(ctx).value() : nullptr;
}

Err configure_error(const Params& p) {
  auto ctx = agora::scheme().configure(p);
  return ctx.ok() ? Err::UNIMPLEMENTED : ctx.error().code;
}

TEST(AgoraModes, TableMatchesFacts) {
  // facts §1.1: values 1..8 in this order, with the native and Web strings.
  struct Row {
    int value;
    const char *name, *native, *web;
  };
  const Row rows[] = {{1, "AES_128_XTS", "aes-128-xts", "aes-128-xts"},
                      {2, "AES_128_ECB", "aes-128-ecb", "aes-128-ecb"},
                      {3, "AES_256_XTS", "aes-256-xts", "aes-256-xts"},
                      {4, "SM4_128_ECB", "sm4-128-ecb", "sm4-128-ecb"},
                      {5, "AES_128_GCM", "aes-128-gcm", "aes-128-gcm"},
                      {6, "AES_256_GCM", "aes-256-gcm", "aes-256-gcm"},
                      {7, "AES_128_GCM2", "aes-128-gcm-2", "aes-128-gcm2"},
                      {8, "AES_256_GCM2", "aes-256-gcm-2", "aes-256-gcm2"}};
  ASSERT_EQ(agora::modes().size(), std::size(rows));
  for (const Row& r : rows) {
    for (const char* alias : {r.name, r.native, r.web}) {
      const agora::ModeInfo* m = agora::find_mode(alias);
      ASSERT_NE(m, nullptr) << alias;
      EXPECT_EQ(m->value, r.value) << alias;
    }
    EXPECT_EQ(agora::find_mode(std::to_string(r.value))->name, r.name);
  }
  for (const char* bad :
       {"0", "9", "MODE_END", "none", "", "-1", "7 ", "05", "+5", "aes-128-gcm3"}) {
    EXPECT_EQ(agora::find_mode(bad), nullptr) << bad;
  }
}

TEST(AgoraConfig, KeyRules) {
  for (const auto& m : agora::modes()) {
    Params p = params_for(m);
    p.erase("key");
    EXPECT_EQ(configure_error(p), Err::KEY_MISSING) << m.name;
    p["key"] = "";
    EXPECT_EQ(configure_error(p), Err::KEY_MISSING) << m.name;
  }
  EXPECT_EQ(configure_error({{"mode", "AES_128_XTS"}, {"key", std::string(32, 'k')}}),
            Err::KEY_INVALID);
  EXPECT_EQ(configure_error({{"mode", "AES_256_XTS"}, {"key", std::string(64, 'k')}}),
            Err::KEY_INVALID);
  EXPECT_NE(configure({{"mode", "AES_128_XTS"}, {"key", std::string(31, 'k') + "j"}}), nullptr);
  EXPECT_EQ(configure_error({{"mode", "9"}, {"key", kKey}}), Err::MODE_UNSUPPORTED);
  EXPECT_EQ(agora::scheme().native_error(Err::KEY_MISSING), "-2");
  EXPECT_EQ(agora::scheme().native_error(Err::MODE_UNSUPPORTED), "-4");
}

TEST(AgoraConfig, SaltRulesApplyOnlyToGcm2) {
  Params p{{"mode", "AES_256_GCM2"}, {"key", kKey}};
  EXPECT_EQ(configure_error(p), Err::SALT_MISSING);
  p["salt"] = "";
  EXPECT_EQ(configure_error(p), Err::SALT_MISSING);
  p["salt"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";  // 32 zero bytes
  EXPECT_EQ(configure_error(p), Err::SALT_INVALID);
  p["salt"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";  // 31 zero bytes
  EXPECT_EQ(configure_error(p), Err::SALT_INVALID);
  p["salt"] = kSalt;
  EXPECT_NE(configure(p), nullptr);
  EXPECT_NE(configure({{"mode", "AES_128_GCM"}, {"key", kKey}, {"salt", "%%%"}}), nullptr);
}

// Every size from 0 to 65535, once per mode (one test per mode so ctest spreads them over the
// cores); the three media kinds get a sparser grid below.
class AgoraEverySize : public ::testing::TestWithParam<int> {};

TEST_P(AgoraEverySize, From0To65535RoundTrips) {
  const auto& m = *agora::find_mode(std::to_string(GetParam()));
  Bytes buffer(65535);
  for (size_t i = 0; i < buffer.size(); ++i) buffer[i] = static_cast<uint8_t>(i * 131 + 7);
  auto tx = configure(params_for(m));
  auto rx = configure(params_for(m));
  ASSERT_TRUE(tx && rx);
  for (size_t size = 0; size <= buffer.size(); ++size) {
    ByteView payload(buffer.data(), size);
    auto pkt = tx->protect({Media::Video, Codec::None, payload, {}, {}, {}});
    ASSERT_TRUE(pkt.ok()) << m.name << " size " << size;
    auto back = rx->unprotect({Media::Video, Codec::None, *pkt, {}});
    ASSERT_TRUE(back.ok()) << m.name << " size " << size << ": " << back.error().message;
    ASSERT_TRUE(std::equal(back->begin(), back->end(), payload.begin(), payload.end()))
        << m.name << " size " << size;
  }
}

INSTANTIATE_TEST_SUITE_P(AllModes, AgoraEverySize, ::testing::Range(1, 9), [](const auto& info) {
  return std::string(agora::find_mode(std::to_string(info.param))->name);
});

TEST(AgoraWire, EverySizeRoundTripsInEveryMode) {
  for (const auto& m : agora::modes()) {
    auto tx = configure(params_for(m));
    auto rx = configure(params_for(m));
    ASSERT_TRUE(tx && rx);
    Bytes payload;
    for (size_t size = 0; size <= 65535; size += size < 64 ? 1 : 997) {
      payload.resize(size, static_cast<uint8_t>(size));
      for (Media media : {Media::Audio, Media::Video, Media::Data}) {
        auto pkt = tx->protect({media, Codec::None, payload, {}, {}, {}});
        ASSERT_TRUE(pkt.ok()) << m.name << " size " << size;
        auto back = rx->unprotect({media, Codec::None, *pkt, {}});
        ASSERT_TRUE(back.ok()) << m.name << " size " << size << ": " << back.error().message;
        ASSERT_EQ(*back, payload) << m.name << " size " << size;
      }
    }
  }
}

TEST(AgoraWire, OverheadPerFamily) {
  const std::pair<const char*, size_t> cases[] = {
      {"AES_128_ECB", 1}, {"AES_128_XTS", 13}, {"AES_128_GCM", 29}, {"AES_256_GCM2", 29}};
  for (const auto& [name, overhead] : cases) {
    auto tx = configure(params_for(*agora::find_mode(name)));
    Bytes payload(32, 7);  // a whole number of blocks: no padding
    auto pkt = tx->protect({Media::Video, Codec::None, payload, {}, {}, {}});
    ASSERT_TRUE(pkt.ok());
    EXPECT_EQ(pkt->size(), payload.size() + overhead) << name;
  }
}

TEST(AgoraWire, GcmWrongKeyIsAuthFailedAndEcbIsGarbage) {
  for (const char* name : {"AES_128_GCM", "AES_256_GCM2", "AES_128_ECB", "AES_256_XTS"}) {
    const auto& m = *agora::find_mode(name);
    auto tx = configure(params_for(m));
    Params other = params_for(m);
    other["key"] = "another key string";
    auto rx = configure(other);
    Bytes payload(100, 0x42);
    auto pkt = tx->protect({Media::Audio, Codec::None, payload, {}, {}, {}});
    ASSERT_TRUE(pkt.ok());
    auto back = rx->unprotect({Media::Audio, Codec::None, *pkt, {}});
    if (m.family == Family::Gcm || m.family == Family::Gcm2) {
      ASSERT_FALSE(back.ok()) << name;
      EXPECT_EQ(back.error().code, Err::AUTH_FAILED) << name;
    } else {
      ASSERT_TRUE(back.ok()) << name;
      EXPECT_EQ(back->size(), payload.size());
      EXPECT_NE(*back, payload) << name;
    }
  }
}

TEST(AgoraWire, DatastreamOffSendsDataInTheClear) {
  Params p = params_for(*agora::find_mode("AES_128_GCM"));
  p["datastream"] = "false";
  auto ctx = configure(p);
  Bytes payload{1, 2, 3};
  auto data = ctx->protect({Media::Data, Codec::None, payload, {}, {}, {}});
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(*data, payload);
  auto audio = ctx->protect({Media::Audio, Codec::None, payload, {}, {}, {}});
  ASSERT_TRUE(audio.ok());
  EXPECT_EQ(audio->size(), payload.size() + 29);
}

TEST(AgoraWire, RekeyChangesTheKey) {
  const auto& m = *agora::find_mode("AES_128_GCM2");
  auto tx = configure(params_for(m));
  auto rx = configure(params_for(m));
  ASSERT_TRUE(tx->rekey({{"key", "a new key"}}).ok());
  Bytes payload(10, 1);
  auto pkt = tx->protect({Media::Audio, Codec::None, payload, {}, {}, {}});
  EXPECT_EQ(rx->unprotect({Media::Audio, Codec::None, *pkt, {}}).error().code, Err::AUTH_FAILED);
  ASSERT_TRUE(rx->rekey({{"key", "a new key"}}).ok());
  EXPECT_EQ(*rx->unprotect({Media::Audio, Codec::None, *pkt, {}}), payload);
  EXPECT_EQ(rx->rekey({{"key", ""}}).error().code, Err::KEY_MISSING);
}

}  // namespace
}  // namespace rtcseal

namespace rtcseal {
namespace {

// A reused output buffer holds an older, longer packet: the new packet must not inherit its bytes
// (ECB and XTS pad with zeros inside the buffer).
TEST(AgoraWire, ReusedBuffersGiveTheSameBytes) {
  for (const auto& m : agora::modes()) {
    auto ctx = configure(params_for(m));
    Bytes big(100, 0xee), small{1, 2, 3, 4, 5}, out, back(200, 0xee);
    ASSERT_TRUE(ctx->protect_into({Media::Audio, Codec::None, big, {}, 9, 9}, out).ok());
    ASSERT_TRUE(ctx->protect_into({Media::Audio, Codec::None, small, {}, 7, 7}, out).ok());
    auto fresh = ctx->protect({Media::Audio, Codec::None, small, {}, 7, 7});
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(out, *fresh) << m.name;
    ASSERT_TRUE(ctx->unprotect_into({Media::Audio, Codec::None, out, {}}, back).ok());
    EXPECT_EQ(back, small) << m.name;
  }
}

}  // namespace
}  // namespace rtcseal
