// An implementation runs schemes: the in-process reference, or (later) a shim process or an
// observer plugin. Checks talk to this interface only, so any implementation can be put under test.
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
};

// The reference: the built-in schemes on OpenSSL, in this process.
std::unique_ptr<Implementation> make_reference_implementation();

}  // namespace rtcseal
