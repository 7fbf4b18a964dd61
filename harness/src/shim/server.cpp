#include <exception>
#include <optional>

#include "rtcseal/shim_server.h"

namespace rtcseal::shim {

namespace {

// A request line longer than this is answered MALFORMED_REQUEST unread, so a runaway client
// cannot exhaust memory.
constexpr size_t kMaxRequestBytes = size_t{64} << 20;

Response failure(int64_t id, std::string code, std::string message) {
  Response r;
  r.id = id;
  r.ok = false;
  r.error = std::move(code);
  r.message = std::move(message);
  return r;
}

Response failure(int64_t id, const Error& e) {
  return failure(id, std::string(error_name(e.code)), e.message);
}

Response success(int64_t id) {
  Response r;
  r.id = id;
  return r;
}

enum class LineStatus { Line, TooLong, End };

// Reads up to the next newline; a line over the limit is consumed and reported as TooLong. It
// reads in chunks with istream::getline, which scans the stream's buffer in bulk: a batch line
// carries hundreds of kilobytes of hex.
LineStatus read_line(std::istream& in, std::string& line) {
  line.clear();
  bool too_long = false;
  bool read_any = false;
  char chunk[16 * 1024];
  for (;;) {
    in.getline(chunk, sizeof chunk);
    const auto got = static_cast<size_t>(in.gcount());
    const bool eof = in.eof();
    const bool more = in.fail() && !eof;                // the chunk filled up before the newline
    const size_t stored = got - (eof || more ? 0 : 1);  // gcount counts the newline
    read_any = read_any || got > 0;
    if (line.size() + stored <= kMaxRequestBytes) {
      line.append(chunk, stored);
    } else {
      too_long = true;
    }
    if (more) {
      in.clear();
      continue;
    }
    if (eof && !read_any) return LineStatus::End;
    break;
  }
  return too_long ? LineStatus::TooLong : LineStatus::Line;
}

}  // namespace

Context* ShimServer::find(const std::string& ctx) {
  auto it = contexts_.find(ctx);
  return it == contexts_.end() ? nullptr : it->second.get();
}

std::string ShimServer::handle_line(std::string_view line) {
  std::optional<int64_t> id;
  try {
    auto request = decode_request(line);
    if (!request) return encode_bad_request(request.error());
    id = request->id;
    return encode_response(handle(*request));
  } catch (const std::exception& e) {
    // Only allocation can throw; the line is answered, and the shim lives on.
    return encode_bad_request({id,
                               std::string(kMalformedRequest),
                               {"request", "", std::string("cannot process it: ") + e.what()}});
  }
}

Response ShimServer::handle(const Request& request) {
  const int64_t id = request.id;
  Context* ctx = nullptr;
  if (request.op == Op::Protect || request.op == Op::Unprotect || request.op == Op::Rekey ||
      request.op == Op::Close) {
    ctx = find(request.ctx);
    if (ctx == nullptr) {
      return failure(id, "NOT_INITIALIZED", "no context \"" + request.ctx + "\" is configured");
    }
  }
  switch (request.op) {
    case Op::Hello: {
      if (request.protocol != kProtocolVersion) {
        return failure(id, "UNIMPLEMENTED",
                       "protocol " + std::to_string(request.protocol) +
                           " is not implemented; this shim speaks protocol 1");
      }
      Response r = success(id);
      r.hello = hello_;
      return r;
    }
    case Op::Configure: {
      auto configured = impl_.configure(request.scheme, request.params);
      if (!configured) return failure(id, configured.error());
      contexts_[request.ctx] = std::move(configured).value();
      return success(id);
    }
    case Op::Protect: {
      ProtectInput in{request.media,    request.codec, request.payload,
                      request.metadata, request.ctr,   request.kid};
      auto packet = ctx->protect(in);
      if (!packet) return failure(id, packet.error());
      Response r = success(id);
      r.packet = std::move(packet).value();
      return r;
    }
    case Op::Unprotect: {
      auto payload =
          ctx->unprotect({request.media, request.codec, request.packet, request.metadata});
      if (!payload) return failure(id, payload.error());
      Response r = success(id);
      r.payload = std::move(payload).value();
      return r;
    }
    case Op::Rekey: {
      auto st = ctx->rekey(request.params);
      if (!st) return failure(id, st.error());
      return success(id);
    }
    case Op::Close:
      contexts_.erase(request.ctx);
      return success(id);
    case Op::Shutdown:
      done_ = true;
      return success(id);
    case Op::Batch: {
      Response r = success(id);
      r.responses.emplace();
      for (const Request& inner : request.requests) r.responses->push_back(handle(inner));
      return r;
    }
  }
  return failure(id, "UNIMPLEMENTED", "unknown op");
}

int serve(ShimServer& server, std::istream& in, std::ostream& out) {
  std::string line;
  while (!server.done()) {
    LineStatus status = read_line(in, line);
    if (status == LineStatus::End) break;
    std::string reply = status == LineStatus::TooLong
                            ? encode_bad_request({std::nullopt,
                                                  std::string(kMalformedRequest),
                                                  {"request", "", "line longer than 64 MiB"}})
                            : server.handle_line(line);
    out << reply << '\n' << std::flush;
  }
  return 0;
}

}  // namespace rtcseal::shim
