// The reader of the SFrame working group's test-vectors.json (harness/src/vectors/sframe_wg.cpp):
// the published file runs clean, an implementation without in-process primitives still has its
// frames checked, and a malformed file is an InputError naming the JSON path.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "rtcseal/vectors.h"

namespace rtcseal {
namespace {

namespace fs = std::filesystem;

const std::string kPublished =
    (fs::path(RTCSEAL_SOURCE_DIR) / "vectors" / "sframe" / "rfc9605_test_vectors.json").string();

std::map<std::string, std::map<Outcome, int>> tally(const std::vector<CheckResult>& results) {
  std::map<std::string, std::map<Outcome, int>> out;
  for (const CheckResult& r : results) {
    const std::string section =
        r.id.substr(r.id.find('#') + 1, r.id.find('/', r.id.find('#')) - r.id.find('#') - 1);
    ++out[section][r.outcome];
  }
  return out;
}

TEST(SframeWg, PublishedFileRunsClean) {
  auto impl = make_reference_implementation();
  auto results = vectors::verify_file(kPublished, *impl);
  ASSERT_TRUE(results.ok()) << results.error().what();
  auto t = tally(*results);
  EXPECT_EQ(t["header"][Outcome::Pass], 289);
  EXPECT_EQ(t["aes_ctr_hmac"][Outcome::Pass], 3);
  EXPECT_EQ(t["sframe"][Outcome::Pass], 5);
  EXPECT_EQ(results->size(), 297u);
  EXPECT_EQ(results->front().id, kPublished + "#header/0");
  EXPECT_EQ(results->front().suite, "sframe-wg");
  EXPECT_EQ(results->back().variant, "AES_256_GCM_SHA512_128");
}

// The reference's schemes, without in-process primitives: what a shim looks like to the reader.
class SchemesOnly final : public Implementation {
 public:
  const std::string& name() const override { return name_; }
  Result<std::unique_ptr<Context>> configure(std::string_view scheme,
                                             const Params& params) override {
    return inner_->configure(scheme, params);
  }
  bool runs_primitives() const override { return false; }

 private:
  std::unique_ptr<Implementation> inner_ = make_reference_implementation();
  std::string name_ = "schemes-only";
};

TEST(SframeWg, FramesRunThroughTheImplementationWithoutPrimitives) {
  SchemesOnly impl;
  auto results = vectors::verify_file(kPublished, impl);
  ASSERT_TRUE(results.ok()) << results.error().what();
  auto t = tally(*results);
  EXPECT_EQ(t["header"][Outcome::Unsupported], 289);
  EXPECT_EQ(t["aes_ctr_hmac"][Outcome::Unsupported], 3);
  EXPECT_EQ(t["sframe"][Outcome::Pass], 5);
}

std::string write(const std::string& name, const nlohmann::json& doc) {
  fs::path p = fs::temp_directory_path() / ("rtcseal_sframe_wg_" + name + ".json");
  std::ofstream(p) << doc.dump();
  return p.string();
}

nlohmann::json published() {
  std::ifstream in(kPublished);
  return nlohmann::json::parse(in);
}

TEST(SframeWg, MalformedFilesNameTheJsonPath) {
  auto impl = make_reference_implementation();
  struct Case {
    const char* name;
    void (*spoil)(nlohmann::json&);
    const char* path;
  };
  const Case cases[] = {
      {"header_not_array", [](nlohmann::json& d) { d["header"] = 5; }, "/header"},
      {"missing_encoded", [](nlohmann::json& d) { d["header"][3].erase("encoded"); }, "/header/3"},
      {"bad_hex", [](nlohmann::json& d) { d["aes_ctr_hmac"][1]["ct"] = "0g"; },
       "/aes_ctr_hmac/1/ct"},
      {"negative_kid", [](nlohmann::json& d) { d["sframe"][2]["kid"] = -1; }, "/sframe/2/kid"},
      {"kid_over_64_bits", [](nlohmann::json& d) { d["header"][0]["kid"] = 1.8446744073709552e19; },
       "/header/0/kid"},
      {"case_not_object", [](nlohmann::json& d) { d["sframe"][0] = "x"; }, "/sframe/0"},
  };
  for (const Case& c : cases) {
    nlohmann::json doc = published();
    c.spoil(doc);
    auto results = vectors::verify_file(write(c.name, doc), *impl);
    ASSERT_FALSE(results.ok()) << c.name;
    EXPECT_EQ(results.error().json_path, c.path) << c.name << ": " << results.error().what();
  }
}

TEST(SframeWg, WrongPublishedBytesFailWithTheReason) {
  auto impl = make_reference_implementation();
  nlohmann::json doc = published();
  doc["header"][10]["encoded"] = "00";
  doc["sframe"][4]["ct"] = "9901234567";
  auto results = vectors::verify_file(write("wrong_bytes", doc), *impl);
  ASSERT_TRUE(results.ok());
  int failed = 0;
  for (const CheckResult& r : *results) {
    if (r.outcome != Outcome::Fail) continue;
    ++failed;
    EXPECT_NE(r.reason.find("differs from the published value"), std::string::npos) << r.reason;
  }
  EXPECT_EQ(failed, 2);
}

TEST(SframeWg, LaterSuitesAreUnsupportedNotIgnored) {
  auto impl = make_reference_implementation();
  nlohmann::json doc = published();
  nlohmann::json later = doc["aes_ctr_hmac"][0];
  later["cipher_suite"] = 6;
  doc["aes_256_ctr_hmac"] = nlohmann::json::array({later});
  auto results = vectors::verify_file(write("later_suites", doc), *impl);
  ASSERT_TRUE(results.ok());
  auto t = tally(*results);
  EXPECT_EQ(t["aes_256_ctr_hmac"][Outcome::Unsupported], 1);
  EXPECT_EQ(results->size(), 298u);
}

}  // namespace
}  // namespace rtcseal
