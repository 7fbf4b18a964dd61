#include "rtcseal/impl_config.h"

#include <fnmatch.h>

#include <algorithm>

namespace rtcseal {

namespace {

// A native code may be written as a string or, for vendors whose codes are numbers, a number.
InputResult<std::string> native_code(const JsonNode& node) {
  if (node.raw().is_number_integer()) return node.raw().dump();
  RTCSEAL_TRY(std::string code, node.str());
  if (code.empty()) return node.error("a native code must not be empty");
  return code;
}

InputResult<std::vector<std::string>> native_codes(const JsonNode& node) {
  if (!node.raw().is_array()) {
    RTCSEAL_TRY(std::string one, native_code(node));
    return std::vector<std::string>{one};
  }
  RTCSEAL_TRY(std::vector<JsonNode> items, node.items());
  if (items.empty()) return node.error("list at least one native code");
  std::vector<std::string> out;
  for (const JsonNode& item : items) {
    RTCSEAL_TRY(std::string code, native_code(item));
    out.push_back(std::move(code));
  }
  return out;
}

}  // namespace

std::optional<std::string> ImplConfig::disabled_reason(std::string_view check_id) const {
  const std::string id(check_id);
  for (const auto& [glob, reason] : disabled) {
    if (fnmatch(glob.c_str(), id.c_str(), 0) == 0) return reason;
  }
  return std::nullopt;
}

Error ImplConfig::resolve(std::string_view code, std::string message) const {
  if (auto canonical = parse_error_name(code)) return Error{*canonical, std::move(message)};
  for (const auto& [canonical, natives] : error_map) {
    if (std::ranges::find(natives, code) != natives.end()) {
      return Error{canonical, std::move(message), Fault::None, std::string(code)};
    }
  }
  return Error{Err::ENCRYPT_INTERNAL, std::move(message), Fault::UnmappedNative, std::string(code)};
}

bool ImplConfig::error_means(const Error& got, Err want) const {
  if (got.fault != Fault::None) return false;
  if (got.native.empty()) return got.code == want;
  auto it = error_map.find(want);
  return it != error_map.end() && std::ranges::find(it->second, got.native) != it->second.end();
}

InputResult<ImplConfig> parse_impl_config(const JsonNode& root) {
  if (auto bad = root.unknown_key({"comment", "disabled", "errorMap"})) return *bad;
  ImplConfig config;
  if (auto disabled = root.find("disabled")) {
    if (!disabled->raw().is_object()) return disabled->error("expected an object");
    for (auto it = disabled->raw().begin(); it != disabled->raw().end(); ++it) {
      RTCSEAL_TRY(JsonNode node, disabled->at(it.key()));
      RTCSEAL_TRY(std::string reason, node.str());
      if (reason.empty()) return node.error("give the reason the checks are disabled");
      if (it.key().empty()) return node.error("an empty glob matches nothing");
      config.disabled.emplace_back(it.key(), std::move(reason));
    }
  }
  if (auto map = root.find("errorMap")) {
    if (!map->raw().is_object()) return map->error("expected an object");
    for (auto it = map->raw().begin(); it != map->raw().end(); ++it) {
      RTCSEAL_TRY(JsonNode entry, map->at(it.key()));
      auto canonical = parse_error_name(it.key());
      if (!canonical) return entry.error("\"" + it.key() + "\" is not a canonical error");
      RTCSEAL_TRY(config.error_map[*canonical], native_codes(entry));
    }
  }
  return config;
}

InputResult<ImplConfig> load_impl_config(const std::string& path) {
  RTCSEAL_TRY(nlohmann::json doc, load_json_file(path));
  JsonNode root(path, doc);
  if (!doc.is_object()) return root.error("expected a JSON object at the top level");
  return parse_impl_config(root);
}

void apply_disabled(const ImplConfig& config, std::vector<CheckResult>& results) {
  for (CheckResult& r : results) {
    if (auto reason = config.disabled_reason(r.id)) {
      r.outcome = Outcome::Skip;
      r.reason = "disabled: " + *reason;
    }
  }
}

}  // namespace rtcseal
