// Reads checks/behaviour.json (docs/behaviour.md). Like every input reader, it names the file and
// JSON Pointer of the first problem and never half-loads a plan.
#include "rtcseal/behaviour.h"
#include "rtcseal/json_input.h"

namespace rtcseal::behaviour {

namespace {

InputError member_error(const JsonNode& node, const char* key, const std::string& message) {
  return InputError{node.file(), node.path() + "/" + key, message};
}

InputResult<Stream> parse_stream(const JsonNode& node) {
  if (auto e = node.unknown_key({"media", "codec", "prefix"})) return *e;
  Stream s;
  RTCSEAL_TRY(std::string media, node.str("media"));
  RTCSEAL_TRY(std::string codec, node.str("codec"));
  auto m = parse_media(media);
  if (!m) return member_error(node, "media", "unknown media \"" + media + "\"");
  auto c = parse_codec(codec);
  if (!c) return member_error(node, "codec", "unknown codec \"" + codec + "\"");
  s.media = *m;
  s.codec = *c;
  if (node.has("prefix")) {
    RTCSEAL_TRY(s.prefix, node.hex("prefix"));
  }
  return s;
}

InputResult<Mismatch> parse_mismatch(const JsonNode& node) {
  if (auto e = node.unknown_key({"name", "receiver", "expect"})) return *e;
  Mismatch m;
  RTCSEAL_TRY(m.name, node.str("name"));
  RTCSEAL_TRY(JsonNode receiver, node.at("receiver"));
  RTCSEAL_TRY(m.receiver, receiver.string_map());
  RTCSEAL_TRY(JsonNode expect, node.at("expect"));
  if (!expect.raw().is_null()) {
    RTCSEAL_TRY(std::string name, expect.str());
    m.expect = parse_error_name(name);
    if (!m.expect) return expect.error("unknown canonical error \"" + name + "\"");
  }
  return m;
}

template <typename T, typename Parse>
InputResult<std::vector<T>> parse_list(const JsonNode& node, Parse parse) {
  RTCSEAL_TRY(std::vector<JsonNode> items, node.items());
  std::vector<T> out;
  for (const JsonNode& item : items) {
    RTCSEAL_TRY(T value, parse(item));
    out.push_back(std::move(value));
  }
  return out;
}

InputResult<size_t> size_value(const JsonNode& node) {
  RTCSEAL_TRY(uint64_t n, node.uinteger());
  if (n > 65535) return node.error("a payload size is at most 65535");
  return static_cast<size_t>(n);
}

InputResult<Target> parse_target(const JsonNode& node) {
  if (auto e =
          node.unknown_key({"name", "scheme", "params", "streams", "authenticated", "freshNonce",
                            "clearPrefix", "maxPayload", "rekey", "mismatches", "sources"})) {
    return *e;
  }
  Target t;
  RTCSEAL_TRY(t.name, node.str("name"));
  RTCSEAL_TRY(t.scheme, node.str("scheme"));
  if (find_scheme(t.scheme) == nullptr) {
    return member_error(node, "scheme", "unknown scheme \"" + t.scheme + "\"");
  }
  RTCSEAL_TRY(JsonNode params, node.at("params"));
  RTCSEAL_TRY(t.params, params.string_map());
  RTCSEAL_TRY(JsonNode streams, node.at("streams"));
  RTCSEAL_TRY(t.streams, parse_list<Stream>(streams, parse_stream));
  if (t.streams.empty()) return streams.error("needs at least one stream");
  RTCSEAL_TRY(JsonNode authenticated, node.at("authenticated"));
  RTCSEAL_TRY(t.authenticated, authenticated.boolean());
  RTCSEAL_TRY(JsonNode fresh, node.at("freshNonce"));
  RTCSEAL_TRY(t.fresh_nonce, fresh.boolean());
  if (auto prefix = node.find("clearPrefix")) {
    RTCSEAL_TRY(uint64_t n, prefix->uinteger());
    t.clear_prefix = static_cast<size_t>(std::min<uint64_t>(n, 65535));
  }
  if (auto max = node.find("maxPayload")) {
    RTCSEAL_TRY(t.max_payload, size_value(*max));
  }
  if (auto rekey = node.find("rekey")) {
    RTCSEAL_TRY(t.rekey, rekey->string_map());
  }
  RTCSEAL_TRY(JsonNode mismatches, node.at("mismatches"));
  RTCSEAL_TRY(t.mismatches, parse_list<Mismatch>(mismatches, parse_mismatch));
  if (auto sources = node.find("sources")) {
    RTCSEAL_TRY(std::vector<std::string> ignored, sources->strings());
    (void)ignored;  // for readers of the file; validated so a typo cannot hide
  }
  return t;
}

}  // namespace

InputResult<Plan> load_plan(const std::string& path) {
  RTCSEAL_TRY(nlohmann::json json, load_json_file(path));
  JsonNode root(path, json);
  if (auto e = root.unknown_key({"schema", "description", "sizes", "targets"})) return *e;
  RTCSEAL_TRY(std::string schema, root.str("schema"));
  if (schema != "rtcseal-behaviour/1") {
    return InputError{path, "/schema", "expected \"rtcseal-behaviour/1\", got \"" + schema + "\""};
  }
  if (auto description = root.find("description")) {
    RTCSEAL_TRY(std::vector<std::string> lines, description->strings());
    (void)lines;  // for readers of the file
  }
  Plan plan;
  plan.file = path;
  RTCSEAL_TRY(JsonNode sizes, root.at("sizes"));
  RTCSEAL_TRY(plan.sizes, parse_list<size_t>(sizes, size_value));
  RTCSEAL_TRY(JsonNode targets, root.at("targets"));
  RTCSEAL_TRY(plan.targets, parse_list<Target>(targets, parse_target));
  return plan;
}

}  // namespace rtcseal::behaviour
