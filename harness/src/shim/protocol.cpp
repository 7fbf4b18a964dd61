#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <utility>

#include "json_line.h"
#include "rtcseal/json_input.h"
#include "rtcseal/shim_protocol.h"

namespace rtcseal::shim {

namespace {

using Ordered = nlohmann::ordered_json;

constexpr std::pair<Op, std::string_view> kOps[] = {
    {Op::Hello, "hello"},         {Op::Configure, "configure"}, {Op::Protect, "protect"},
    {Op::Unprotect, "unprotect"}, {Op::Rekey, "rekey"},         {Op::Close, "close"},
    {Op::Shutdown, "shutdown"},   {Op::Batch, "batch"},
};

// The parameters that travel as JSON numbers (docs/shim-protocol.md "Parameters"): the ones
// design.md lists as numbers, and the schemes' other counters and indexes. A scheme that adds a
// numeric parameter adds it here; every other parameter is a string.
struct IntegerParam {
  std::string_view scheme;
  std::string_view name;
};
constexpr IntegerParam kIntegerParams[] = {
    {"sframe", "suite"},
    {"sframe", "kid"},
    {"sframe", "ratchet_bits"},
    {"framecryptor", "key_index"},
    {"framecryptor", "ssrc"},
    {"framecryptor", "rtp_timestamp"},
    {"framecryptor", "rtp_step"},
    {"framecryptor", "ring_size"},
    {"framecryptor", "ratchet_window"},
};

// The file names InputErrors carry, so a message says which side of the exchange was wrong.
const std::string kReplyFile = "reply";
const std::string kRequestFile = "request";

// Digits only, no sign, no leading zero, at most 2^64-1.
std::optional<uint64_t> canonical_decimal(std::string_view text) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string dump(const Ordered& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Ordered params_json(std::string_view scheme, const Params& params) {
  Ordered out = Ordered::object();
  for (const auto& [name, value] : params) {
    auto number = is_integer_param(scheme, name) ? canonical_decimal(value) : std::nullopt;
    if (number) {
      out[name] = *number;
    } else {
      out[name] = value;
    }
  }
  return out;
}

// Appends one JSON object to a line. Lines are written directly rather than built as nlohmann
// values and dumped: every frame crosses as a long hex string, and building, copying and
// escape-checking it through nlohmann dominated a shim round trip. The text is the same as
// nlohmann's compact dump, keys in the order written.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectWriter() { out_ += '}'; }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  // Keys are the protocol's own names: plain ASCII, nothing to escape.
  std::string& key(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
    return out_;
  }
  void str(std::string_view name, std::string_view value) { append_string(key(name), value); }
  void integer(std::string_view name, int64_t value) { key(name) += std::to_string(value); }
  void uinteger(std::string_view name, uint64_t value) { key(name) += std::to_string(value); }
  void boolean(std::string_view name, bool value) { key(name) += value ? "true" : "false"; }
  void json(std::string_view name, const Ordered& value) { key(name) += dump(value); }
  // Lowercase hex, written straight from the bytes.
  void hex(std::string_view name, ByteView bytes) {
    std::string& out = key(name);
    out += '"';
    append_hex(out, bytes);
    out += '"';
  }

 private:
  // Printable ASCII without '"' or '\\' needs no escaping; anything else goes through nlohmann's
  // serializer, so escapes and the replacement of invalid UTF-8 stay exactly as they were.
  static void append_string(std::string& out, std::string_view value) {
    const bool plain = std::all_of(value.begin(), value.end(), [](char c) {
      auto u = static_cast<unsigned char>(c);
      return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
    });
    if (plain) {
      out += '"';
      out += value;
      out += '"';
    } else {
      out += dump(Ordered(std::string(value)));
    }
  }

  std::string& out_;
  bool first_ = true;
};

// About the length of a line: its hex and a little more, so a batch line is not grown (and
// copied) a dozen times on the way.
constexpr size_t kFieldsHint = 128;

size_t size_hint(const Request& r) {
  size_t n = kFieldsHint + 2 * (r.payload.size() + r.packet.size() + r.metadata.size());
  for (const Request& inner : r.requests) n += size_hint(inner);
  return n;
}

size_t size_hint(const Response& r) {
  size_t n =
      kFieldsHint + 2 * ((r.packet ? r.packet->size() : 0) + (r.payload ? r.payload->size() : 0));
  if (r.responses) {
    for (const Response& inner : *r.responses) n += size_hint(inner);
  }
  return n;
}

void write_request(std::string& out, const Request& r) {
  ObjectWriter j(out);
  j.integer("id", r.id);
  j.str("op", op_name(r.op));
  switch (r.op) {
    case Op::Hello:
      j.integer("protocol", r.protocol);
      break;
    case Op::Configure:
      j.str("ctx", r.ctx);
      j.str("scheme", r.scheme);
      j.json("params", params_json(r.scheme, r.params));
      break;
    case Op::Protect:
    case Op::Unprotect:
      j.str("ctx", r.ctx);
      j.str("media", media_name(r.media));
      j.str("codec", codec_name(r.codec));
      if (r.op == Op::Protect) {
        j.hex("payload", r.payload);
        if (r.ctr) j.uinteger("ctr", *r.ctr);
        if (r.kid) j.uinteger("kid", *r.kid);
      } else {
        j.hex("packet", r.packet);
      }
      if (!r.metadata.empty()) j.hex("metadata", r.metadata);
      break;
    case Op::Rekey:
      j.str("ctx", r.ctx);
      j.json("params", params_json(r.scheme, r.params));
      break;
    case Op::Close:
      j.str("ctx", r.ctx);
      break;
    case Op::Shutdown:
      break;
    case Op::Batch: {
      std::string& list = j.key("requests");
      list += '[';
      for (size_t i = 0; i < r.requests.size(); ++i) {
        if (i > 0) list += ',';
        write_request(list, r.requests[i]);
      }
      list += ']';
      break;
    }
  }
}

Ordered error_json(const Ordered& id, std::string_view code, std::string_view message) {
  return Ordered{{"id", id}, {"ok", false}, {"error", code}, {"message", message}};
}

void write_response(std::string& out, const Response& r) {
  ObjectWriter j(out);
  j.integer("id", r.id);
  j.boolean("ok", r.ok);
  if (!r.ok) {
    j.str("error", r.error);
    j.str("message", r.message);
    return;
  }
  if (r.hello) {
    j.str("name", r.hello->name);
    j.str("version", r.hello->version);
    j.json("schemes", Ordered(r.hello->schemes));
    j.json("features", Ordered(r.hello->features));
  }
  if (r.packet) j.hex("packet", *r.packet);
  if (r.payload) j.hex("payload", *r.payload);
  if (r.responses) {
    std::string& list = j.key("responses");
    list += '[';
    for (size_t i = 0; i < r.responses->size(); ++i) {
      if (i > 0) list += ',';
      write_response(list, (*r.responses)[i]);
    }
    list += ']';
  }
}

// Bytes are lowercase hex on the wire, both ways. Read in place: frames are the bulk of a line.
InputResult<Bytes> lower_hex(const JsonNode& node) {
  if (!node.raw().is_string()) return node.str().error();
  const auto& text = node.raw().get_ref<const std::string&>();
  if (auto bytes = from_lower_hex(text)) return std::move(*bytes);
  // Not lowercase hex: say why, as the strict decoders word it.
  if (std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'F'; })) {
    return node.error("bad hex: uppercase digit (hex must be lowercase)");
  }
  auto bytes = from_hex(text);
  if (!bytes) return node.error("bad " + bytes.error().message);
  return std::move(bytes).value();
}

