// Errors in files that people write (vectors, profiles, scenarios) and in shim replies. They name
// the file and the JSON path so the author can find the fault; the CLI exits 2 on them.
#pragma once

#include <string>

#include "rtcseal/result.h"

namespace rtcseal {

struct InputError {
  std::string file;
  std::string json_path;  // JSON Pointer (RFC 6901), "" for the whole document
  std::string message;
  std::string what() const;  // "file: at /path: message"
};

template <typename T>
using InputResult = Result<T, InputError>;

}  // namespace rtcseal
