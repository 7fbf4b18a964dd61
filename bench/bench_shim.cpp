// Round trips per second through `rtcseal shim` as a child process (shim protocol v1, JSON Lines,
// bytes as hex) with batching, beside the same round trips in process (docs/benchmarks.md).
// One iteration is one batch: N protect requests in one batch line, then the N unprotects of
// their packets in a second one. items_per_second is round trips per second; the goal is 20,000
// at 1200 bytes.
#include <time.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "rtcseal/shim_client.h"

namespace rtcseal::bench {

namespace {

using shim::Op;
using shim::Request;

constexpr size_t kBatchSizes[] = {64, 256};
constexpr double kMinRoundTrips = 20000;  // per second, at 1200 bytes

struct ShimConfig {
  const char* label;
  const char* scheme;
  Params params;
  Media media;
  Codec codec;
};

const std::vector<ShimConfig>& configs() {
  static const std::vector<ShimConfig> all = {
      {"agora/AES_128_GCM",
       "agora-builtin",
       {{"mode", "AES_128_GCM"}, {"key", "0123456789abcdef0123456789abcdef"}},
       Media::Audio,
       Codec::Opus},
      {"sframe/4",
       "sframe",
       {{"suite", "4"}, {"base_key", "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"}, {"kid", "24301"}},
       Media::Video,
       Codec::Vp8},
  };
  return all;
}

// One shim process for the whole run, with a sender and a receiver context per configuration.
struct Shim {
  std::unique_ptr<ShimClient> client;
  std::string error;
};

Shim& shim_for(const ShimConfig& c) {
  static std::map<std::string, Shim> cache;
  if (auto it = cache.find(c.label); it != cache.end()) return it->second;
  Shim s;
  ShimOptions o;
  o.name = "rtcseal-shim";
  o.command = std::string(RTCSEAL_CLI) + " shim";
  s.client = std::make_unique<ShimClient>(o);
  for (const char* ctx : {"tx", "rx"}) {
    Request r;
    r.op = Op::Configure;
    r.ctx = ctx;
    r.scheme = c.scheme;
    r.params = c.params;
    auto answer = s.client->call(r);
    if (!answer || !answer->ok) {
      s.error = "configure failed: " + (answer ? answer->message : answer.error().message);
    }
  }
  return cache.emplace(c.label, std::move(s)).first->second;
}

// CPU seconds used so far by this process's descendants (the shell and the shim it runs). The
// shim's work is not in the benchmark's own CPU time; with both figures, the round trips per CPU
// second tell what the pair sustains when the machine is not shared.
double descendants_cpu_seconds() {
  struct Proc {
    pid_t ppid;
    double cpu;
  };
  std::map<pid_t, Proc> procs;
  const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    if (!std::getline(in, stat)) continue;
    // Fields after the command name, which may hold spaces: state ppid ... utime(14) stime(15).
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    std::vector<std::string> f;
    while (f.size() < 13 && rest >> field) f.push_back(field);
    if (f.size() < 13) continue;
    procs[static_cast<pid_t>(std::stol(name))] = {static_cast<pid_t>(std::stol(f[1])),
                                                  (std::stod(f[11]) + std::stod(f[12])) / tick};
  }
  double total = 0;
  for (const auto& [pid, p] : procs) {
    for (pid_t up = p.ppid; up > 1;) {
      if (up == getpid()) {
        total += p.cpu;
        break;
      }
      auto it = procs.find(up);
      if (it == procs.end()) break;
      up = it->second.ppid;
    }
  }
  return total;
}

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void bm_shim(benchmark::State& state, const ShimConfig& c, size_t size, size_t batch) {
  Shim& s = shim_for(c);
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  Request protect;
  protect.op = Op::Protect;
  protect.ctx = "tx";
  protect.media = c.media;
  protect.codec = c.codec;
  protect.payload = payload(size);
  const double shim_cpu_before = descendants_cpu_seconds();
  const double client_cpu_before = process_cpu_seconds();
  for (auto _ : state) {
    auto packets = s.client->call_batch(std::vector<Request>(batch, protect));
    if (!packets) {
      state.SkipWithError(packets.error().message.c_str());
      break;
    }
    std::vector<Request> opens(batch);
    for (size_t i = 0; i < batch; ++i) {
      opens[i].op = Op::Unprotect;
      opens[i].ctx = "rx";
      opens[i].media = c.media;
      opens[i].codec = c.codec;
      if ((*packets)[i].packet) opens[i].packet = std::move(*(*packets)[i].packet);
    }
    auto payloads = s.client->call_batch(std::move(opens));
    if (!payloads || payloads->size() != batch || !payloads->back().ok ||
        payloads->back().payload != payload(size)) {
      state.SkipWithError("unprotect through the shim failed");
      break;
    }
  }
  // Per round trip, in microseconds: this process's CPU and the shim's. The two take turns, so
  // on an idle machine the round trips per second would be 1 / their sum: cpu_bound_rt/s.
  const double round_trips = static_cast<double>(state.iterations() * batch);
  const double client_cpu = process_cpu_seconds() - client_cpu_before;
  const double shim_cpu = descendants_cpu_seconds() - shim_cpu_before;
  state.counters["client_cpu_us"] = client_cpu * 1e6 / round_trips;
  state.counters["shim_cpu_us"] = shim_cpu * 1e6 / round_trips;
  state.counters["cpu_bound_rt/s"] = round_trips / (client_cpu + shim_cpu);
}

// The same round trips in process, through the scheme API with fresh result buffers, as the
// shim server runs them.
void bm_in_process(benchmark::State& state, const ShimConfig& c, size_t size, size_t batch) {
  ContextPair& pair = context_pair(*find_scheme(c.scheme), c.params);
  if (!pair.error.empty()) {
    state.SkipWithError(pair.error.c_str());
    return;
  }
  const ProtectInput pin{c.media, c.codec, payload(size), {}, {}, {}};
  for (auto _ : state) {
    for (size_t i = 0; i < batch; ++i) {
      auto pkt = pair.tx->protect(pin);
      auto back = pkt ? pair.rx->unprotect({c.media, c.codec, *pkt, {}}) : pkt;
      if (!back) {
        state.SkipWithError("in-process round trip failed");
        return;
      }
      benchmark::DoNotOptimize(back->data());
    }
  }
}

}  // namespace

void register_shim() {
  for (const ShimConfig& c : configs()) {
    for (size_t batch : kBatchSizes) {
      // Appended, not "b" + to_string: g++ 12 warns falsely (-Wrestrict) on that form.
      std::string config = "b";
      config += std::to_string(batch);
      const std::string ours = bench_name("shim", c.label, config, kGoalSize);
      const std::string base = bench_name("in_process", c.label, config, kGoalSize);
      auto items = [batch](benchmark::State& state) {
        state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * batch));
        state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * batch * kGoalSize));
      };
      // Real time for items_per_second too: the shim's work is not in this process's CPU time.
      benchmark::RegisterBenchmark(ours.c_str(), [&c, batch, items](benchmark::State& st) {
        bm_shim(st, c, kGoalSize, batch);
        items(st);
      })->UseRealTime();
      benchmark::RegisterBenchmark(base.c_str(), [&c, batch, items](benchmark::State& st) {
        bm_in_process(st, c, kGoalSize, batch);
        items(st);
      })->UseRealTime();
      add_pair({"shim", std::string(c.label) + "/" + config, kGoalSize, ours, base, false, batch,
                kMinRoundTrips});
    }
  }
}

}  // namespace rtcseal::bench