InputResult<Bytes> lower_hex(const JsonNode& node, const char* key) {
  RTCSEAL_TRY(JsonNode field, node.at(key));
  return lower_hex(field);
}

InputResult<std::optional<Bytes>> optional_hex(const JsonNode& node, const char* key) {
  auto field = node.find(key);
  if (!field) return std::optional<Bytes>{};
  RTCSEAL_TRY(Bytes bytes, lower_hex(*field));
  return std::optional<Bytes>{std::move(bytes)};
}

InputResult<std::string> nonempty_str(const JsonNode& node, const char* key) {
  RTCSEAL_TRY(JsonNode field, node.at(key));
  RTCSEAL_TRY(std::string text, field.str());
  if (text.empty()) return field.error("must not be empty");
  return text;
}

InputResult<Hello> decode_hello(const JsonNode& n) {
  Hello h;
  RTCSEAL_TRY(h.name, n.str("name"));
  RTCSEAL_TRY(h.version, n.str("version"));
  RTCSEAL_TRY(JsonNode schemes, n.at("schemes"));
  RTCSEAL_TRY(h.schemes, schemes.strings());
  if (auto features = n.find("features")) {
    RTCSEAL_TRY(h.features, features->strings());
  }
  return h;
}

InputResult<Response> decode_response_node(const JsonNode& n, const Request& request) {
  if (!n.raw().is_object())
    return n.error(std::string("expected an object, found ") + n.raw().type_name());
  RTCSEAL_TRY(JsonNode id_node, n.at("id"));
  RTCSEAL_TRY(int64_t id, id_node.integer());
  if (id != request.id) {
    return id_node.error("expected id " + std::to_string(request.id) + ", got " +
                         std::to_string(id) + " (out of order or stale)");
  }
  Response r;
  r.id = id;
  RTCSEAL_TRY(JsonNode ok_node, n.at("ok"));
  RTCSEAL_TRY(r.ok, ok_node.boolean());
  if (!r.ok) {
    RTCSEAL_TRY(r.error, nonempty_str(n, "error"));
    if (auto message = n.find("message")) {
      RTCSEAL_TRY(r.message, message->str());
    }
    return r;
  }
  switch (request.op) {
    case Op::Hello: {
      RTCSEAL_TRY(r.hello, decode_hello(n));
      break;
    }
    case Op::Protect: {
      RTCSEAL_TRY(r.packet, lower_hex(n, "packet"));
      break;
    }
    case Op::Unprotect: {
      RTCSEAL_TRY(r.payload, lower_hex(n, "payload"));
      break;
    }
    case Op::Batch: {
      RTCSEAL_TRY(JsonNode list, n.at("responses"));
      RTCSEAL_TRY(std::vector<JsonNode> items, list.items());
      if (items.size() != request.requests.size()) {
        return list.error("expected " + std::to_string(request.requests.size()) +
                          " responses, got " + std::to_string(items.size()));
      }
      r.responses.emplace();
      for (size_t i = 0; i < items.size(); ++i) {
        RTCSEAL_TRY(Response inner, decode_response_node(items[i], request.requests[i]));
        r.responses->push_back(std::move(inner));
      }
      break;
    }
    case Op::Configure:
    case Op::Rekey:
    case Op::Close:
    case Op::Shutdown:
      break;
  }
  return r;
}

