// Building blocks of `rtcseal vectors generate`, shared by every scheme's generator: reproducible
// test inputs and a writer for the project's vector format (vectors/SCHEMA.md).
#pragma once

#include <nlohmann/json.hpp>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rtcseal/bytes.h"
#include "rtcseal/input_error.h"

namespace rtcseal::vectors {

using Json = nlohmann::ordered_json;

// Test inputs only: reproducible from a label, not secret.
class TestBytes {
 public:
  explicit TestBytes(std::string_view label);
  Bytes bytes(size_t n);
  uint64_t u64() { return rng_(); }

 private:
  std::mt19937_64 rng_;
};

// A flag a test may carry, explained in the file's `notes`.
struct Note {
  const char* flag;
  const char* bug_type;
  const char* description;
};

// One vector file being written. Only the notes whose flags the tests use end up in the file.
class FileBuilder {
 public:
  FileBuilder(std::string scheme, std::string algorithm, std::vector<std::string> header,
              std::vector<std::string> sources, std::span<const Note> notes);

  Json& group(const char* type, const Json& params);
  // A new test in `group` with the next tcId; the caller fills in the rest.
  Json& add(Json& group, const std::string& comment, std::vector<std::string> flags);
  std::string dump() const;

 private:
  std::string scheme_, algorithm_;
  std::vector<std::string> header_, sources_;
  std::span<const Note> notes_;
  Json groups_ = Json::array();
  int64_t count_ = 0;
};

// A file to write, relative to the vectors folder.
struct GeneratedFile {
  std::string path;
  std::string content;
};

// One generator per scheme.
InputResult<std::vector<GeneratedFile>> generate_agora_builtin();
InputResult<std::vector<GeneratedFile>> generate_vonage_e2ee();
InputResult<std::vector<GeneratedFile>> generate_sframe();
InputResult<std::vector<GeneratedFile>> generate_framecryptor();

}  // namespace rtcseal::vectors
