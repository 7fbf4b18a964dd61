// The per-implementation config, BoGo-style (docs/shim-protocol.md "Implementation config"):
//   {"disabled": {"GLOB": "reason", ...}, "errorMap": {"CANONICAL": ["NATIVE", ...], ...}}
// `disabled` turns every check whose id matches a glob (fnmatch(3), `*` crosses `/`) into `skip`
// with the reason. `errorMap` lists, per canonical error, the native codes that stand for it; a
// native code an implementation answers and the map does not list is a failure naming the code.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rtcseal/json_input.h"
#include "rtcseal/report.h"
#include "rtcseal/result.h"

namespace rtcseal {

struct ImplConfig {
  std::vector<std::pair<std::string, std::string>> disabled;  // glob, reason; sorted by glob
  std::map<Err, std::vector<std::string>> error_map;

  // The reason of the first glob (in sorted order) that matches `check_id`.
  std::optional<std::string> disabled_reason(std::string_view check_id) const;
  // An answered error code as an Error: a canonical name as itself, a native code as the first
  // canonical error the map lists it under (kept in Error::native, so error_means can see every
  // one), anything else as Fault::UnmappedNative.
  Error resolve(std::string_view code, std::string message) const;
  // Whether `got` stands for `want`: the same canonical code, or a native code listed under it.
  bool error_means(const Error& got, Err want) const;
};

// Reads and checks a config file; an InputError names the file and the JSON path.
InputResult<ImplConfig> load_impl_config(const std::string& path);
InputResult<ImplConfig> parse_impl_config(const JsonNode& root);

// Turns each of `results` whose id a `disabled` glob matches into `skip` with its reason.
void apply_disabled(const ImplConfig& config, std::vector<CheckResult>& results);

}  // namespace rtcseal
