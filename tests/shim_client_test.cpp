// The shim client end to end: `rtcseal shim` through the protocol gives the same results as the
// reference in process, and the misbehaving shims of tests/shims/ (crash, hang, early exit,
// garbage, wrong id, silence, stderr flood) each end as a clear transport error within a bounded
// time, after which the client restarts the shim and the run goes on.
#include "rtcseal/shim_client.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "rtcseal/vectors.h"

namespace rtcseal {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto kShortTimeout = 300ms;

std::string reference_shim() {
  return std::string(RTCSEAL_CLI) + " shim";
}

std::string test_shim(const std::string& script, const std::string& args = "") {
  return "bash " + std::string(RTCSEAL_SOURCE_DIR) + "/tests/shims/" + script + " " + args;
}

ShimOptions options(const std::string& command, std::chrono::milliseconds timeout = kShortTimeout) {
  ShimOptions o;
  o.name = "under-test";
  o.command = command;
  o.request_timeout = timeout;
  return o;
}

const Params kAgoraParams{{"mode", "AES_128_GCM"}, {"key", "0123456789abcdef0123456789abcdef"}};

Result<Bytes> protect_once(Context& ctx) {
  const Bytes payload{1, 2, 3};
  return ctx.protect({Media::Audio, Codec::Opus, payload, {}, std::nullopt, std::nullopt});
}

// The transport error `r` must be, with every fragment in its message.
template <typename T>
void expect_transport(const Result<T>& r, std::initializer_list<const char*> fragments) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fault, Fault::Transport) << r.error().message;
  for (const char* f : fragments) {
    EXPECT_NE(r.error().message.find(f), std::string::npos)
        << "\"" << f << "\" not in: " << r.error().message;
  }
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("rtcseal_shim_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::map<std::string, CheckResult> by_id(std::vector<CheckResult> results) {
  std::map<std::string, CheckResult> out;
  for (auto& r : results) out[r.id] = std::move(r);
  return out;
}

// ---- The reference through the protocol ----

TEST(ShimClient, ReferenceThroughTheProtocolMatchesInProcess) {
  auto reference = make_reference_implementation();
  auto shim = make_shim_implementation(options(reference_shim(), 10s), {});
  std::vector<fs::path> files;
  for (const auto& e :
       fs::directory_iterator(std::string(RTCSEAL_SOURCE_DIR) + "/vectors/agora-builtin")) {
    files.push_back(e.path());
  }
  ASSERT_FALSE(files.empty());
  int64_t passes = 0;
  for (const fs::path& file : files) {
    auto in_process = vectors::verify_file(file.string(), *reference);
    auto remote = vectors::verify_file(file.string(), *shim);
    ASSERT_TRUE(in_process && remote) << file;
    ASSERT_EQ(in_process->size(), remote->size());
    for (size_t i = 0; i < remote->size(); ++i) {
      const CheckResult &a = (*in_process)[i], &b = (*remote)[i];
      EXPECT_EQ(b.implementation, "under-test");
      EXPECT_EQ(a.id, b.id);
      EXPECT_EQ(a.outcome, b.outcome) << b.id << ": " << b.reason;
      passes += b.outcome == Outcome::Pass;
    }
  }
  EXPECT_GT(passes, 400);
}

// The sframe-wg frames go through the Implementation interface, so a shim is held to them too.
TEST(ShimClient, SframeFramesThroughTheProtocolMatchInProcess) {
  const std::string file =
      std::string(RTCSEAL_SOURCE_DIR) + "/vectors/sframe/rfc9605_test_vectors.json";
  if (!fs::exists(file)) GTEST_SKIP() << "no sframe vectors yet";
  auto reference = make_reference_implementation();
  auto shim = make_shim_implementation(options(reference_shim(), 10s), {});
  auto in_process = by_id(vectors::verify_file(file, *reference).value());
  auto remote = by_id(vectors::verify_file(file, *shim).value());
  int frames = 0;
  for (const auto& [id, r] : remote) {
    if (id.find("#sframe/") == std::string::npos) {
      EXPECT_EQ(r.outcome, Outcome::Unsupported) << id;  // primitives stay in process
      continue;
    }
    ++frames;
    EXPECT_EQ(r.outcome, in_process.at(id).outcome) << id << ": " << r.reason;
  }
  EXPECT_GT(frames, 0);
}

