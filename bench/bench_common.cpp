#include "bench_common.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

namespace rtcseal::bench {

namespace {

constexpr const char* kDefaultMinTime = "--benchmark_min_time=0.2";

std::vector<Pair>& pairs() {
  static std::vector<Pair> all;
  return all;
}

}  // namespace

const Bytes& payload(size_t n) {
  static std::map<size_t, Bytes> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    Bytes p(n);
    for (size_t i = 0; i < n; ++i) p[i] = static_cast<uint8_t>(i * 31 + 7);
    it = cache.emplace(n, std::move(p)).first;
  }
  return it->second;
}

// Cached because Google Benchmark re-enters a benchmark function while it sizes the iteration
// count, and configure may take a second of PBKDF2.
ContextPair& context_pair(const Scheme& scheme, const Params& params) {
  static std::map<std::pair<std::string, Params>, ContextPair> cache;
  auto key = std::make_pair(std::string(scheme.name()), params);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  ContextPair pair;
  auto tx = scheme.configure(params);
  auto rx = scheme.configure(params);
  if (!tx || !rx) {
    pair.error = "configure failed: " + (!tx ? tx.error().message : rx.error().message);
  } else {
    pair.tx = std::move(tx).value();
    pair.rx = std::move(rx).value();
  }
  return cache.emplace(std::move(key), std::move(pair)).first->second;
}

void run_scheme(benchmark::State& state, const Scheme& scheme, const Params& params, Media media,
                Codec codec, size_t size) {
  ContextPair& pair = context_pair(scheme, params);
  if (!pair.error.empty()) {
    state.SkipWithError(pair.error.c_str());
    return;
  }
  const Bytes& pt = payload(size);
  ProtectInput pin{media, codec, pt, {}, {}, {}};
  Bytes pkt, back;
  for (auto _ : state) {
    if (auto st = pair.tx->protect_into(pin, pkt); !st) {
      state.SkipWithError(("protect failed: " + st.error().message).c_str());
      break;
    }
    UnprotectInput uin{media, codec, pkt, {}};
    if (auto st = pair.rx->unprotect_into(uin, back); !st || back.size() != size) {
      state.SkipWithError("unprotect failed");
      break;
    }
    benchmark::DoNotOptimize(back.data());
    benchmark::ClobberMemory();
  }
}

void run_raw(benchmark::State& state, const std::string& check, const RoundTrip& round_trip) {
  if (!check.empty()) {
    state.SkipWithError(check.c_str());
    return;
  }
  uint64_t ctr = 1000;
  for (auto _ : state) {
    if (!round_trip(ctr++)) {
      state.SkipWithError("raw EVP round trip failed");
      break;
    }
    benchmark::ClobberMemory();
  }
}

void add_pair(Pair pair) {
  pairs().push_back(std::move(pair));
}

std::string bench_name(const std::string& kind, const std::string& family,
                       const std::string& config, size_t size) {
  return kind + "/" + family + "/" + config + "/" + std::to_string(size);
}

void register_pair(const std::string& family, const std::string& config, size_t size, bool goal,
                   std::function<void(benchmark::State&)> ours,
                   std::function<void(benchmark::State&)> raw) {
  const std::string a = bench_name("rtcseal", family, config, size);
  const std::string b = bench_name("raw_evp", family, config, size);
  auto bytes = [size](std::function<void(benchmark::State&)> fn) {
    return [size, fn = std::move(fn)](benchmark::State& state) {
      fn(state);
      state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                              static_cast<int64_t>(size));
    };
  };
  benchmark::RegisterBenchmark(a.c_str(), bytes(std::move(ours)));
  benchmark::RegisterBenchmark(b.c_str(), bytes(std::move(raw)));
  add_pair({family, config, size, a, b, goal});
}

