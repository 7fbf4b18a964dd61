// Typed, path-tracking access to JSON written by people. Every accessor either returns the value
// or an InputError naming the file and the JSON Pointer of the offending node; nothing throws.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "rtcseal/bytes.h"
#include "rtcseal/input_error.h"

namespace rtcseal {

// Parses a whole file. A syntax error names the byte offset; a missing file says so.
InputResult<nlohmann::json> load_json_file(const std::string& path);
InputResult<nlohmann::json> parse_json_text(const std::string& file, const std::string& text);

class JsonNode {
 public:
  JsonNode(const std::string& file, const nlohmann::json& value, std::string path = "")
      : file_(&file), value_(&value), path_(std::move(path)) {}

  const nlohmann::json& raw() const { return *value_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return *file_; }
  InputError error(const std::string& message) const { return {*file_, path_, message}; }

  bool has(const std::string& key) const;
  // The member `key` of an object; an error when this is not an object or the key is absent.
  InputResult<JsonNode> at(const std::string& key) const;
  std::optional<JsonNode> find(const std::string& key) const;
  // Elements of an array.
  InputResult<std::vector<JsonNode>> items() const;

  InputResult<std::string> str() const;
  InputResult<int64_t> integer() const;
  InputResult<uint64_t> uinteger() const;  // 0 .. 2^64-1
  InputResult<bool> boolean() const;
  InputResult<Bytes> hex() const;                         // a lowercase or uppercase hex string
  InputResult<std::vector<std::string>> strings() const;  // an array of strings

  // Shorthands: the member `key`, converted.
  InputResult<std::string> str(const std::string& key) const;
  InputResult<int64_t> integer(const std::string& key) const;
  InputResult<Bytes> hex(const std::string& key) const;
  // Object members whose values are strings or numbers, as strings (for scheme Params).
  InputResult<std::map<std::string, std::string>> string_map() const;

  // The error for the first member not in `allowed`, so typos do not pass silently.
  std::optional<InputError> unknown_key(std::initializer_list<const char*> allowed) const;

 private:
  const std::string* file_;
  const nlohmann::json* value_;
  std::string path_;
};

// Escapes a key for a JSON Pointer (RFC 6901).
std::string json_pointer_escape(const std::string& key);

}  // namespace rtcseal