TEST(ShimClient, BatchResponsesMatchSingleOnes) {
  ShimClient client(options(reference_shim(), 5s));
  shim::Request configure;
  configure.op = shim::Op::Configure;
  configure.ctx = "c1";
  configure.scheme = "sframe";
  configure.params = {
      {"suite", "1"}, {"kid", "7"}, {"base_key", "000102030405060708090a0b0c0d0e0f"}};
  ASSERT_TRUE(client.call(configure)->ok);
  std::vector<shim::Request> requests;
  for (uint64_t ctr : {0, 1, 300}) {
    shim::Request p;
    p.op = shim::Op::Protect;
    p.ctx = "c1";
    p.media = Media::Video;
    p.codec = Codec::Vp8;
    p.payload = {0xde, 0xad, static_cast<uint8_t>(ctr)};
    p.ctr = ctr;
    p.kid = 7;
    requests.push_back(p);
  }
  shim::Request bad;
  bad.op = shim::Op::Unprotect;
  bad.ctx = "c1";
  bad.packet = {0x01};
  requests.push_back(bad);
  shim::Request missing = bad;
  missing.ctx = "nope";
  requests.push_back(missing);

  std::vector<shim::Response> singles;
  for (const auto& r : requests) singles.push_back(client.call(r).value());
  // The same requests on a twin context: a context refuses to reuse a counter.
  configure.ctx = "c2";
  ASSERT_TRUE(client.call(configure)->ok);
  for (auto& r : requests) {
    if (r.ctx == "c1") r.ctx = "c2";
  }
  auto batch = client.call_batch(requests);
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->size(), singles.size());
  for (size_t i = 0; i < singles.size(); ++i) {
    EXPECT_EQ((*batch)[i].ok, singles[i].ok) << i;
    EXPECT_EQ((*batch)[i].error, singles[i].error) << i;
    EXPECT_EQ((*batch)[i].packet, singles[i].packet) << i;
  }
  EXPECT_TRUE(singles[0].ok);
  EXPECT_EQ(singles[4].error, "NOT_INITIALIZED");
}

TEST(ShimClient, BatchFallsBackToSingleRequestsWithoutTheFeature) {
  ShimClient client(options(test_shim("echo.sh"), 2s));
  ASSERT_TRUE(client.hello()) << client.hello().error().message;
  EXPECT_TRUE(client.hello()->features.empty());
  std::vector<shim::Request> requests(3);
  for (size_t i = 0; i < requests.size(); ++i) {
    requests[i].op = shim::Op::Protect;
    requests[i].ctx = "c";
    requests[i].payload = {static_cast<uint8_t>(i)};
  }
  auto batch = client.call_batch(requests);
  ASSERT_TRUE(batch) << batch.error().message;
  for (size_t i = 0; i < requests.size(); ++i) EXPECT_EQ(*(*batch)[i].packet, requests[i].payload);
}

// ---- Misbehaving shims ----

TEST(ShimClient, CrashIsAnErrorAndARestartRecovers) {
  fs::path dir = fresh_dir("crash");
  auto impl = make_shim_implementation(
      options(test_shim("crash_on_protect.sh", (dir / "crashed").string())), {});
  auto ctx = impl->configure("agora-builtin", kAgoraParams);
  ASSERT_TRUE(ctx) << ctx.error().message;
  auto start = Clock::now();
  expect_transport(protect_once(**ctx), {"under-test", "protect", "signal 11", "dying on purpose"});
  EXPECT_LT(seconds_since(start), 2.0);
  // The old context died with the process.
  expect_transport(protect_once(**ctx), {"state is gone"});
  // A new one lives on a restarted shim.
  auto again = impl->configure("agora-builtin", kAgoraParams);
  ASSERT_TRUE(again) << again.error().message;
  auto packet = protect_once(**again);
  ASSERT_TRUE(packet) << packet.error().message;
  EXPECT_EQ(*packet, (Bytes{1, 2, 3}));
}

TEST(ShimClient, ExitInFlightIsAnError) {
  auto impl = make_shim_implementation(options(test_shim("exit_on_protect.sh")), {});
  auto ctx = impl->configure("agora-builtin", kAgoraParams);
  ASSERT_TRUE(ctx);
  expect_transport(protect_once(**ctx), {"exited with status 7"});
  EXPECT_TRUE(impl->configure("agora-builtin", kAgoraParams));
}

