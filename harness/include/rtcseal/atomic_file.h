// Files are written whole or not at all: a crash or a full disk never leaves a partial report or
// vector file behind.
#pragma once

#include <string>

#include "rtcseal/input_error.h"

namespace rtcseal {

// Writes `content` to a temporary file beside `path`, flushes it and renames it over `path`.
// Creates missing parent directories. The error names the path.
InputResult<bool> write_file_atomic(const std::string& path, const std::string& content);

}  // namespace rtcseal
