// Machinery shared by every benchmark family (docs/benchmarks.md): payload buffers, configured
// context pairs, the timed loops, and the ratio table printed after Google Benchmark's output.
// A family registers its benchmarks in pairs, rtcseal beside raw EVP or beside an in-process run,
// and the table reports raw_time / rtcseal_time of each pair from the same process.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "rtcseal/bytes.h"
#include "rtcseal/scheme.h"

namespace rtcseal::bench {

inline constexpr size_t kSizes[] = {100, 1200, 65536};
inline constexpr size_t kGoalSize = 1200;
inline constexpr double kGoalRatio = 0.85;
// Pinned in the byte-for-byte checks; the timed loops let the contexts count.
inline constexpr uint64_t kCheckCtr = 42;

// The same deterministic payload of `n` bytes for every benchmark of that size.
const Bytes& payload(size_t n);

// One sender and one receiver context, configured once per parameter set: configure may run a
// slow KDF (PBKDF2 with 100,000 iterations), which must stay out of the timed loop.
struct ContextPair {
  std::unique_ptr<Context> tx, rx;
  std::string error;
};
ContextPair& context_pair(const Scheme& scheme, const Params& params);

// Times protect_into + unprotect_into through the public Context API, keeping the packet and
// payload buffers across iterations as an SDK's send loop does.
void run_scheme(benchmark::State& state, const Scheme& scheme, const Params& params, Media media,
                Codec codec, size_t size);

// Times `round_trip(counter)` (one raw seal + open with a fresh counter per call), unless `check`
// (run once per benchmark name, before timing) says the baseline does not reproduce the scheme.
using RoundTrip = std::function<bool(uint64_t)>;
void run_raw(benchmark::State& state, const std::string& check, const RoundTrip& round_trip);

// A raw baseline built on first use (keys, buffers, the byte-for-byte check against the scheme),
// then timed. `Raw` has `std::string check` and `bool round_trip(uint64_t ctr)`.
template <typename Raw, typename Make>
std::function<void(benchmark::State&)> raw_bench(Make make) {
  auto slot = std::make_shared<std::unique_ptr<Raw>>();
  return [slot, make](benchmark::State& state) {
    if (!*slot) *slot = make();
    Raw& raw = **slot;
    run_raw(state, raw.check, [&raw](uint64_t ctr) { return raw.round_trip(ctr); });
  };
}

// One row of the ratio table: `ours` against `base`, both benchmark names. `goal` marks the rows
// that must reach kGoalRatio; `min_rate` (when not 0) the rows that must run that many round trips
// per second.
struct Pair {
  std::string table;  // which table the row belongs to
  std::string label;  // the row's first column, e.g. "4/AES_128_GCM_SHA256_128"
  size_t size;
  std::string ours;
  std::string base;
  bool goal = false;
  size_t round_trips = 1;  // per iteration of both benchmarks
  double min_rate = 0;
};
void add_pair(Pair pair);

// The name of one benchmark: kind/family/config/size.
std::string bench_name(const std::string& kind, const std::string& family,
                       const std::string& config, size_t size);

// Registers rtcseal/FAMILY/CONFIG/SIZE and raw_evp/FAMILY/CONFIG/SIZE back to back (so slow drift
// on the machine hits both alike) and their row in FAMILY's table.
void register_pair(const std::string& family, const std::string& config, size_t size, bool goal,
                   std::function<void(benchmark::State&)> ours,
                   std::function<void(benchmark::State&)> raw);

// Each family's registration, called by main.
void register_agora();
void register_sframe();
void register_vonage();
void register_framecryptor();
void register_shim();

// Parses the flags, runs the benchmarks and prints the ratio tables. Returns the exit status.
int run_main(int argc, char** argv);

}  // namespace rtcseal::bench
