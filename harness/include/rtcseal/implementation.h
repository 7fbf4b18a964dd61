// An implementation runs schemes: the in-process reference, a shim process (shim_client.h) or
// (later) an observer plugin. Checks talk to this interface only, so any implementation can be put
// under test.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "rtcseal/scheme.h"

namespace rtcseal {

class Implementation {
 public:
  virtual ~Implementation() = default;
  virtual const std::string& name() const = 0;
  // UNIMPLEMENTED when the implementation does not run `scheme`.
  virtual Result<std::unique_ptr<Context>> configure(std::string_view scheme,
                                                     const Params& params) = 0;
  // True when primitive known-answer files (Wycheproof) can run against this implementation.
  virtual bool runs_primitives() const = 0;
  // Whether an error this implementation returned stands for the canonical `want`. A shim that
  // answers native codes is judged through its errorMap (impl_config.h), which may map one native
  // code from several canonical ones.
  virtual bool error_means(const Error& got, Err want) const {
    return got.fault == Fault::None && got.code == want;
  }
};

// The reference: the built-in schemes on OpenSSL, in this process.
std::unique_ptr<Implementation> make_reference_implementation();

}  // namespace rtcseal