namespace {

// Seconds per iteration of one benchmark.
struct Times {
  double real = 0;
  double cpu = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Forwards everything to the reporter the user asked for and keeps the time per iteration of each
// run, so the ratio table uses the numbers just printed.
class RecordingReporter : public benchmark::BenchmarkReporter {
 public:
  explicit RecordingReporter(std::unique_ptr<benchmark::BenchmarkReporter> inner)
      : inner_(std::move(inner)) {}

  bool ReportContext(const Context& context) override { return inner_->ReportContext(context); }

  void ReportRuns(const std::vector<Run>& reports) override {
    for (const Run& r : reports) {
      if (r.error_occurred) continue;
      double unit = benchmark::GetTimeUnitMultiplier(r.time_unit);
      Times t{r.GetAdjustedRealTime() / unit, r.GetAdjustedCPUTime() / unit};
      const std::string& name = r.run_name.function_name;
      if (r.run_type == Run::RT_Iteration) {
        runs_[name].push_back(t);
      } else if (r.aggregate_name == "median") {
        medians_[name] = t;  // the only figure left with --benchmark_*_aggregates_only
      }
    }
    inner_->ReportRuns(reports);
  }

  void Finalize() override { inner_->Finalize(); }

  // The median over repetitions (the single run without --benchmark_repetitions).
  std::optional<Times> times(const std::string& name) const {
    if (auto it = runs_.find(name); it != runs_.end() && !it->second.empty()) {
      std::vector<double> real, cpu;
      for (const Times& t : it->second) {
        real.push_back(t.real);
        cpu.push_back(t.cpu);
      }
      return Times{median(real), median(cpu)};
    }
    if (auto it = medians_.find(name); it != medians_.end()) return it->second;
    return std::nullopt;
  }

 private:
  std::unique_ptr<benchmark::BenchmarkReporter> inner_;
  std::map<std::string, std::vector<Times>> runs_;
  std::map<std::string, Times> medians_;
};

// The goal is judged on real time. The CPU-time ratio is printed beside it because on a shared
// machine real time also counts the time other processes held the core (and, for the shim, the
// child's CPU time is not in the parent's).
void print_ratios(const RecordingReporter& rec, std::ostream& os) {
  std::vector<std::string> tables;
  for (const Pair& p : pairs()) {
    if (std::find(tables.begin(), tables.end(), p.table) == tables.end()) {
      tables.push_back(p.table);
    }
  }
  int pass = 0, miss = 0, shown = 0;
  char line[240];
  for (const std::string& table : tables) {
    bool header = false;
    for (const Pair& p : pairs()) {
      if (p.table != table) continue;
      auto ours = rec.times(p.ours);
      auto base = rec.times(p.base);
      if (!ours || !base) continue;  // filtered out or failed
      if (!header) {
        os << "\n"
           << table << ": " << p.ours.substr(0, p.ours.find('/')) << " / "
           << p.base.substr(0, p.base.find('/'))
           << " throughput = base_time / ours_time, same run\n";
        std::snprintf(line, sizeof line, "%-28s %6s %11s %11s %9s %9s %7s %9s  %s\n", "config",
                      "bytes", "ours ns", "base ns", "ours MB/s", "base MB/s", "ratio", "cpu ratio",
                      "goal");
        os << line;
        header = true;
      }
      ++shown;
      const double n = static_cast<double>(p.round_trips);
      const double ours_s = ours->real / n, base_s = base->real / n;
      const double ratio = base_s / ours_s;
      std::string goal;
      if (p.goal) {
        bool ok = ratio >= kGoalRatio;
        (ok ? pass : miss)++;
        goal = ok ? "PASS (>= 0.85)" : "MISS (< 0.85)";
      }
      if (p.min_rate > 0) {
        bool ok = 1 / ours_s >= p.min_rate;
        (ok ? pass : miss)++;
        goal = (ok ? "PASS (" : "MISS (") + std::to_string(static_cast<long>(1 / ours_s)) +
               (ok ? "/s >= " : "/s < ") + std::to_string(static_cast<long>(p.min_rate)) + "/s)";
      }
      std::snprintf(line, sizeof line, "%-28s %6zu %11.1f %11.1f %9.1f %9.1f %7.3f %9.3f  %s\n",
                    p.label.c_str(), p.size, ours_s * 1e9, base_s * 1e9, p.size / ours_s / 1e6,
                    p.size / base_s / 1e6, ratio, base->cpu / ours->cpu, goal.c_str());
      os << line;
    }
  }
  if (shown == 0) {
    os << "\nno benchmark pair ran: no ratio table\n";
    return;
  }
  os << "\ngoal rows: " << pass << " PASS, " << miss << " MISS\n"
     << "single runs on a shared machine can move a ratio by 20-30% or more; for a steadier\n"
        "verdict add --benchmark_repetitions=10 --benchmark_enable_random_interleaving=true\n"
        "(the table then uses medians)\n";
}

// The flags the library reads for its own display reporter; a custom reporter must honour them.
struct DisplayFlags {
  std::string format = "console";
  std::string color = "auto";
  bool tabular = false;
};

DisplayFlags scan_flags(int argc, char** argv) {
  DisplayFlags f;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](std::string_view flag) -> std::optional<std::string> {
      if (a.substr(0, flag.size()) == flag && a.size() > flag.size() && a[flag.size()] == '=') {
        return std::string(a.substr(flag.size() + 1));
      }
      return std::nullopt;
    };
    if (auto v = value("--benchmark_format")) f.format = *v;
    if (auto v = value("--benchmark_color")) f.color = *v;
    if (auto v = value("--benchmark_counters_tabular")) {
      f.tabular = *v == "true" || *v == "1" || *v == "yes";
    } else if (a == "--benchmark_counters_tabular") {
      f.tabular = true;
    }
  }
  return f;
}