using RequestResult = Result<Request, BadRequest>;

// Fills the fields of request.op from `n`; the id and op are already read.
std::optional<InputError> decode_fields(const JsonNode& n, Request& r);

InputResult<Media> decode_media(const JsonNode& n) {
  RTCSEAL_TRY(JsonNode field, n.at("media"));
  RTCSEAL_TRY(std::string name, field.str());
  auto media = parse_media(name);
  if (!media) return field.error("media must be audio, video or data");
  return *media;
}

InputResult<Codec> decode_codec(const JsonNode& n) {
  RTCSEAL_TRY(JsonNode field, n.at("codec"));
  RTCSEAL_TRY(std::string name, field.str());
  auto codec = parse_codec(name);
  if (!codec) return field.error("codec must be none, opus, vp8, h264 or vp9");
  return *codec;
}

InputResult<std::optional<uint64_t>> optional_uint(const JsonNode& n, const char* key) {
  auto field = n.find(key);
  if (!field) return std::optional<uint64_t>{};
  RTCSEAL_TRY(uint64_t value, field->uinteger());
  return std::optional<uint64_t>{value};
}

InputResult<Params> decode_params(const JsonNode& n) {
  RTCSEAL_TRY(JsonNode field, n.at("params"));
  return field.string_map();
}

RequestResult decode_request_node(const JsonNode& n, bool nested) {
  const std::string malformed(kMalformedRequest);
  if (!n.raw().is_object()) {
    return BadRequest{std::nullopt, malformed,
                      n.error(std::string("expected an object, found ") + n.raw().type_name())};
  }
  auto id_node = n.at("id");
  if (!id_node) return BadRequest{std::nullopt, malformed, id_node.error()};
  auto id = id_node->integer();
  if (!id) return BadRequest{std::nullopt, malformed, id.error()};
  Request r;
  r.id = *id;
  auto op_node = n.at("op");
  if (!op_node) return BadRequest{r.id, malformed, op_node.error()};
  auto op_text = op_node->str();
  if (!op_text) return BadRequest{r.id, malformed, op_text.error()};
  auto op = parse_op(*op_text);
  if (!op) {
    return BadRequest{r.id, "UNIMPLEMENTED", op_node->error("unknown op \"" + *op_text + "\"")};
  }
  r.op = *op;
  if (nested && (r.op == Op::Batch || r.op == Op::Shutdown)) {
    return BadRequest{r.id, malformed, op_node->error("a batch cannot hold " + *op_text)};
  }
  if (auto bad = decode_fields(n, r)) return BadRequest{r.id, malformed, std::move(*bad)};
  return r;
}

