// The in-process reference as a differential side: each operation is a direct call.
#include "rtcseal/differential.h"
#include "rtcseal/implementation.h"

namespace rtcseal::differential {

namespace {

Answer answer_of(Result<Bytes> r) {
  Answer a;
  a.ok = r.ok();
  if (a.ok) {
    a.bytes = std::move(r).value();
  } else {
    a.error = std::string(error_name(r.error().code));
    a.message = r.error().message;
  }
  return a;
}

class ReferenceEndpoint final : public Endpoint {
 public:
  explicit ReferenceEndpoint(std::unique_ptr<Context> ctx) : ctx_(std::move(ctx)) {}

  std::vector<Answer> protect_all(std::span<const ProtectInput> in) override {
    std::vector<Answer> out;
    for (const ProtectInput& one : in) out.push_back(answer_of(ctx_->protect(one)));
    return out;
  }

  std::vector<Answer> unprotect_all(std::span<const UnprotectInput> in) override {
    std::vector<Answer> out;
    for (const UnprotectInput& one : in) out.push_back(answer_of(ctx_->unprotect(one)));
    return out;
  }

 private:
  std::unique_ptr<Context> ctx_;
};

class ReferenceSide final : public Side {
 public:
  const std::string& name() const override { return impl_->name(); }

  std::unique_ptr<Endpoint> configure(const std::string& scheme, const Params& params,
                                      Answer& failure) override {
    auto ctx = impl_->configure(scheme, params);
    if (!ctx) {
      failure = answer_of(ctx.error());
      return nullptr;
    }
    return std::make_unique<ReferenceEndpoint>(std::move(ctx).value());
  }

 private:
  std::unique_ptr<Implementation> impl_ = make_reference_implementation();
};

}  // namespace

std::unique_ptr<Side> make_reference_side() {
  return std::make_unique<ReferenceSide>();
}

}  // namespace rtcseal::differential