TEST(ShimClient, HangTimesOutAndTheShimIsReplaced) {
  auto impl = make_shim_implementation(options(test_shim("hang_on_protect.sh")), {});
  auto ctx = impl->configure("agora-builtin", kAgoraParams);
  ASSERT_TRUE(ctx);
  auto start = Clock::now();
  expect_transport(protect_once(**ctx), {"no answer within 300 ms"});
  EXPECT_LT(seconds_since(start), 2.0);
  EXPECT_TRUE(impl->configure("agora-builtin", kAgoraParams));
}

TEST(ShimClient, AShimThatNeverAnswersIsGivenUpAfterFiveTimeouts) {
  auto impl = make_shim_implementation(options(test_shim("hang_on_protect.sh")), {});
  auto start = Clock::now();
  for (int i = 0; i < 5; ++i) {
    auto ctx = impl->configure("agora-builtin", kAgoraParams);
    ASSERT_TRUE(ctx) << i;
    expect_transport(protect_once(**ctx), {"no answer within 300 ms"});
  }
  // From now on every request fails at once instead of costing another timeout.
  expect_transport(impl->configure("agora-builtin", kAgoraParams),
                   {"gave up after 5 requests in a row went unanswered"});
  EXPECT_LT(seconds_since(start), 6.0);
}

TEST(ShimClient, GarbageReplyIsAnErrorWithTheParseReason) {
  auto impl = make_shim_implementation(options(test_shim("garbage.sh")), {});
  auto ctx = impl->configure("agora-builtin", kAgoraParams);
  expect_transport(ctx, {"garbage reply", "invalid JSON", "this is not json"});
  // hello still works after the restart; the next garbage is reported the same way.
  expect_transport(impl->configure("agora-builtin", kAgoraParams), {"garbage reply"});
}

TEST(ShimClient, WrongIdIsAnError) {
  auto impl = make_shim_implementation(options(test_shim("wrong_id.sh")), {});
  expect_transport(impl->configure("agora-builtin", kAgoraParams),
                   {"garbage reply", "at /id: expected id 2, got 3"});
}

TEST(ShimClient, EarlyExitGivesUpAfterThreeStarts) {
  auto impl = make_shim_implementation(options(test_shim("exit_immediately.sh")), {});
  auto start = Clock::now();
  for (int i = 0; i < 3; ++i) {
    expect_transport(impl->configure("agora-builtin", kAgoraParams),
                     {"hello", "exited with status 3", "no shim here"});
  }
  expect_transport(impl->configure("agora-builtin", kAgoraParams),
                   {"gave up after 3 failed starts"});
  EXPECT_LT(seconds_since(start), 3.0);
}

TEST(ShimClient, SilentShimTimesOutOnHelloThenGivesUp) {
  auto impl = make_shim_implementation(options(test_shim("silent.sh")), {});
  auto start = Clock::now();
  for (int i = 0; i < 3; ++i) {
    expect_transport(impl->configure("agora-builtin", kAgoraParams),
                     {"hello", "no answer within 300 ms"});
  }
  auto after_three = seconds_since(start);
  expect_transport(impl->configure("agora-builtin", kAgoraParams), {"gave up"});
  EXPECT_LT(seconds_since(start) - after_three, 0.1);
  EXPECT_LT(seconds_since(start), 3.0);
}

TEST(ShimClient, StderrFloodStaysBounded) {
  ShimOptions o = options(test_shim("stderr_flood.sh"));
  o.stderr_keep_bytes = 1024;
  ShimClient client(o);
  shim::Request p;
  p.op = shim::Op::Protect;
  p.ctx = "c";
  expect_transport(client.call(p), {"no answer within 300 ms", "flood flood"});
  EXPECT_LE(client.stderr_tail().size(), 1024u);
  EXPECT_NE(client.stderr_tail().find("flood"), std::string::npos);
  EXPECT_TRUE(client.hello());  // restarted
}

TEST(ShimClient, MissingCommandIsAnErrorNamingIt) {
  auto impl = make_shim_implementation(options("/no/such/shim --flag"), {});
  expect_transport(impl->configure("agora-builtin", kAgoraParams),
                   {"exited with status 127", "/no/such/shim"});
}

TEST(ShimClient, UnlistedSchemeIsUnsupported) {
  auto impl = make_shim_implementation(options(test_shim("echo.sh"), 2s), {});
  auto ctx = impl->configure("vonage-e2ee", {});
  ASSERT_FALSE(ctx);
  EXPECT_EQ(ctx.error().fault, Fault::None);
  EXPECT_EQ(ctx.error().code, Err::UNIMPLEMENTED);
}

