// The rtcseal binary as a user meets it: exit codes, messages that name the file and JSON path,
// and reports that are written whole or not at all.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_run.h"

namespace {

namespace fs = std::filesystem;

using rtcseal_test::CliRun;
using rtcseal_test::rtcseal;

std::string malformed(const std::string& name) {
  return std::string(RTCSEAL_TESTDATA_DIR) + "/malformed/" + name;
}

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("rtcseal_cli_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(Cli, HelpAndVersion) {
  for (const char* args : {"--help", "vectors --help", "vectors verify --help",
                           "vectors generate --help", "conformance --help", "errors --help"}) {
    CliRun r = rtcseal(args);
    EXPECT_EQ(r.code, 0) << args;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << args;
  }
  CliRun v = rtcseal("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.output.rfind("rtcseal ", 0), 0u);
}

TEST(Cli, BadUsageExits2) {
  EXPECT_EQ(rtcseal("").code, 2);
  EXPECT_EQ(rtcseal("no-such-command").code, 2);
  EXPECT_EQ(rtcseal("vectors verify").code, 2);
  EXPECT_EQ(rtcseal("vectors verify /no/such/file.json").code, 2);
  EXPECT_EQ(rtcseal("conformance --vectors /no/such/dir").code, 2);
}

// Every malformed file exits 2 with its name and the JSON Pointer of the fault; none crashes.
TEST(Cli, MalformedVectorFilesExit2WithFileAndPath) {
  const std::pair<const char*, const char*> cases[] = {
      {"truncated_json.json", "invalid JSON"},
      {"empty.json", "invalid JSON"},
      {"top_level_array.json", "top level"},
      {"deep_nesting.json", "deeper than 256"},
      {"missing_field.json", "at /testGroups/0/tests/0: missing field \"packet\""},
      {"wrong_type.json", "at /testGroups/0/tests/0/tcId: expected an integer"},
      {"bad_hex.json", "at /testGroups/0/tests/0/packet: bad hex"},
      {"odd_hex.json", "at /testGroups/0/tests/0/packet: bad hex"},
      {"unknown_flag.json", "at /testGroups/0/tests/0/flags: flag \"Nope\""},
      {"count_mismatch.json", "at /numberOfTests"},
      {"unknown_field.json", "at /testGroups/0/tests/0/pakcet: unknown field"},
      {"unknown_error.json", "at /testGroups/0/tests/0/error"},
      {"unknown_scheme.json", "at /scheme: unknown scheme"},
      {"unknown_schema.json", "at /schema: unknown vector format"},
      {"bad_media.json", "at /testGroups/0/tests/0/media"},
      {"params_not_object.json", "at /testGroups/0/params: expected an object"},
      {"groups_not_array.json", "at /testGroups: expected an array"},
      {"duplicate_tcid.json", "at /testGroups/0/tests/1: duplicate tcId"},
      {"negative_ctr.json", "at /testGroups/0/tests/0/ctr"},
  };
  fs::path out = temp_dir("malformed");
  for (const auto& [file, message] : cases) {
    CliRun r = rtcseal("vectors verify --out " + out.string() + " " + malformed(file));
    EXPECT_EQ(r.code, 2) << file << ": " << r.output;
    EXPECT_NE(r.output.find(file), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(message), std::string::npos) << file << ": " << r.output;
  }
  // A malformed file anywhere in the run means no report at all, not a partial one.
  CliRun mixed = rtcseal("vectors verify --out " + out.string() + " " + malformed("valid.json") +
                         " " + malformed("bad_hex.json"));
  EXPECT_EQ(mixed.code, 2);
  EXPECT_FALSE(fs::exists(out / "report.json"));
}

TEST(Cli, VerifyWritesTheReport) {
  fs::path out = temp_dir("verify");
  CliRun r = rtcseal("vectors verify --out " + out.string() + " " + malformed("valid.json"));
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("pass 1, fail 0"), std::string::npos) << r.output;
  std::ifstream in(out / "report.json");
  auto report = nlohmann::json::parse(in);
  EXPECT_EQ(report["schema"], "rtcseal-report/1");
  EXPECT_EQ(report["summary"], (nlohmann::json{{"pass", 1},
                                               {"fail", 0},
                                               {"unsupported", 0},
                                               {"skip", 0},
                                               {"error", 0},
                                               {"undetected", 0}}));
  EXPECT_EQ(report["results"][0]["implementation"], "reference");
  EXPECT_TRUE(fs::exists(out / "summary.md"));
}

// A vector whose expected packet is wrong must fail the run: the runner can say no.
TEST(Cli, AWrongExpectedPacketFailsTheRun) {
  std::ifstream in(std::string(RTCSEAL_SOURCE_DIR) + "/vectors/agora-builtin/aes_128_gcm.json");
  auto doc = nlohmann::json::parse(in);
  auto& packet = doc["testGroups"][0]["tests"][3]["packet"];
  std::string hex = packet.get<std::string>();
  hex.back() = hex.back() == '0' ? '1' : '0';
  packet = hex;
  fs::path dir = temp_dir("tampered");
  std::ofstream(dir / "tampered.json") << doc.dump();
  CliRun r =
      rtcseal("vectors verify --out " + dir.string() + " " + (dir / "tampered.json").string());
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("fail 1,"), std::string::npos) << r.output;
  std::ifstream report_in(dir / "report.json");
  auto report = nlohmann::json::parse(report_in);
  bool found = false;
  for (const auto& res : report["results"]) {
    if (res["outcome"] == "fail") {
      found = true;
      EXPECT_NE(res["reason"].get<std::string>().find("protect output differs"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST(Cli, ConformancePrintsWhereTheReportsAre) {
  fs::path out = temp_dir("conformance");
  CliRun r = rtcseal("conformance --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find(out.string()), std::string::npos);
  std::ifstream in(out / "report.json");
  auto report = nlohmann::json::parse(in);
  EXPECT_GT(report["summary"]["pass"].get<int>(), 400);
  EXPECT_EQ(report["summary"]["fail"], 0);
  EXPECT_GT(report["summary"]["undetected"].get<int>(), 0);
#ifdef RTCSEAL_BORINGSSL_SHIM
  // The BoringSSL shim runs by default beside the reference; its XTS and SM4 checks are
  // unsupported, and nothing of it fails.
  EXPECT_NE(r.output.find("reference: pass"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("boringssl: pass"), std::string::npos) << r.output;
  std::map<std::string, int> boringssl;
  for (const auto& check : report["results"]) {
    if (check["implementation"] == "boringssl") ++boringssl[check["outcome"].get<std::string>()];
  }
  EXPECT_GT(boringssl["pass"], 400);
  EXPECT_GT(boringssl["unsupported"], 0);
  EXPECT_EQ(boringssl["fail"], 0);
  EXPECT_EQ(boringssl["error"], 0);
#endif
}

TEST(Cli, ConformanceWithoutBoringSsl) {
  fs::path out = temp_dir("conformance_no_boringssl");
  CliRun r = rtcseal("conformance --no-boringssl --vectors " + std::string(RTCSEAL_SOURCE_DIR) +
                     "/vectors/sframe --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_EQ(r.output.find("boringssl:"), std::string::npos) << r.output;
}

// docs/errors.json is the checked-in output of `rtcseal errors --json`.
TEST(Cli, ErrorListingMatchesTheCheckedInCopy) {
  CliRun r = rtcseal("errors --json");
  ASSERT_EQ(r.code, 0);
  std::ifstream in(std::string(RTCSEAL_SOURCE_DIR) + "/docs/errors.json");
  EXPECT_EQ(nlohmann::json::parse(r.output), nlohmann::json::parse(in))
      << "regenerate with: rtcseal errors --json > docs/errors.json";
}

}  // namespace
