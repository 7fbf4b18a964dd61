// `rtcseal differential`: the reference and the BoringSSL shim agree on every configuration both
// run (XTS and SM4 are unsupported on BoringSSL); a subtly wrong shim is caught with a replay
// command and the differing bytes; a seed replays the same run; bad usage exits 2.
#include "rtcseal/differential.h"

#include <gtest/gtest.h>

#include <string>

#include "cli_run.h"

namespace {

using rtcseal_test::CliRun;
using rtcseal_test::rtcseal;

std::string flip_sframe_shim() {
  return "flip=bash " + std::string(RTCSEAL_SOURCE_DIR) + "/tests/shims/flip_sframe.sh " +
         RTCSEAL_CLI;
}

#ifdef RTCSEAL_BORINGSSL_SHIM

TEST(Differential, ReferenceAndBoringSslAgree) {
  CliRun r = rtcseal("differential --impl reference --impl boringssl --seed 7 --cases 100");
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("seed 7"), std::string::npos);
  EXPECT_NE(r.output.find("disagree 0, error 0"), std::string::npos) << r.output;
  for (const char* label : {"agora-builtin AES_128_GCM2: agree", "sframe suite 1: agree",
                            "sframe suite 5 ratchet_bits 4: agree", "vonage-e2ee draft01: agree",
                            "framecryptor jitsi hkdf-jframeinfo: agree"}) {
    EXPECT_NE(r.output.find(label), std::string::npos) << label << "\n" << r.output;
  }
  for (const char* mode : {"AES_128_XTS", "AES_256_XTS", "SM4_128_ECB"}) {
    EXPECT_NE(r.output.find(std::string("agora-builtin ") + mode +
                            ": unsupported (boringssl answered UNIMPLEMENTED)"),
              std::string::npos)
        << mode << "\n"
        << r.output;
  }
}

#endif

TEST(Differential, CatchesADeliberatelyWrongShim) {
  CliRun r = rtcseal("differential --impl reference --impl '" + flip_sframe_shim() +
                     "' --seed 11 --cases 5");
  ASSERT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("first disagreement: sframe suite 1, protect, case 0"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("first differing byte:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("agora-builtin AES_128_GCM: agree"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("replay: rtcseal differential"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--seed 11 --cases 5 --scheme 'sframe suite 1'"), std::string::npos)
      << r.output;
}

TEST(Differential, TheSeedReplaysTheRun) {
  const std::string args = "differential --impl reference --impl '" + flip_sframe_shim() +
                           "' --cases 4 --scheme 'sframe*'";
  CliRun first = rtcseal(args + " --seed 123456789");
  CliRun again = rtcseal(args + " --seed 123456789");
  ASSERT_EQ(first.code, 1) << first.output;
  EXPECT_EQ(first.output, again.output);
  // The replay line of the report reruns exactly the configuration that disagreed.
  size_t at = first.output.find("replay: rtcseal ");
  ASSERT_NE(at, std::string::npos);
  std::string replay = first.output.substr(at + 16);
  replay = replay.substr(0, replay.find('\n'));
  CliRun replayed = rtcseal(replay);
  EXPECT_EQ(replayed.code, 1) << replayed.output;
  size_t d1 = first.output.find("first disagreement");
  size_t d2 = replayed.output.find("first disagreement");
  ASSERT_NE(d2, std::string::npos) << replayed.output;
  EXPECT_EQ(first.output.substr(d1, first.output.find("replay:") - d1),
            replayed.output.substr(d2, replayed.output.find("replay:") - d2));
}

TEST(Differential, CasesDependOnlyOnTheSeedAndTheConfiguration) {
  using namespace rtcseal::differential;
  const auto configs = all_configs(99);
  ASSERT_EQ(configs.size(), all_configs(99).size());
  for (const Config& c : configs) {
    const auto cases = make_cases(c, 20, 99);
    const auto again = make_cases(c, 20, 99);
    ASSERT_EQ(cases.size(), 20u);
    for (size_t i = 0; i < cases.size(); ++i) {
      EXPECT_EQ(cases[i].payload, again[i].payload) << c.label();
      EXPECT_EQ(cases[i].ctr, c.first_ctr + i);
    }
    EXPECT_TRUE(cases[0].payload.empty());  // the size edges come first
    EXPECT_EQ(cases[12].payload.size(), 65535u);
  }
  EXPECT_NE(all_configs(99)[0].params, all_configs(100)[0].params);
}

// A shim that dies mid-run is an error of the run (exit 1), not a disagreement and not a crash.
TEST(Differential, ACrashingShimIsAnError) {
  CliRun r = rtcseal(
      "differential --impl reference --impl 'crash=bash " + std::string(RTCSEAL_SOURCE_DIR) +
      "/tests/shims/crash_on_protect.sh' --seed 1 --cases 3 --scheme 'sframe suite 1'");
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("sframe suite 1: ERROR"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("disagree 0, error 1"), std::string::npos) << r.output;
}

TEST(Differential, BadUsageExits2) {
  EXPECT_EQ(rtcseal("differential --impl reference").code, 2);
  EXPECT_EQ(rtcseal("differential --impl reference --impl reference").code, 2);
  EXPECT_EQ(rtcseal("differential --impl reference --impl nonsense").code, 2);
  EXPECT_EQ(rtcseal("differential --impl reference --impl reference=x").code, 2);
  CliRun r = rtcseal("differential --impl reference --impl 'b=true' --scheme nothing-matches");
  EXPECT_EQ(r.code, 2) << r.output;
  EXPECT_NE(r.output.find("matches no configuration"), std::string::npos) << r.output;
}

}  // namespace
