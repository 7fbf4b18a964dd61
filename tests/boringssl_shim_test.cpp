// The BoringSSL shim (shims/boringssl) over protocol v1, run as its own process: it links no
// OpenSSL, says hello as "boringssl", answers UNIMPLEMENTED for the XTS and SM4 modes, and its
// packets match the reference's.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "rtcseal/shim_client.h"

namespace rtcseal {
namespace {

#ifdef RTCSEAL_BORINGSSL_SHIM

std::unique_ptr<Implementation> boringssl() {
  ShimOptions o;
  o.name = "boringssl";
  o.command = RTCSEAL_BORINGSSL_SHIM;
  return make_shim_implementation(std::move(o), {});
}

TEST(BoringSslShim, HelloNamesItself) {
  ShimOptions o;
  o.name = "boringssl";
  o.command = RTCSEAL_BORINGSSL_SHIM;
  ShimClient client(std::move(o));
  auto hello = client.hello();
  ASSERT_TRUE(hello.ok()) << hello.error().message;
  EXPECT_EQ(hello->name, "boringssl");
  EXPECT_EQ(hello->schemes,
            (std::vector<std::string>{"agora-builtin", "sframe", "vonage-e2ee", "framecryptor"}));
}

// BoringSSL and OpenSSL cannot share a process: the shim must load BoringSSL's libcrypto.so.0 and
// no OpenSSL library at all.
TEST(BoringSslShim, LinksNoOpenSsl) {
  FILE* p = popen(("ldd " + std::string(RTCSEAL_BORINGSSL_SHIM) + " 2>&1").c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ASSERT_EQ(pclose(p), 0) << out;
  EXPECT_NE(out.find("android/libcrypto.so.0"), std::string::npos) << out;
  EXPECT_EQ(out.find("libcrypto.so.3"), std::string::npos) << out;
  EXPECT_EQ(out.find("libssl"), std::string::npos) << out;
}

TEST(BoringSslShim, XtsAndSm4AreUnimplemented) {
  auto impl = boringssl();
  for (const char* mode : {"AES_128_XTS", "AES_256_XTS", "SM4_128_ECB"}) {
    SCOPED_TRACE(mode);
    auto ctx = impl->configure("agora-builtin", {{"mode", mode}, {"key", "some key"}});
    ASSERT_FALSE(ctx.ok());
    EXPECT_EQ(ctx.error().fault, Fault::None) << ctx.error().message;
    EXPECT_EQ(ctx.error().code, Err::UNIMPLEMENTED) << ctx.error().message;
  }
}

TEST(BoringSslShim, PacketsOpenWithTheReference) {
  auto shim = boringssl();
  auto reference = make_reference_implementation();
  const Params params{
      {"suite", "1"}, {"kid", "7"}, {"base_key", "000102030405060708090a0b0c0d0e0f"}};
  auto a = shim->configure("sframe", params);
  auto b = reference->configure("sframe", params);
  ASSERT_TRUE(a.ok() && b.ok());
  const Bytes payload{'H', 'e', 'l', 'l', 'o'};
  auto packet = (*a)->protect({Media::Video, Codec::Vp8, payload, {}, 1, 7});
  ASSERT_TRUE(packet.ok()) << packet.error().message;
  auto same = (*b)->protect({Media::Video, Codec::Vp8, payload, {}, 1, 7});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(*packet, *same);
  auto opened = (*b)->unprotect({Media::Video, Codec::Vp8, *packet, {}});
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(*opened, payload);
}

#else

TEST(BoringSslShim, NotBuilt) {
  GTEST_SKIP() << "android-libboringssl-dev is not installed: no BoringSSL shim";
}

#endif

}  // namespace
}  // namespace rtcseal
