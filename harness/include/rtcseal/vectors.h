// Vector files: the project's own format (vectors/SCHEMA.md), Project Wycheproof's published files
// and (later) the sframe-wg file, detected from their content and run against an implementation.
#pragma once

#include <string>
#include <vector>

#include "rtcseal/implementation.h"
#include "rtcseal/input_error.h"
#include "rtcseal/json_input.h"
#include "rtcseal/report.h"

namespace rtcseal::vectors {

inline constexpr const char* kProjectSchema = "rtcseal-vectors/1";

// Reads `path`, detects its format and runs every test in it. A malformed file is an InputError
// naming the file and the JSON path; nothing partial is returned then.
InputResult<std::vector<CheckResult>> verify_file(const std::string& path, Implementation& impl);

// The format-specific runners behind verify_file. `source` labels the results.
InputResult<std::vector<CheckResult>> run_project_file(const JsonNode& root, Implementation& impl);
InputResult<std::vector<CheckResult>> run_wycheproof_file(const JsonNode& root,
                                                          Implementation& impl);

// True when the document looks like a Wycheproof file (a "schema" ending in "_schema.json" or
// "_schema_v1.json", with testGroups).
bool is_wycheproof(const nlohmann::json& doc);

// The SFrame working group's test-vectors.json (RFC 9605 Appendix C), as published: an object
// with "header", "aes_ctr_hmac" and "sframe" and no "schema".
bool is_sframe_wg(const nlohmann::json& doc);
InputResult<std::vector<CheckResult>> run_sframe_wg_file(const JsonNode& root,
                                                         Implementation& impl);

// `rtcseal vectors generate`: writes the project's vector files under `dir`, deterministically.
// Returns the paths written.
InputResult<std::vector<std::string>> generate(const std::string& dir);

}  // namespace rtcseal::vectors
