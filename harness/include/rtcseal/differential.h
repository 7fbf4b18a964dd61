// `rtcseal differential` (docs/differential.md): two implementations protect the same random
// payloads under pinned counters and must produce the same packets, and each must open the other's
// packets. Everything random comes from one seed, so a run replays exactly with --seed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rtcseal/scheme.h"

namespace rtcseal::differential {

// The answer of one operation: the bytes, or the error code (canonical or native) and message.
// `broken` marks an answer that is not the implementation's (a shim crashed, hung or garbled).
struct Answer {
  bool ok = false;
  Bytes bytes;
  std::string error;
  std::string message;
  bool broken = false;
};

// A configured context as the differential drives it: many operations at once, so that a shim
// can take them in one batch request.
class Endpoint {
 public:
  virtual ~Endpoint() = default;
  virtual std::vector<Answer> protect_all(std::span<const ProtectInput> in) = 0;
  virtual std::vector<Answer> unprotect_all(std::span<const UnprotectInput> in) = 0;
};

// One implementation under comparison.
class Side {
 public:
  virtual ~Side() = default;
  virtual const std::string& name() const = 0;
  // The context, or the failed Answer (error UNIMPLEMENTED: the side cannot run it).
  virtual std::unique_ptr<Endpoint> configure(const std::string& scheme, const Params& params,
                                              Answer& failure) = 0;
};

// The built-in reference, in this process.
std::unique_ptr<Side> make_reference_side();
// A shim speaking protocol v1, run as /bin/sh -c COMMAND; uses batch when its hello lists it.
std::unique_ptr<Side> make_shim_side(const std::string& name, const std::string& command,
                                     int64_t timeout_ms);

// One configuration of one scheme: "agora-builtin AES_128_GCM", "sframe suite 3", ...
struct Config {
  std::string scheme;
  std::string variant;
  Params params;
  // Pins: kid on every protect when set; ctr = first_ctr + case index.
  std::optional<uint64_t> kid;
  uint64_t first_ctr = 0;
  bool metadata = false;  // the scheme authenticates metadata: half the cases carry some
  std::string label() const { return scheme + " " + variant; }
};

// Every configuration the differential covers, with keys, salts and ids drawn from `rng_seed`.
std::vector<Config> all_configs(uint64_t rng_seed);

// One protect input with its owned bytes.
struct Case {
  Media media = Media::Audio;
  Codec codec = Codec::None;
  Bytes payload;
  Bytes metadata;
  uint64_t ctr = 0;
  std::optional<uint64_t> kid;
};

// `count` cases for `config`: sizes 0, 1, block edges and up to 65535 bytes, over the media and
// codec pairs of the scheme, drawn from `rng_seed`.
std::vector<Case> make_cases(const Config& config, size_t count, uint64_t rng_seed);

struct Options {
  uint64_t seed = 0;
  size_t cases = 40;        // per configuration
  std::string scheme_glob;  // fnmatch pattern on the scheme name or the label; empty: all
};

// Where the two sides first parted.
struct Disagreement {
  std::string config;  // Config::label()
  Params params;
  size_t case_index = 0;
  std::string step;  // "configure", "protect", "unprotect A->B", "unprotect B->A"
  Case input;
  Bytes packet;  // the packet being opened, for the unprotect steps
  Answer a, b;
};

struct ConfigOutcome {
  std::string config;
  enum class Kind { Agreed, Unsupported, Disagreed, Broken } kind = Kind::Agreed;
  std::string note;              // who is unsupported, what broke
  size_t cases = 0;              // cases run
  size_t both_refused = 0;       // cases both sides refused to protect with the same code
  size_t unsupported_cases = 0;  // cases a side answered UNIMPLEMENTED for: not compared
};

struct Report {
  uint64_t seed = 0;
  std::vector<ConfigOutcome> configs;
  std::optional<Disagreement> first;  // the first disagreement, if any
  bool agreed() const;                // no disagreement and nothing broken
};

// Runs every configuration matching options.scheme_glob on both sides.
Report run(Side& a, Side& b, const Options& options);

// The human form of a disagreement: the step, the configuration and its params, the input, and
// both answers in hex (long byte strings show their first differing offset and a window).
std::string describe(const Disagreement& d, const std::string& a_name, const std::string& b_name);

}  // namespace rtcseal::differential
