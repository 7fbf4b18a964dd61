// A shim as a differential side. It speaks protocol v1 through ShimClient directly rather than
// through the Implementation interface, so that a run of operations goes out as batch requests
// when the shim's hello lists "batch" (call_batch falls back to single requests otherwise).
#include <algorithm>

#include "rtcseal/differential.h"
#include "rtcseal/shim_client.h"

namespace rtcseal::differential {

namespace {

using shim::Op;
using shim::Request;
using shim::Response;

// A batch stays well below the shim's 64 MiB line limit even with 64 KiB payloads in hex.
constexpr size_t kBatchRequests = 64;

Answer broken(const Error& e) {
  Answer a;
  a.broken = true;
  a.error = "BROKEN";
  a.message = e.message;
  return a;
}

Answer answer_of(Response r, bool protect) {
  Answer a;
  a.ok = r.ok;
  if (r.ok) {
    // decode_response guarantees the result field of an ok reply.
    a.bytes = protect ? std::move(*r.packet) : std::move(*r.payload);
  } else {
    a.error = std::move(r.error);
    a.message = std::move(r.message);
  }
  return a;
}

class ShimEndpoint final : public Endpoint {
 public:
  ShimEndpoint(std::shared_ptr<ShimClient> client, std::string ctx, std::string scheme)
      : client_(std::move(client)),
        ctx_(std::move(ctx)),
        scheme_(std::move(scheme)),
        generation_(client_->generation()) {}

  ~ShimEndpoint() override {
    if (!alive()) return;  // never restart a shim just to close a context it lost
    Request r;
    r.op = Op::Close;
    r.ctx = ctx_;
    (void)client_->call(std::move(r));
  }

  std::vector<Answer> protect_all(std::span<const ProtectInput> in) override {
    std::vector<Request> requests;
    for (const ProtectInput& one : in) {
      Request r = request(Op::Protect, one.media, one.codec, one.metadata);
      r.payload.assign(one.payload.begin(), one.payload.end());
      r.ctr = one.ctr;
      r.kid = one.kid;
      requests.push_back(std::move(r));
    }
    return send(std::move(requests), true);
  }

  std::vector<Answer> unprotect_all(std::span<const UnprotectInput> in) override {
    std::vector<Request> requests;
    for (const UnprotectInput& one : in) {
      Request r = request(Op::Unprotect, one.media, one.codec, one.metadata);
      r.packet.assign(one.packet.begin(), one.packet.end());
      requests.push_back(std::move(r));
    }
    return send(std::move(requests), false);
  }

 private:
  Request request(Op op, Media media, Codec codec, ByteView metadata) const {
    Request r;
    r.op = op;
    r.ctx = ctx_;
    r.scheme = scheme_;
    r.media = media;
    r.codec = codec;
    r.metadata.assign(metadata.begin(), metadata.end());
    return r;
  }

  // The context lives in one run of the shim process; a restart loses it.
  bool alive() const { return client_->running() && client_->generation() == generation_; }

  std::vector<Answer> send(std::vector<Request> requests, bool protect) {
    std::vector<Answer> out;
    if (!alive()) {
      const Error gone{Err::ENCRYPT_INTERNAL, "the shim restarted and lost context " + ctx_};
      return std::vector<Answer>(requests.size(), broken(gone));
    }
    for (size_t at = 0; at < requests.size(); at += kBatchRequests) {
      size_t end = std::min(requests.size(), at + kBatchRequests);
      std::vector<Request> chunk(std::make_move_iterator(requests.begin() + at),
                                 std::make_move_iterator(requests.begin() + end));
      auto answers = client_->call_batch(std::move(chunk));
      for (size_t i = at; i < end; ++i) {
        out.push_back(answers ? answer_of(std::move((*answers)[i - at]), protect)
                              : broken(answers.error()));
      }
    }
    return out;
  }

  std::shared_ptr<ShimClient> client_;
  std::string ctx_;
  std::string scheme_;
  uint64_t generation_;
};

class ShimSide final : public Side {
 public:
  explicit ShimSide(ShimOptions options)
      : name_(options.name), client_(std::make_shared<ShimClient>(std::move(options))) {}

  const std::string& name() const override { return name_; }

  std::unique_ptr<Endpoint> configure(const std::string& scheme, const Params& params,
                                      Answer& failure) override {
    auto hello = client_->hello();
    if (!hello) {
      failure = broken(hello.error());
      return nullptr;
    }
    if (std::ranges::find(hello->schemes, scheme) == hello->schemes.end()) {
      failure = Answer{false, {}, "UNIMPLEMENTED", "the shim does not list " + scheme, false};
      return nullptr;
    }
    Request r;
    r.op = Op::Configure;
    r.ctx = std::to_string(++contexts_).insert(0, 1, 'd');
    r.scheme = scheme;
    r.params = params;
    auto answer = client_->call(r);
    if (!answer) {
      failure = broken(answer.error());
      return nullptr;
    }
    if (!answer->ok) {
      failure = Answer{false, {}, answer->error, answer->message, false};
      return nullptr;
    }
    return std::make_unique<ShimEndpoint>(client_, std::move(r.ctx), scheme);
  }

 private:
  std::string name_;
  std::shared_ptr<ShimClient> client_;
  uint64_t contexts_ = 0;
};

}  // namespace

std::unique_ptr<Side> make_shim_side(const std::string& name, const std::string& command,
                                     int64_t timeout_ms) {
  ShimOptions o;
  o.name = name;
  o.command = command;
  o.request_timeout = std::chrono::milliseconds(timeout_ms);
  return std::make_unique<ShimSide>(std::move(o));
}

}  // namespace rtcseal::differential
