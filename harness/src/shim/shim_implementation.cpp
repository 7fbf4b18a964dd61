// A shim process behind the Implementation interface: configure, protect, unprotect, rekey and
// close become protocol requests on the context's name.
#include <algorithm>

#include "rtcseal/shim_client.h"

namespace rtcseal {

namespace {

using shim::Op;
using shim::Request;
using shim::Response;

struct Shared {
  Shared(ShimOptions options, ImplConfig cfg)
      : client(std::move(options)), config(std::move(cfg)) {}
  ShimClient client;
  ImplConfig config;
};

class ShimContext final : public Context {
 public:
  ShimContext(std::shared_ptr<Shared> shared, std::string ctx, std::string scheme,
              uint64_t generation)
      : shared_(std::move(shared)),
        ctx_(std::move(ctx)),
        scheme_(std::move(scheme)),
        generation_(generation) {}

  ~ShimContext() override {
    if (alive()) (void)shared_->client.call(request(Op::Close));
  }

  Status protect_into(const ProtectInput& in, Bytes& out) override {
    Request r = request(Op::Protect);
    r.media = in.media;
    r.codec = in.codec;
    r.payload.assign(in.payload.begin(), in.payload.end());
    r.metadata.assign(in.metadata.begin(), in.metadata.end());
    r.ctr = in.ctr;
    r.kid = in.kid;
    auto answer = send(std::move(r));
    if (!answer) return answer.error();
    out.swap(*answer->packet);  // an ok reply to this op always carries it (decode_response)
    return {};
  }

  Status unprotect_into(const UnprotectInput& in, Bytes& out) override {
    Request r = request(Op::Unprotect);
    r.media = in.media;
    r.codec = in.codec;
    r.packet.assign(in.packet.begin(), in.packet.end());
    r.metadata.assign(in.metadata.begin(), in.metadata.end());
    auto answer = send(std::move(r));
    if (!answer) return answer.error();
    out.swap(*answer->payload);  // an ok reply to this op always carries it (decode_response)
    return {};
  }

  Status rekey(const Params& params) override {
    Request r = request(Op::Rekey);
    r.params = params;
    RTCSEAL_TRY([[maybe_unused]] Response answer, send(std::move(r)));
    return {};
  }

 private:
  Request request(Op op) const {
    Request r;
    r.op = op;
    r.ctx = ctx_;
    r.scheme = scheme_;  // types the params of a rekey
    return r;
  }

  // The context lives in one run of the shim process; a restart loses it.
  bool alive() const {
    return shared_->client.running() && shared_->client.generation() == generation_;
  }

  Result<Response> send(Request r) {
    if (!alive()) {
      return transport_error("shim \"" + shared_->client.options().name + "\", " +
                             std::string(shim::op_name(r.op)) + ": context " + ctx_ +
                             " was configured on a run of the shim that has ended; its state is "
                             "gone");
    }
    RTCSEAL_TRY(Response answer, shared_->client.call(std::move(r)));
    if (!answer.ok) return shared_->config.resolve(answer.error, answer.message);
    return answer;
  }

  std::shared_ptr<Shared> shared_;
  std::string ctx_;
  std::string scheme_;
  uint64_t generation_;
};

class ShimImplementation final : public Implementation {
 public:
  ShimImplementation(ShimOptions options, ImplConfig config)
      : name_(options.name),
        shared_(std::make_shared<Shared>(std::move(options), std::move(config))) {}

  const std::string& name() const override { return name_; }

  Result<std::unique_ptr<Context>> configure(std::string_view scheme,
                                             const Params& params) override {
    RTCSEAL_TRY(shim::Hello hello, shared_->client.hello());
    if (std::ranges::find(hello.schemes, scheme) == hello.schemes.end()) {
      return fail(Err::UNIMPLEMENTED,
                  "shim \"" + name_ + "\" does not list scheme \"" + std::string(scheme) + "\"");
    }
    Request r;
    r.op = Op::Configure;
    r.ctx = std::to_string(++contexts_).insert(0, 1, 'c');
    r.scheme = std::string(scheme);
    r.params = params;
    RTCSEAL_TRY(Response answer, shared_->client.call(r));
    if (!answer.ok) return shared_->config.resolve(answer.error, answer.message);
    return std::unique_ptr<Context>(std::make_unique<ShimContext>(
        shared_, std::move(r.ctx), std::move(r.scheme), shared_->client.generation()));
  }

  bool runs_primitives() const override { return false; }

  bool error_means(const Error& got, Err want) const override {
    return shared_->config.error_means(got, want);
  }

 private:
  std::string name_;
  std::shared_ptr<Shared> shared_;
  uint64_t contexts_ = 0;
};

}  // namespace

std::unique_ptr<Implementation> make_shim_implementation(ShimOptions options, ImplConfig config) {
  return std::make_unique<ShimImplementation>(std::move(options), std::move(config));
}

}  // namespace rtcseal