// ---- The whole-run deadline ----

TEST(ShimClient, PastTheDeadlineEveryCheckIsAnErrorAtOnce) {
  ShimOptions o = options(reference_shim(), 5s);
  o.deadline = Clock::now();
  auto impl = make_shim_implementation(o, {});
  const std::string file =
      std::string(RTCSEAL_SOURCE_DIR) + "/vectors/agora-builtin/aes_128_gcm.json";
  auto start = Clock::now();
  auto results = vectors::verify_file(file, *impl);
  ASSERT_TRUE(results);
  EXPECT_LT(seconds_since(start), 1.0);
  for (const CheckResult& r : *results) {
    EXPECT_EQ(r.outcome, Outcome::Error) << r.id;
    EXPECT_NE(r.reason.find("run deadline exceeded"), std::string::npos) << r.reason;
  }
}

TEST(ShimClient, TheDeadlineCutsAHangShort) {
  ShimOptions o = options(test_shim("hang_on_protect.sh"), 10s);
  o.deadline = Clock::now() + 500ms;
  auto impl = make_shim_implementation(o, {});
  auto ctx = impl->configure("agora-builtin", kAgoraParams);
  ASSERT_TRUE(ctx);
  auto start = Clock::now();
  expect_transport(protect_once(**ctx), {"run deadline exceeded"});
  EXPECT_LT(seconds_since(start), 2.0);
}

// ---- The vector runner over a broken shim ----

TEST(ShimClient, VectorRunRecordsErrorsAndGoesOn) {
  fs::path dir = fresh_dir("vector_run");
  auto impl = make_shim_implementation(
      // A generous timeout: on a loaded machine the bash echo shim can take more than 300 ms,
      // and only the crash may count as an error here.
      options(test_shim("crash_on_protect.sh", (dir / "crashed").string()), 3000ms), {});
  const std::string file =
      std::string(RTCSEAL_SOURCE_DIR) + "/vectors/agora-builtin/aes_128_gcm.json";
  auto start = Clock::now();
  auto results = vectors::verify_file(file, *impl);
  ASSERT_TRUE(results);
  EXPECT_LT(seconds_since(start), 30.0);
  ASSERT_FALSE(results->empty());
  // The first check is the protect that crashed it; the echo shim then fails the rest honestly.
  EXPECT_EQ(results->front().outcome, Outcome::Error);
  EXPECT_NE(results->front().reason.find("signal 11"), std::string::npos);
  int errors = 0;
  for (const CheckResult& r : *results) errors += r.outcome == Outcome::Error;
  EXPECT_EQ(errors, 1);
}

// ---- errorMap: native codes mapped back before comparing ----

// `rtcseal shim` with AUTH_FAILED renamed to the native code -120 on the way out.
std::string native_shim() {
  return reference_shim() + R"( | sed -u 's/"error":"AUTH_FAILED"/"error":"-120"/')";
}

TEST(ShimClient, ErrorMapTurnsNativeCodesBackIntoCanonicalOnes) {
  const std::string file =
      std::string(RTCSEAL_SOURCE_DIR) + "/vectors/agora-builtin/aes_128_gcm.json";
  auto reference = by_id(vectors::verify_file(file, *make_reference_implementation()).value());

  ImplConfig mapped;
  // One native code may stand for several canonical errors.
  mapped.error_map[Err::AUTH_FAILED] = {"-120"};
  mapped.error_map[Err::MALFORMED_PACKET] = {"-120", "-2"};
  auto with_map = make_shim_implementation(options(native_shim(), 10s), mapped);
  auto with_map_results = vectors::verify_file(file, *with_map).value();
  for (const auto& r : with_map_results) {
    EXPECT_EQ(r.outcome, reference.at(r.id).outcome) << r.id << ": " << r.reason;
  }

  auto without_map = make_shim_implementation(options(native_shim(), 10s), {});
  int unmapped = 0;
  auto without_map_results = vectors::verify_file(file, *without_map).value();
  for (const auto& r : without_map_results) {
    if (r.outcome == reference.at(r.id).outcome) continue;
    EXPECT_EQ(r.outcome, Outcome::Fail) << r.id;
    EXPECT_NE(r.reason.find("native code \"-120\" that the errorMap does not map"),
              std::string::npos)
        << r.reason;
    ++unmapped;
  }
  EXPECT_GT(unmapped, 0);
}

}  // namespace
}  // namespace rtcseal
