// A fast reader for the JSON that protocol lines carry in practice: objects, arrays, ASCII strings
// with the short escapes, integers, true, false and null. Every frame crosses the protocol as a
// long hex string, and nlohmann's lexer costs several nanoseconds per character there; this reader
// copies a string's plain runs whole.
//
// It only ever accepts what nlohmann::json::parse accepts, and builds the same value. Anything
// else (a \u escape, a non-ASCII byte, a fraction or exponent, an integer past 64 bits, a repeated
// key, deep nesting, a syntax error) gives nullopt: the caller then parses with nlohmann, which
// also words the error, so results and messages stay those of nlohmann.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace rtcseal::shim {

std::optional<nlohmann::json> parse_plain_json(std::string_view text);

}  // namespace rtcseal::shim
