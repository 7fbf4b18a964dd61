// The report model: every check of a run ends as exactly one outcome. The writers in reports/ turn
// a Report into report.json (schema rtcseal-report/1) and the human formats.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rtcseal {

enum class Outcome {
  Pass,
  Fail,
  Unsupported,  // the implementation or profile declares it cannot do this
  Skip,         // disabled on purpose, with a reason
  Error,        // the harness, a file or a shim broke
  Undetected,   // an unauthenticated mode delivered garbage for a mismatch, as specified: a
                // weakness, never a pass
};
inline constexpr Outcome kAllOutcomes[] = {Outcome::Pass, Outcome::Fail,  Outcome::Unsupported,
                                           Outcome::Skip, Outcome::Error, Outcome::Undetected};

std::string_view outcome_name(Outcome o);
std::optional<Outcome> parse_outcome(std::string_view s);

// Where an interop check sits in the compatibility matrix: one sender profile sending to one
// receiver profile under one scenario. With the check's implementation, scheme and variant it names
// a matrix cell; a cell's outcome is the worst of its checks' (reports/ computes it).
struct MatrixCell {
  std::string sender;    // profile id
  std::string receiver;  // profile id
  std::string scenario;  // scenario id
};

struct CheckResult {
  std::string id;              // stable, and unique per implementation in a run: "<file>#<tcId>"
  std::string suite;           // "vectors", "wycheproof", ...
  std::string implementation;  // "reference" or a shim's name
  std::string scheme;          // scheme or primitive, e.g. "agora-builtin", "aes-gcm"
  std::string variant;         // mode, suite or engine
  std::string source;          // the file the check came from
  std::optional<int64_t> tc_id;
  std::string comment;
  std::vector<std::string> flags;
  Outcome outcome = Outcome::Error;
  std::string reason;  // why, for every outcome but pass
  std::optional<MatrixCell> cell;  // set for interop checks only
};

// What a report says of each profile its cells name, so that a reader can filter the matrix by
// vendor, platform and version without the profile files.
struct ProfileInfo {
  std::string id;
  std::string vendor;
  std::string sdk;
  std::string platform;
  std::string versions;  // the profile's version range as written, e.g. ">=2.27.0 <2.30.0"
};

struct Summary {
  std::map<Outcome, int64_t> counts;
  int64_t count(Outcome o) const;
  int64_t total() const;
};

struct Report {
  std::string tool_version;
  std::string command;
  std::vector<CheckResult> results;
  std::vector<ProfileInfo> profiles;  // every profile a cell names, sorted by id
  Summary summary() const;
};

}  // namespace rtcseal
