// The agora-builtin modes whose cipher BoringSSL lacks (XTS, SM4-ECB) answer UNIMPLEMENTED at
// configure, before any key rule is judged, while the other modes configure and round-trip.
#include <gtest/gtest.h>

#include <string>

#include "rtcseal/agora_builtin.h"
#include "rtcseal/scheme.h"

namespace rtcseal {
namespace {

TEST(BoringSslSchemesTest, XtsAndSm4ModesAreUnimplemented) {
  for (const char* mode : {"AES_128_XTS", "AES_256_XTS", "SM4_128_ECB"}) {
    SCOPED_TRACE(mode);
    // With a usable key, with no key, and with XTS halves that the reference rejects as equal.
    for (const Params& params : {Params{{"mode", mode}, {"key", "0123456789abcdef-key"}},
                                 Params{{"mode", mode}}, Params{{"mode", mode}, {"key", "a"}}}) {
      auto ctx = agora::scheme().configure(params);
      ASSERT_FALSE(ctx.ok());
      EXPECT_EQ(ctx.error().code, Err::UNIMPLEMENTED) << ctx.error().message;
    }
  }
}

TEST(BoringSslSchemesTest, OtherModesRoundTrip) {
  const Params salt{{"salt", "XkCSa3e2nvKP/3jhlMwyqDLqxAKEEwyRPhSij2Z22I0="}};
  for (const char* mode :
       {"AES_128_ECB", "AES_128_GCM", "AES_256_GCM", "AES_128_GCM2", "AES_256_GCM2"}) {
    SCOPED_TRACE(mode);
    Params params = salt;
    params["mode"] = mode;
    params["key"] = "a shared key";
    auto ctx = agora::scheme().configure(params);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message;
    const Bytes payload = {1, 2, 3, 4, 5};
    auto packet = (*ctx)->protect({Media::Audio, Codec::Opus, payload, {}, 1, 2});
    ASSERT_TRUE(packet.ok()) << packet.error().message;
    auto back = (*ctx)->unprotect({Media::Audio, Codec::Opus, *packet, {}});
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, payload);
  }
}

}  // namespace
}  // namespace rtcseal
