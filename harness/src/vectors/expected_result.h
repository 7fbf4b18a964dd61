// The `result` field every Wycheproof-shaped test carries, shared by the vector readers.
#pragma once

#include "rtcseal/json_input.h"

namespace rtcseal::vectors {

enum class Expect { Valid, Invalid, Acceptable };

InputResult<Expect> parse_expect(const JsonNode& node);

}  // namespace rtcseal::vectors