std::optional<InputError> decode_fields(const JsonNode& n, Request& r) {
  auto take = [](auto result, auto& into) -> std::optional<InputError> {
    if (!result) return result.error();
    into = std::move(result).value();
    return std::nullopt;
  };
  std::optional<InputError> bad;
  switch (r.op) {
    case Op::Hello:
      return take(n.integer("protocol"), r.protocol);
    case Op::Configure:
      if ((bad = take(nonempty_str(n, "ctx"), r.ctx))) return bad;
      if ((bad = take(n.str("scheme"), r.scheme))) return bad;
      return take(decode_params(n), r.params);
    case Op::Protect:
    case Op::Unprotect:
      if ((bad = take(nonempty_str(n, "ctx"), r.ctx))) return bad;
      if ((bad = take(decode_media(n), r.media))) return bad;
      if ((bad = take(decode_codec(n), r.codec))) return bad;
      if (auto md = optional_hex(n, "metadata"); !md) {
        return md.error();
      } else if (*md) {
        r.metadata = std::move(**md);
      }
      if (r.op == Op::Unprotect) return take(lower_hex(n, "packet"), r.packet);
      if ((bad = take(lower_hex(n, "payload"), r.payload))) return bad;
      if ((bad = take(optional_uint(n, "ctr"), r.ctr))) return bad;
      return take(optional_uint(n, "kid"), r.kid);
    case Op::Rekey:
      if ((bad = take(nonempty_str(n, "ctx"), r.ctx))) return bad;
      return take(decode_params(n), r.params);
    case Op::Close:
      return take(nonempty_str(n, "ctx"), r.ctx);
    case Op::Shutdown:
      return std::nullopt;
    case Op::Batch: {
      auto list = n.at("requests");
      if (!list) return list.error();
      auto items = list->items();
      if (!items) return items.error();
      for (const JsonNode& item : *items) {
        auto inner = decode_request_node(item, /*nested=*/true);
        if (!inner) return inner.error().error;
        r.requests.push_back(std::move(inner).value());
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// The fast reader for the lines shims write in practice; nlohmann for the rest, which also words
// the error of a line that is not JSON.
InputResult<nlohmann::json> parse_line(const std::string& file, std::string_view line) {
  if (auto doc = parse_plain_json(line)) return std::move(*doc);
  return parse_json_text(file, std::string(line));
}

}  // namespace

std::string_view op_name(Op op) {
  for (const auto& [value, name] : kOps) {
    if (value == op) return name;
  }
  return {};
}

std::optional<Op> parse_op(std::string_view name) {
  for (const auto& [value, text] : kOps) {
    if (text == name) return value;
  }
  return std::nullopt;
}

bool is_integer_param(std::string_view scheme, std::string_view name) {
  for (const IntegerParam& p : kIntegerParams) {
    if (p.scheme == scheme && p.name == name) return true;
  }
  return false;
}

std::string encode_request(const Request& request) {
  std::string out;
  out.reserve(size_hint(request));
  write_request(out, request);
  return out;
}

std::string encode_response(const Response& response) {
  std::string out;
  out.reserve(size_hint(response));
  write_response(out, response);
  return out;
}

std::string encode_bad_request(const BadRequest& bad) {
  Ordered id = bad.id ? Ordered(*bad.id) : Ordered(nullptr);
  return dump(error_json(id, bad.code, bad.error.what()));
}

InputResult<Response> decode_response(std::string_view line, const Request& request) {
  RTCSEAL_TRY(nlohmann::json doc, parse_line(kReplyFile, line));
  return decode_response_node(JsonNode(kReplyFile, doc), request);
}

Result<Request, BadRequest> decode_request(std::string_view line) {
  auto doc = parse_line(kRequestFile, line);
  if (!doc) return BadRequest{std::nullopt, std::string(kMalformedRequest), doc.error()};
  return decode_request_node(JsonNode(kRequestFile, *doc), /*nested=*/false);
}

}  // namespace rtcseal::shim
