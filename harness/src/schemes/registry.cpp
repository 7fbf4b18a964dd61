// The built-in schemes and the in-process reference implementation.
#include "rtcseal/agora_builtin.h"
#include "rtcseal/framecryptor.h"
#include "rtcseal/implementation.h"
#include "rtcseal/sframe.h"
#include "rtcseal/vonage_e2ee.h"

namespace rtcseal {

std::span<const Scheme* const> all_schemes() {
  static const Scheme* const kSchemes[] = {&agora::scheme(), &sframe::scheme(), &vonage::scheme(),
                                           &framecryptor::scheme()};
  return kSchemes;
}

const Scheme* find_scheme(std::string_view name) {
  for (const Scheme* s : all_schemes()) {
    if (s->name() == name) return s;
  }
  return nullptr;
}

namespace {
class Reference final : public Implementation {
 public:
  const std::string& name() const override { return name_; }
  Result<std::unique_ptr<Context>> configure(std::string_view scheme,
                                             const Params& params) override {
    const Scheme* s = find_scheme(scheme);
    if (s == nullptr) return fail(Err::UNIMPLEMENTED, "no scheme \"" + std::string(scheme) + "\"");
    return s->configure(params);
  }
  bool runs_primitives() const override { return true; }

 private:
  std::string name_ = "reference";
};
}  // namespace

std::unique_ptr<Implementation> make_reference_implementation() {
  return std::make_unique<Reference>();
}

}  // namespace rtcseal
