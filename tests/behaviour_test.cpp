// The behavioural plan loads strictly, and the reference passes every check of it.
#include "rtcseal/behaviour.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli_run.h"

namespace rtcseal {
namespace {

namespace fs = std::filesystem;

const std::string kPlan = std::string(RTCSEAL_SOURCE_DIR) + "/checks/behaviour.json";

std::string write_temp(const std::string& name, const std::string& text) {
  fs::path p = fs::temp_directory_path() / name;
  std::ofstream(p) << text;
  return p.string();
}

TEST(BehaviourPlan, TheCheckedInPlanCoversEveryScheme) {
  auto plan = behaviour::load_plan(kPlan);
  ASSERT_TRUE(plan) << plan.error().what();
  std::set<std::string> schemes;
  for (const auto& t : plan->targets) schemes.insert(t.scheme);
  for (const Scheme* s : all_schemes())
    EXPECT_TRUE(schemes.count(std::string(s->name()))) << s->name();
  EXPECT_GE(plan->targets.size(), 17u);
}

struct BadPlan {
  std::string text;
  const char* path;
};

TEST(BehaviourPlan, MalformedPlansNameTheFileAndJsonPath) {
  const std::string target =
      R"({"name":"t","scheme":"sframe","params":{},"streams":[{"media":"audio","codec":"opus"}],)"
      R"("authenticated":true,"freshNonce":true,"mismatches":[)";
  const BadPlan cases[] = {
      {R"({"schema":"rtcseal-behaviour/2","sizes":[],"targets":[]})", "/schema"},
      {R"({"schema":"rtcseal-behaviour/1","sizes":[70000],"targets":[]})", "/sizes/0"},
      {R"({"schema":"rtcseal-behaviour/1","sizes":[],"targets":[],"colour":1})", "/colour"},
      {(R"({"schema":"rtcseal-behaviour/1","sizes":[],"targets":[)" + target +
        R"({"name":"m","receiver":{},"expect":"NOT_AN_ERROR"}]}]})"),
       "/targets/0/mismatches/0/expect"},
  };
  for (const BadPlan& c : cases) {
    const std::string file = write_temp("rtcseal_bad_plan.json", c.text);
    auto plan = behaviour::load_plan(file);
    ASSERT_FALSE(plan) << c.text;
    EXPECT_EQ(plan.error().file, file);
    EXPECT_EQ(plan.error().json_path, c.path) << plan.error().what();
  }
}

TEST(BehaviourPlan, UnknownSchemeOrCodecIsRejected) {
  const std::string file = write_temp(
      "rtcseal_bad_plan.json",
      R"({"schema":"rtcseal-behaviour/1","sizes":[1],"targets":[{"name":"t","scheme":"sframe",)"
      R"("params":{},"streams":[{"media":"audio","codec":"mp3"}],"authenticated":true,)"
      R"("freshNonce":true,"mismatches":[]}]})");
  auto plan = behaviour::load_plan(file);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().json_path, "/targets/0/streams/0/codec");
}

TEST(Behaviour, TheReferencePassesEveryCheck) {
  auto plan = behaviour::load_plan(kPlan);
  ASSERT_TRUE(plan) << plan.error().what();
  auto impl = make_reference_implementation();
  auto results = behaviour::run(*plan, *impl, 7);
  ASSERT_FALSE(results.empty());
  for (const CheckResult& r : results) {
    EXPECT_EQ(r.suite, "behaviour");
    EXPECT_EQ(r.implementation, "reference");
    // Only an unauthenticated mode may leave a mismatch undetected.
    if (r.outcome == Outcome::Undetected) {
      EXPECT_NE(r.id.find("/mismatch/"), std::string::npos) << r.id;
      EXPECT_TRUE(r.scheme == "agora-builtin") << r.id;
    } else {
      EXPECT_EQ(r.outcome, Outcome::Pass) << r.id << ": " << r.reason;
    }
  }
}

TEST(Behaviour, AMalformedPlanStopsConformanceWithExit2) {
  const std::string file =
      write_temp("rtcseal_bad_plan.json", R"({"schema":"rtcseal-behaviour/1"})");
  auto r = rtcseal_test::rtcseal("conformance --checks " + file + " --out " +
                                 (fs::temp_directory_path() / "rtcseal_bad_plan_out").string());
  EXPECT_EQ(r.code, 2) << r.output;
  EXPECT_NE(r.output.find(file), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(fs::temp_directory_path() / "rtcseal_bad_plan_out" / "report.json"));
}

}  // namespace
}  // namespace rtcseal
