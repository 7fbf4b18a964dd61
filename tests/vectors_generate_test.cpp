// `rtcseal vectors generate` is deterministic and the checked-in files are its current output.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rtcseal/vectors.h"

namespace rtcseal {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(VectorsGenerate, RegeneratingChangesNothing) {
  fs::path dir = fs::temp_directory_path() / "rtcseal_generate_test";
  fs::remove_all(dir);
  auto written = vectors::generate(dir.string());
  ASSERT_TRUE(written.ok()) << written.error().what();
  // agora-builtin: one file per mode and the configuration rules; vonage-e2ee: one per engine,
  // the cross-engine frames and the secret rules; sframe: one per suite, ratchet, config rules.
  // framecryptor: livekit, livekit_hkdf, jitsi, jitsi_jframeinfo, the ratchet KAT, config rules,
  // two hostile-frame files.
  ASSERT_EQ(written->size(), 9u + 4u + 7u + 8u);
  fs::path checked_in = fs::path(RTCSEAL_SOURCE_DIR) / "vectors";
  for (const std::string& path : *written) {
    fs::path rel = fs::relative(path, dir);
    EXPECT_EQ(slurp(path), slurp(checked_in / rel))
        << rel << " differs from the checked-in copy: run `rtcseal vectors generate`";
  }
}

TEST(VectorsGenerate, EveryCheckedInFileVerifiesWithoutFailure) {
  auto impl = make_reference_implementation();
  fs::path dir = fs::path(RTCSEAL_SOURCE_DIR) / "vectors";
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    auto results = vectors::verify_file(entry.path().string(), *impl);
    ASSERT_TRUE(results.ok()) << results.error().what();
    for (const CheckResult& r : *results) {
      EXPECT_TRUE(r.outcome == Outcome::Pass || r.outcome == Outcome::Undetected)
          << r.id << ": " << outcome_name(r.outcome) << " " << r.reason;
      // Only the unauthenticated modes may end undetected, and only for flagged cases.
      if (r.outcome == Outcome::Undetected) {
        EXPECT_NE(std::find(r.flags.begin(), r.flags.end(), "Unauthenticated"), r.flags.end())
            << r.id;
      }
    }
  }
  EXPECT_EQ(files, 9 + 4 + 8 + 8);  // sframe adds the published rfc9605_test_vectors.json
}

}  // namespace
}  // namespace rtcseal
