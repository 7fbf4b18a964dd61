// Shim protocol v1 (docs/shim-protocol.md): JSON Lines between the harness and an out-of-process
// implementation. This module only encodes and decodes single lines, with no I/O, so that both
// ends (the client in shim_client.h, `rtcseal shim` in shim_server.h) share one exact reading of
// the contract and the decoders can be fuzzed on their own.
//
// Decoders are strict: a reply that breaks the contract (a wrong id, a missing `ok`, a wrong type,
// uppercase or odd hex, a missing result field) is an InputError whose json_path names the
// offending node. Unknown fields are ignored, so the protocol can grow without breaking shims.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rtcseal/bytes.h"
#include "rtcseal/input_error.h"
#include "rtcseal/scheme.h"

namespace rtcseal::shim {

inline constexpr int64_t kProtocolVersion = 1;
// The feature a shim lists in its hello to accept {"op":"batch"}.
inline constexpr std::string_view kBatchFeature = "batch";
// The code of a reply to a request line that is not valid protocol. It is not a canonical error:
// the harness never sends one, and treats this answer as a broken exchange (outcome `error`).
inline constexpr std::string_view kMalformedRequest = "MALFORMED_REQUEST";

enum class Op { Hello, Configure, Protect, Unprotect, Rekey, Close, Shutdown, Batch };
std::string_view op_name(Op op);
std::optional<Op> parse_op(std::string_view name);

// One request. Only the fields of its op are encoded; an empty `metadata` is left out.
struct Request {
  int64_t id = 0;
  Op op = Op::Hello;
  int64_t protocol = kProtocolVersion;  // hello
  std::string ctx;                      // configure, protect, unprotect, rekey, close
  std::string scheme;                   // configure; for rekey it only types the params
  Params params;                        // configure, rekey
  Media media = Media::Audio;           // protect, unprotect
  Codec codec = Codec::None;            // protect, unprotect
  Bytes payload;                        // protect
  Bytes packet;                         // unprotect
  Bytes metadata;                       // protect, unprotect (optional)
  std::optional<uint64_t> ctr, kid;     // protect (optional)
  std::vector<Request> requests;        // batch
};

struct Hello {
  std::string name;
  std::string version;
  std::vector<std::string> schemes;
  std::vector<std::string> features;  // optional in the reply; "batch" is the only one so far
};

// One response. `ok` false carries `error` (a canonical or native code) and `message`; `ok` true
// carries the result field of its request's op, if any.
struct Response {
  int64_t id = 0;
  bool ok = true;
  std::string error;
  std::string message;
  std::optional<Hello> hello;                      // hello
  std::optional<Bytes> packet;                     // protect
  std::optional<Bytes> payload;                    // unprotect
  std::optional<std::vector<Response>> responses;  // batch
};

// One line each, without the trailing newline. Never throws; invalid UTF-8 in a string is
// replaced rather than rejected.
std::string encode_request(const Request& request);
std::string encode_response(const Response& response);

// The reply to `request`: the id must echo request.id and an ok reply must carry the result of
// request.op (for a batch, one response per inner request, each checked against it).
// InputError::file is "reply".
InputResult<Response> decode_response(std::string_view line, const Request& request);

// A request line as `rtcseal shim` reads it. On failure, `id` is the request's id when it could be
// read (the error reply echoes it, or null), and `code` is UNIMPLEMENTED for an unknown op and
// MALFORMED_REQUEST otherwise. A batch with one bad request is bad as a whole. InputError::file is
// "request".
struct BadRequest {
  std::optional<int64_t> id;
  std::string code;
  InputError error;
};
Result<Request, BadRequest> decode_request(std::string_view line);
std::string encode_bad_request(const BadRequest& bad);

// Parameters travel as a JSON object. In process they are strings (scheme.h); on the wire a
// parameter the protocol types as an integer (sframe suite, kid and ratchet_bits; framecryptor
// key_index, ssrc and its other counters: docs/shim-protocol.md "Parameters") is a JSON number
// when its value is a canonical decimal, and every other value is a JSON string. Decoding turns
// numbers and booleans back into their decimal and "true"/"false" forms, so any shim may send
// either.
bool is_integer_param(std::string_view scheme, std::string_view name);

}  // namespace rtcseal::shim