std::unique_ptr<benchmark::BenchmarkReporter> make_display(const DisplayFlags& f) {
  if (f.format == "json") return std::make_unique<benchmark::JSONReporter>();
  if (f.format == "csv") {
    // Deprecated upstream but still what --benchmark_format=csv selects in 1.7.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    return std::make_unique<benchmark::CSVReporter>();
#pragma GCC diagnostic pop
  }
  bool color = f.color == "true" || f.color == "yes" || f.color == "1" ||
               (f.color == "auto" && isatty(STDOUT_FILENO) != 0 && std::getenv("TERM") != nullptr &&
                std::string_view(std::getenv("TERM")) != "dumb");
  int opts = (color ? benchmark::ConsoleReporter::OO_Color : 0) |
             (f.tabular ? benchmark::ConsoleReporter::OO_Tabular : 0);
  return std::make_unique<benchmark::ConsoleReporter>(
      static_cast<benchmark::ConsoleReporter::OutputOptions>(opts));
}

}  // namespace

int run_main(int argc, char** argv) {
  // A short default keeps the whole run to a few minutes; an explicit flag wins.
  std::vector<char*> args(argv, argv + argc);
  bool has_min_time = std::any_of(args.begin() + 1, args.end(), [](const char* a) {
    return std::string_view(a).substr(0, 20) == "--benchmark_min_time";
  });
  std::string min_time = kDefaultMinTime;
  if (!has_min_time) args.insert(args.begin() + 1, min_time.data());
  int n = static_cast<int>(args.size());
  args.push_back(nullptr);

  DisplayFlags flags = scan_flags(n, args.data());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
  RecordingReporter reporter(make_display(flags));
  benchmark::RunSpecifiedBenchmarks(&reporter);
  // Keep machine-readable stdout clean: the table goes to stderr for json/csv.
  print_ratios(reporter, flags.format == "console" ? std::cout : std::cerr);
  benchmark::Shutdown();
  return 0;  // a benchmark is not a test: a MISS is reported, not failed
}

}  // namespace rtcseal::bench
