// The shim side of protocol v1, serving any in-process Implementation: `rtcseal shim` runs it on
// the reference, so the protocol and the client can be tested against the reference itself.
// Each request line gets exactly one reply line; nothing a client sends can make it crash.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "rtcseal/implementation.h"
#include "rtcseal/shim_protocol.h"

namespace rtcseal::shim {

class ShimServer {
 public:
  ShimServer(Implementation& impl, Hello hello) : impl_(impl), hello_(std::move(hello)) {}

  // One request line in, its reply line out (without the newline).
  std::string handle_line(std::string_view line);
  // True once a shutdown request was answered.
  bool done() const { return done_; }

 private:
  Response handle(const Request& request);
  Context* find(const std::string& ctx);

  Implementation& impl_;
  Hello hello_;
  std::map<std::string, std::unique_ptr<Context>> contexts_;
  bool done_ = false;
};

// Reads request lines from `in` and writes each reply to `out`, flushed, until end of input or
// shutdown. Returns the exit code: 0.
int serve(ShimServer& server, std::istream& in, std::ostream& out);

}  // namespace rtcseal::shim
