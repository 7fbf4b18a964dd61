#include "rtcseal/json_input.h"

#include <fstream>
#include <sstream>

namespace rtcseal {

std::string InputError::what() const {
  std::string out = file;
  if (!json_path.empty()) out += ": at " + json_path;
  return out + ": " + message;
}

std::string json_pointer_escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

InputResult<nlohmann::json> parse_json_text(const std::string& file, const std::string& text) {
  // Depth is bounded by nlohmann's recursive parser; reject absurd nesting before it recurses.
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > 256) return InputError{file, "", "JSON nests deeper than 256 levels"};
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Re-parse with exceptions only to obtain the position for the message.
    try {
      auto unused = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      return InputError{file, "", "invalid JSON (byte " + std::to_string(e.byte) + ")"};
    } catch (const nlohmann::json::out_of_range&) {
      // A number beyond double's range (e.g. 1e400) is out_of_range 406, not a parse_error: it
      // must still end as an InputError, not escape into a reader that promises not to throw.
      return InputError{file, "", "invalid JSON: a number is out of range"};
    }
    return InputError{file, "", "invalid JSON"};
  }
  return doc;
}

InputResult<nlohmann::json> load_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InputError{path, "", "cannot open file"};
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_json_text(path, buf.str());
}

namespace {
std::string type_name(const nlohmann::json& j) {
  return j.type_name();
}
}  // namespace

bool JsonNode::has(const std::string& key) const {
  return value_->is_object() && value_->contains(key);
}

InputResult<JsonNode> JsonNode::at(const std::string& key) const {
  if (!value_->is_object()) return error("expected an object, found " + type_name(*value_));
  auto it = value_->find(key);
  if (it == value_->end()) return error("missing field \"" + key + "\"");
  return JsonNode(*file_, *it, path_ + "/" + json_pointer_escape(key));
}

std::optional<JsonNode> JsonNode::find(const std::string& key) const {
  if (!value_->is_object()) return std::nullopt;
  auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return JsonNode(*file_, *it, path_ + "/" + json_pointer_escape(key));
}

InputResult<std::vector<JsonNode>> JsonNode::items() const {
  if (!value_->is_array()) return error("expected an array, found " + type_name(*value_));
  std::vector<JsonNode> out;
  out.reserve(value_->size());
  for (size_t i = 0; i < value_->size(); ++i) {
    out.emplace_back(*file_, (*value_)[i], path_ + "/" + std::to_string(i));
  }
  return out;
}

InputResult<std::string> JsonNode::str() const {
  if (!value_->is_string()) return error("expected a string, found " + type_name(*value_));
  return value_->get<std::string>();
}

InputResult<int64_t> JsonNode::integer() const {
  if (value_->is_number_integer()) return value_->get<int64_t>();
  if (value_->is_number_unsigned()) {
    uint64_t v = value_->get<uint64_t>();
    if (v > static_cast<uint64_t>(INT64_MAX)) return error("integer out of range");
    return static_cast<int64_t>(v);
  }
  return error("expected an integer, found " + type_name(*value_));
}

InputResult<uint64_t> JsonNode::uinteger() const {
  if (value_->is_number_unsigned()) return value_->get<uint64_t>();
  if (value_->is_number_integer()) {
    int64_t v = value_->get<int64_t>();
    if (v < 0) return error("expected a non-negative integer");
    return static_cast<uint64_t>(v);
  }
  return error("expected an integer, found " + type_name(*value_));
}

InputResult<bool> JsonNode::boolean() const {
  if (!value_->is_boolean()) return error("expected true or false, found " + type_name(*value_));
  return value_->get<bool>();
}

InputResult<Bytes> JsonNode::hex() const {
  auto s = str();
  if (!s) return s.error();
  auto bytes = from_hex(*s);
  if (!bytes) return error("bad " + bytes.error().message);
  return std::move(bytes).value();
}

InputResult<std::vector<std::string>> JsonNode::strings() const {
  auto list = items();
  if (!list) return list.error();
  std::vector<std::string> out;
  for (const auto& item : *list) {
    auto s = item.str();
    if (!s) return s.error();
    out.push_back(*s);
  }
  return out;
}

InputResult<std::string> JsonNode::str(const std::string& key) const {
  auto n = at(key);
  if (!n) return n.error();
  return n->str();
}

InputResult<int64_t> JsonNode::integer(const std::string& key) const {
  auto n = at(key);
  if (!n) return n.error();
  return n->integer();
}

InputResult<Bytes> JsonNode::hex(const std::string& key) const {
  auto n = at(key);
  if (!n) return n.error();
  return n->hex();
}

InputResult<std::map<std::string, std::string>> JsonNode::string_map() const {
  if (!value_->is_object()) return error("expected an object, found " + type_name(*value_));
  std::map<std::string, std::string> out;
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    const auto& v = it.value();
    if (v.is_string()) {
      out[it.key()] = v.get<std::string>();
    } else if (v.is_number_integer() || v.is_number_unsigned()) {
      out[it.key()] = v.dump();
    } else if (v.is_boolean()) {
      out[it.key()] = v.get<bool>() ? "true" : "false";
    } else {
      return InputError{*file_, path_ + "/" + json_pointer_escape(it.key()),
                        "expected a string, integer or boolean, found " + type_name(v)};
    }
  }
  return out;
}

std::optional<InputError> JsonNode::unknown_key(std::initializer_list<const char*> allowed) const {
  if (!value_->is_object()) return error("expected an object, found " + type_name(*value_));
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    bool known = false;
    for (const char* a : allowed) known = known || it.key() == a;
    if (!known) {
      return InputError{*file_, path_ + "/" + json_pointer_escape(it.key()),
                        "unknown field \"" + it.key() + "\""};
    }
  }
  return std::nullopt;
}

}  // namespace rtcseal
