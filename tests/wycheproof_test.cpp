// The Wycheproof runner against fixtures transcribed from the published C2SP/wycheproof files
// (tests/data/wycheproof/: real test cases, header and notes as published). Failure paths and
// malformed input are made by editing a loaded fixture in memory, so the files stay as published.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rtcseal/implementation.h"
#include "rtcseal/json_input.h"
#include "rtcseal/vectors.h"

namespace rtcseal {
namespace {

// An implementation that runs nothing but says whether it exposes primitives.
class FakeImplementation : public Implementation {
 public:
  FakeImplementation(std::string name, bool primitives)
      : name_(std::move(name)), primitives_(primitives) {}
  const std::string& name() const override { return name_; }
  Result<std::unique_ptr<Context>> configure(std::string_view, const Params&) override {
    return fail(Err::UNIMPLEMENTED);
  }
  bool runs_primitives() const override { return primitives_; }

 private:
  std::string name_;
  bool primitives_;
};

struct Fixture {
  std::string file;
  nlohmann::json doc;
};

Fixture load(const std::string& name) {
  Fixture f{std::string(RTCSEAL_TESTDATA_DIR) + "/wycheproof/" + name, {}};
  auto doc = load_json_file(f.file);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().what());
  if (doc.ok()) f.doc = *doc;
  return f;
}

InputResult<std::vector<CheckResult>> run(const Fixture& f, bool primitives = true) {
  FakeImplementation impl("fake", primitives);
  JsonNode root(f.file, f.doc);
  return vectors::run_wycheproof_file(root, impl);
}

std::vector<CheckResult> run_ok(const Fixture& f) {
  auto results = run(f);
  EXPECT_TRUE(results.ok()) << (results.ok() ? "" : results.error().what());
  return results.ok() ? *results : std::vector<CheckResult>{};
}

const CheckResult& by_tc(const std::vector<CheckResult>& results, int64_t tc_id) {
  for (const auto& r : results) {
    if (r.tc_id == tc_id) return r;
  }
  ADD_FAILURE() << "no result for tcId " << tc_id;
  static const CheckResult missing;
  return missing;
}

// The test case with `tc_id` inside the loaded document, for editing.
nlohmann::json& test_case(Fixture& f, int64_t tc_id) {
  for (auto& group : f.doc["testGroups"]) {
    for (auto& t : group["tests"]) {
      if (t["tcId"] == tc_id) return t;
    }
  }
  ADD_FAILURE() << "no tcId " << tc_id << " in " << f.file;
  static nlohmann::json missing;
  return missing;
}

void expect_outcomes(const std::vector<CheckResult>& results,
                     const std::vector<std::pair<int64_t, Outcome>>& expected) {
  ASSERT_EQ(results.size(), expected.size());
  for (const auto& [tc, outcome] : expected) {
    const CheckResult& r = by_tc(results, tc);
    EXPECT_EQ(r.outcome, outcome) << "tcId " << tc << ": " << r.reason;
  }
}

InputError expect_input_error(const Fixture& f) {
  auto results = run(f);
  EXPECT_FALSE(results.ok());
  return results.ok() ? InputError{} : results.error();
}

TEST(Wycheproof, AesGcmPublishedCases) {
  Fixture f = load("aes_gcm_test.json");
  auto results = run_ok(f);
  expect_outcomes(results, {{1, Outcome::Pass},
                            {41, Outcome::Pass},   // ModifiedTag rejected
                            {91, Outcome::Pass},   // AES-256
                            {259, Outcome::Pass},  // 120-bit IV
                            {267, Outcome::Pass},  // 1024-bit IV
                            {268, Outcome::Skip},  // 2056-bit IV, above OpenSSL's limit
                            {278, Outcome::Pass},  // 8-bit IV
                            {176, Outcome::Skip},  // AES-192
                            {311, Outcome::Pass},  // ZeroLengthIv rejected
                            {312, Outcome::Pass},
                            {313, Outcome::Skip}});
  const CheckResult& r = by_tc(results, 41);
  EXPECT_EQ(r.id, f.file + "#41");
  EXPECT_EQ(r.suite, "wycheproof");
  EXPECT_EQ(r.implementation, "fake");
  EXPECT_EQ(r.scheme, "aes-gcm");
  EXPECT_EQ(r.variant, "keySize=128 ivSize=96 tagSize=128");
  EXPECT_EQ(r.source, f.file);
  EXPECT_EQ(r.comment, "Flipped bit 0 in tag");
  EXPECT_EQ(r.flags, std::vector<std::string>{"ModifiedTag"});
  EXPECT_NE(by_tc(results, 176).reason.find("192-bit"), std::string::npos);
}

TEST(Wycheproof, AesGcmLegacyFileWithAllowListedAcceptableCases) {
  // testvectors/ (0.8r12): schema "aead_test_schema.json", notes as plain strings, and the SmallIv
  // vectors published as "acceptable" (testvectors_v1 has them as valid).
  Fixture f = load("aes_gcm_test_legacy.json");
  auto results = run_ok(f);
  expect_outcomes(
      results,
      {{1, Outcome::Pass}, {223, Outcome::Pass}, {229, Outcome::Pass}, {230, Outcome::Pass}});
  EXPECT_NE(by_tc(results, 230).reason.find("acceptable test treated as valid"), std::string::npos);
  EXPECT_TRUE(by_tc(results, 1).reason.empty());
}

TEST(Wycheproof, AcceptableWithFlagOffTheAllowListCountsAsInvalid) {
  Fixture f = load("aes_gcm_test.json");
  test_case(f, 1)["result"] = "acceptable";   // a correct ciphertext, flag Ktv
  test_case(f, 41)["result"] = "acceptable";  // a modified tag, flag ModifiedTag
  auto results = run_ok(f);
  const CheckResult& accepted = by_tc(results, 1);
  EXPECT_EQ(accepted.outcome, Outcome::Fail);
  EXPECT_NE(accepted.reason.find("flag Ktv is not on the allow-list"), std::string::npos);
  EXPECT_NE(accepted.reason.find("open accepted"), std::string::npos);
  const CheckResult& rejected = by_tc(results, 41);
  EXPECT_EQ(rejected.outcome, Outcome::Pass);
  EXPECT_NE(rejected.reason.find("treated as invalid"), std::string::npos);
}

TEST(Wycheproof, AlteredCiphertextFails) {
  Fixture f = load("aes_gcm_test.json");
  test_case(f, 1)["ct"] = "27073cc1d851beff176384dc9896d5ff";  // first byte 26 -> 27
  const CheckResult r = by_tc(run_ok(f), 1);
  EXPECT_EQ(r.outcome, Outcome::Fail);
  EXPECT_NE(r.reason.find("at byte 0"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("expected 27073cc1"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("got 26073cc1"), std::string::npos) << r.reason;
}

TEST(Wycheproof, InvalidGcmCaseThatVerifiesFails) {
  // The valid tcId 1 relabelled invalid: its tag verifies, so the runner must report a failure.
  Fixture f = load("aes_gcm_test.json");
  test_case(f, 1)["result"] = "invalid";
  EXPECT_EQ(by_tc(run_ok(f), 1).outcome, Outcome::Fail);
}

TEST(Wycheproof, AesXtsPublishedCases) {
  Fixture f = load("aes_xts_test.json");
  auto results = run_ok(f);
  expect_outcomes(results, {{1, Outcome::Pass},
                            {2, Outcome::Pass},   // ciphertext stealing
                            {27, Outcome::Skip},  // AES-192-XTS
                            {53, Outcome::Pass},  // AES-256-XTS
                            {79, Outcome::Pass},  // 1-byte tweak
                            {81, Outcome::Pass},
                            {121, Outcome::Pass}});
  EXPECT_EQ(by_tc(results, 1).scheme, "aes-xts");
  EXPECT_EQ(by_tc(results, 1).variant, "keySize=256 ivSize=64");
}

TEST(Wycheproof, AesXtsShortMessage) {
  // tcId 1 cut to 15 bytes: XTS needs a full block, so encryption must be refused.
  Fixture f = load("aes_xts_test.json");
  auto& t = test_case(f, 1);
  t["msg"] = "7252a0545fcaa07fc468c636203de2";
  t["ct"] = "d107e084fbaed19c5be05ac4f48b77";
  t["result"] = "invalid";
  EXPECT_EQ(by_tc(run_ok(f), 1).outcome, Outcome::Pass);
  t["result"] = "valid";
  const CheckResult r = by_tc(run_ok(f), 1);
  EXPECT_EQ(r.outcome, Outcome::Fail);
  EXPECT_NE(r.reason.find("encrypt rejected a valid test"), std::string::npos) << r.reason;
}

TEST(Wycheproof, Pbkdf2PublishedCases) {
  auto sha256 = run_ok(load("pbkdf2_hmacsha256_test.json"));
  expect_outcomes(sha256, {{1, Outcome::Pass},
                           {2, Outcome::Pass},
                           {3, Outcome::Pass},
                           {51, Outcome::Pass},
                           {55, Outcome::Pass}});
  EXPECT_EQ(by_tc(sha256, 1).scheme, "pbkdf2-hmac-sha256");
  EXPECT_EQ(by_tc(sha256, 1).variant, "");
  auto sha512 = run_ok(load("pbkdf2_hmacsha512_test.json"));
  expect_outcomes(sha512, {{1, Outcome::Pass}, {2, Outcome::Pass}});
  EXPECT_EQ(by_tc(sha512, 1).scheme, "pbkdf2-hmac-sha512");
}

TEST(Wycheproof, Pbkdf2CutOffsAndMismatch) {
  Fixture f = load("pbkdf2_hmacsha256_test.json");
  // Unsigned, as a parsed file holds them.
  test_case(f, 2)["iterationCount"] = uint64_t{100'000'000};
  test_case(f, 1)["dkLen"] = uint64_t{1} << 21;
  test_case(f, 3)["dk"] = "0501c73cb9f40b6769513e70e525051f";
  auto results = run_ok(f);
  EXPECT_EQ(by_tc(results, 2).outcome, Outcome::Skip);
  EXPECT_NE(by_tc(results, 2).reason.find("cut-off"), std::string::npos);
  EXPECT_EQ(by_tc(results, 1).outcome, Outcome::Skip);
  EXPECT_EQ(by_tc(results, 3).outcome, Outcome::Fail);
  EXPECT_NE(by_tc(results, 3).reason.find("at byte 15"), std::string::npos);
}

TEST(Wycheproof, HkdfPublishedCases) {
  auto sha256 = run_ok(load("hkdf_sha256_test.json"));
  expect_outcomes(sha256, {{1, Outcome::Pass},
                           {2, Outcome::Pass},
                           {3, Outcome::Pass},
                           {74, Outcome::Pass},  // SizeTooLarge rejected
                           {76, Outcome::Pass},
                           {77, Outcome::Pass}});
  EXPECT_EQ(by_tc(sha256, 3).scheme, "hkdf-sha256");
  EXPECT_EQ(by_tc(sha256, 3).variant, "keySize=640");
  auto sha512 = run_ok(load("hkdf_sha512_test.json"));
  expect_outcomes(sha512, {{1, Outcome::Pass}, {2, Outcome::Pass}});
  EXPECT_EQ(by_tc(sha512, 1).scheme, "hkdf-sha512");
}

TEST(Wycheproof, HkdfOversizeOutputMustBeRejected) {
  Fixture f = load("hkdf_sha256_test.json");
  test_case(f, 74)["result"] = "valid";
  EXPECT_EQ(by_tc(run_ok(f), 74).outcome, Outcome::Fail);
}

TEST(Wycheproof, ImplementationWithoutPrimitivesIsUnsupported) {
  for (const char* name : {"aes_gcm_test.json", "aes_xts_test.json", "pbkdf2_hmacsha256_test.json",
                           "hkdf_sha256_test.json"}) {
    Fixture f = load(name);
    FakeImplementation impl("shim-x", false);
    JsonNode root(f.file, f.doc);
    auto results = vectors::run_wycheproof_file(root, impl);
    ASSERT_TRUE(results.ok()) << results.error().what();
    ASSERT_FALSE(results->empty());
    for (const auto& r : *results) {
      EXPECT_EQ(r.outcome, Outcome::Unsupported) << name << " tcId " << *r.tc_id;
      EXPECT_EQ(r.reason, "implementation shim-x does not expose primitives");
    }
  }
}

TEST(Wycheproof, MalformedInputNamesTheJsonPath) {
  {
    Fixture f = load("aes_gcm_test.json");
    test_case(f, 41)["key"] = "00010203zz";
    InputError e = expect_input_error(f);
    EXPECT_EQ(e.file, f.file);
    EXPECT_EQ(e.json_path, "/testGroups/0/tests/1/key");
  }
  {
    Fixture f = load("aes_gcm_test.json");
    test_case(f, 1).erase("ct");
    InputError e = expect_input_error(f);
    EXPECT_EQ(e.json_path, "/testGroups/0/tests/0");
    EXPECT_NE(e.message.find("\"ct\""), std::string::npos);
  }
  {
    Fixture f = load("aes_xts_test.json");
    test_case(f, 53)["tcId"] = "53";
    EXPECT_EQ(expect_input_error(f).json_path, "/testGroups/2/tests/0/tcId");
  }
  {
    Fixture f = load("pbkdf2_hmacsha256_test.json");
    test_case(f, 3)["iterationCount"] = -1;
    EXPECT_EQ(expect_input_error(f).json_path, "/testGroups/0/tests/2/iterationCount");
  }
  {
    Fixture f = load("hkdf_sha256_test.json");
    test_case(f, 2)["result"] = "maybe";
    EXPECT_EQ(expect_input_error(f).json_path, "/testGroups/0/tests/1/result");
  }
  {
    Fixture f = load("hkdf_sha256_test.json");
    test_case(f, 3)["tcId"] = 1;
    InputError e = expect_input_error(f);
    EXPECT_EQ(e.json_path, "/testGroups/1/tests/0/tcId");
    EXPECT_NE(e.message.find("duplicate"), std::string::npos);
  }
  {
    Fixture f = load("aes_gcm_test.json");
    f.doc["testGroups"][1].erase("tagSize");
    EXPECT_EQ(expect_input_error(f).json_path, "/testGroups/1");
  }
  {
    Fixture f = load("aes_gcm_test.json");
    f.doc["testGroups"][0]["type"] = "IndCpaTest";
    EXPECT_EQ(expect_input_error(f).json_path, "/testGroups/0/type");
  }
  {
    Fixture f = load("aes_gcm_test.json");
    f.doc["testGroups"] = nlohmann::json::object();
    EXPECT_EQ(expect_input_error(f).json_path, "/testGroups");
  }
}

TEST(Wycheproof, UnsupportedSchemaOrAlgorithmIsAnInputError) {
  Fixture f = load("aes_gcm_test.json");
  f.doc["schema"] = "rsassa_pss_verify_schema_v1.json";
  InputError schema = expect_input_error(f);
  EXPECT_EQ(schema.json_path, "/schema");
  EXPECT_NE(schema.message.find("unsupported Wycheproof schema"), std::string::npos);

  f = load("aes_gcm_test.json");
  f.doc["algorithm"] = "CHACHA20-POLY1305";
  InputError algorithm = expect_input_error(f);
  EXPECT_EQ(algorithm.json_path, "/algorithm");
  EXPECT_NE(algorithm.message.find("CHACHA20-POLY1305"), std::string::npos);

  f = load("aes_gcm_test.json");
  f.doc.erase("schema");
  EXPECT_EQ(expect_input_error(f).json_path, "");
}

TEST(Wycheproof, DetectsWycheproofDocuments) {
  for (const char* name : {"aes_gcm_test.json", "aes_gcm_test_legacy.json", "aes_xts_test.json",
                           "pbkdf2_hmacsha256_test.json", "hkdf_sha512_test.json"}) {
    EXPECT_TRUE(vectors::is_wycheproof(load(name).doc)) << name;
  }
  EXPECT_FALSE(vectors::is_wycheproof(nlohmann::json{{"schema", vectors::kProjectSchema},
                                                     {"testGroups", nlohmann::json::array()}}));
  EXPECT_FALSE(vectors::is_wycheproof(nlohmann::json{{"schema", "aead_test_schema_v1.json"}}));
  EXPECT_FALSE(vectors::is_wycheproof(nlohmann::json::array()));
}

}  // namespace
}  // namespace rtcseal
