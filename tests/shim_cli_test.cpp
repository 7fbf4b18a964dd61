// `--impl NAME=COMMAND`, `--impl-config NAME=FILE` and `rtcseal shim` as a user meets them:
// results name their implementation, configs disable checks and map native codes, bad options and
// bad configs exit 2 naming the fault.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_run.h"

namespace {

namespace fs = std::filesystem;
using rtcseal_test::CliRun;
using rtcseal_test::rtcseal;

const std::string kGcm =
    std::string(RTCSEAL_SOURCE_DIR) + "/vectors/agora-builtin/aes_128_gcm.json";
const std::string kEcb =
    std::string(RTCSEAL_SOURCE_DIR) + "/vectors/agora-builtin/aes_128_ecb.json";

// `--impl NAME='rtcseal shim'`, quoted for the shell.
std::string impl(const std::string& name, const std::string& extra = "") {
  return "--impl '" + name + "=" + std::string(RTCSEAL_CLI) + " shim" + extra + "'";
}

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("rtcseal_shim_cli_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path write(const fs::path& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir / name) << text;
  return dir / name;
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

TEST(ShimCli, TheReferenceShimAgreesWithTheReference) {
  fs::path out = temp_dir("agree");
  CliRun r = rtcseal("vectors verify " + impl("ref2") + " --out " + out.string() + " " + kGcm +
                     " " + kEcb);
  ASSERT_EQ(r.code, 0) << r.output;
  // One count line per implementation, then the total; the shim's equal the reference's.
  auto line = [&](const std::string& prefix) {
    size_t at = r.output.find(prefix);
    EXPECT_NE(at, std::string::npos) << r.output;
    return r.output.substr(at + prefix.size(), r.output.find('\n', at) - at - prefix.size());
  };
  EXPECT_EQ(line("reference: "), line("ref2: "));
  EXPECT_NE(r.output.find("all: pass "), std::string::npos);
  auto report = read_json(out / "report.json");
  std::set<std::string> names;
  for (const auto& result : report["results"]) names.insert(result["implementation"]);
  EXPECT_EQ(names, (std::set<std::string>{"reference", "ref2"}));
}

TEST(ShimCli, DisabledChecksAreSkippedWithTheirReason) {
  fs::path dir = temp_dir("disabled");
  fs::path config =
      write(dir, "ref2.json", R"({"disabled": {"*/aes_128_ecb.json#*": "no ECB here"}})");
  CliRun r = rtcseal("vectors verify --no-reference " + impl("ref2") + " --impl-config ref2=" +
                     config.string() + " --out " + dir.string() + " " + kEcb);
  ASSERT_EQ(r.code, 0) << r.output;
  auto report = read_json(dir / "report.json");
  ASSERT_FALSE(report["results"].empty());
  for (const auto& result : report["results"]) {
    EXPECT_EQ(result["outcome"], "skip");
    EXPECT_EQ(result["reason"], "disabled: no ECB here");
    EXPECT_EQ(result["implementation"], "ref2");
  }
}

TEST(ShimCli, ErrorMapAcceptsTheNativeCode) {
  fs::path dir = temp_dir("errormap");
  const std::string rename = R"( | sed -u "s/\"error\":\"AUTH_FAILED\"/\"error\":\"-120\"/")";
  CliRun unmapped = rtcseal("vectors verify --no-reference " + impl("native", rename) + " " + kGcm);
  EXPECT_EQ(unmapped.code, 1) << unmapped.output;
  fs::path config = write(dir, "native.json", R"({"errorMap": {"AUTH_FAILED": ["-120"]}})");
  CliRun mapped = rtcseal("vectors verify --no-reference " + impl("native", rename) +
                          " --impl-config native=" + config.string() + " " + kGcm);
  EXPECT_EQ(mapped.code, 0) << mapped.output;
  EXPECT_NE(mapped.output.find(", fail 0,"), std::string::npos) << mapped.output;
}

TEST(ShimCli, BrokenShimIsAnErrorAndExits1) {
  CliRun r =
      rtcseal("vectors verify --no-reference --shim-timeout-ms 300 --impl 'gone=exit 3' " + kGcm);
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("fail 0, unsupported 0, skip 0, error "), std::string::npos) << r.output;
}

TEST(ShimCli, BadImplOptionsExit2) {
  fs::path dir = temp_dir("bad");
  fs::path bad_config = write(dir, "bad.json", R"({"errorMap": {"NOT_A_CODE": ["x"]}})");
  fs::path typo = write(dir, "typo.json", R"({"disabeld": {}})");
  fs::path bad_json = write(dir, "broken.json", "{");
  fs::path ok = write(dir, "ok.json", "{}");
  const std::pair<std::string, const char*> cases[] = {
      {"--impl noequals " + kGcm, "expects NAME=VALUE"},
      {"--impl 'bad name=x' " + kGcm, "may hold only"},
      {"--impl reference=x " + kGcm, "built-in"},
      {"--impl a=x --impl a=y " + kGcm, "used twice"},
      {"--no-reference " + kGcm, "needs at least one --impl"},
      {"--impl a=x --impl-config b=" + bad_config.string() + " " + kGcm,
       "at /errorMap/NOT_A_CODE: \"NOT_A_CODE\" is not a canonical error"},
      {"--impl a=x --impl-config a=" + typo.string() + " " + kGcm, "at /disabeld: unknown field"},
      {"--impl a=x --impl-config a=" + bad_json.string() + " " + kGcm, "invalid JSON"},
      {"--impl a=x --impl-config b=" + ok.string() + " --impl-config b=" + ok.string() + " " + kGcm,
       "two configs"},
      {"--impl a=x --impl-config a=" + (dir / "missing.json").string() + " " + kGcm, "cannot open"},
      {"--impl a=x --impl-config zzz=" + ok.string() + " " + kGcm,
       "\"zzz\" is not an implementation of this run"},
  };
  for (const auto& [args, message] : cases) {
    CliRun r = rtcseal("vectors verify " + args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.output;
    EXPECT_NE(r.output.find(message), std::string::npos) << args << "\n" << r.output;
  }
}

TEST(ShimCli, ShimAnswersEveryLineAndExits0AtEndOfInput) {
  fs::path dir = temp_dir("serve");
  fs::path input = write(dir, "in.jsonl",
                         "{\"id\":1,\"op\":\"hello\",\"protocol\":1}\n"
                         "not json at all\n"
                         "{\"id\":3,\"op\":\"close\",\"ctx\":\"x\"}\n");
  CliRun r = rtcseal("shim < " + input.string());
  EXPECT_EQ(r.code, 0) << r.output;
  std::istringstream lines(r.output);
  std::string line;
  std::vector<nlohmann::json> replies;
  while (std::getline(lines, line)) replies.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(replies.size(), 3u) << r.output;
  EXPECT_EQ(replies[0]["name"], "rtcseal-reference");
  EXPECT_EQ(replies[0]["features"], nlohmann::json::array({"batch"}));
  EXPECT_EQ(replies[1]["error"], "MALFORMED_REQUEST");
  EXPECT_EQ(replies[2]["error"], "NOT_INITIALIZED");
}

}  // namespace
