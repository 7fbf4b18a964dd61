// The harness side of shim protocol v1 (docs/shim-protocol.md): ShimClient runs a shim command
// and exchanges requests with it; make_shim_implementation puts it behind the Implementation
// interface, so every check can run against the shim unchanged.
//
// The client survives whatever the shim does. A crash, an early exit, a hang past the per-request
// timeout, a garbage or out-of-order reply: the request in flight fails with a Fault::Transport
// Error whose message says what happened (exit status or signal, "no answer within N ms", the
// parse error with its JSON path) and ends with the tail of the shim's stderr. The process is then
// killed, and the next request starts a fresh one. Contexts configured on the old process are
// gone: their operations fail the same way instead of silently running on a context that lost its
// state. After max_failed_starts starts in a row that do not get through hello, the client stops
// trying and fails at once. Past the run's deadline, every request fails at once with "run
// deadline exceeded".
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rtcseal/impl_config.h"
#include "rtcseal/implementation.h"
#include "rtcseal/shim_protocol.h"

namespace rtcseal {

namespace shim {
class ShimProcess;
}

struct ShimOptions {
  std::string name;     // the implementation's name, in reports and messages
  std::string command;  // run as /bin/sh -c COMMAND
  std::chrono::milliseconds request_timeout{5000};
  // The whole run's deadline, shared by every client of a run.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  int max_failed_starts = 3;
  // A shim that leaves this many requests in a row unanswered, with no packet answered between
  // them, is given up for the rest of the run: one that hangs on every packet costs a few
  // timeouts, not one per check.
  int max_timeouts_in_a_row = 5;
  size_t stderr_keep_bytes = 16 * 1024;  // stderr kept per process; messages quote less
};

class ShimClient {
 public:
  explicit ShimClient(ShimOptions options);
  // Asks the shim to shut down, then makes sure it is gone.
  ~ShimClient();
  ShimClient(const ShimClient&) = delete;
  ShimClient& operator=(const ShimClient&) = delete;

  // Sends `request` with a fresh id (starting the shim first if none runs) and returns its
  // response; an `ok: false` answer is a response too. Errors are Fault::Transport, and so is a
  // MALFORMED_REQUEST answer (the shim could not read what the harness sent).
  Result<shim::Response> call(shim::Request request);
  // One batch request when the shim's hello lists "batch", else one request after another. The
  // timeout is the per-request one times the number of requests.
  Result<std::vector<shim::Response>> call_batch(std::vector<shim::Request> requests);
  // The hello answer of the running shim, starting it if needed.
  Result<shim::Hello> hello();

  // Counts successful starts: a context remembers the one it was configured on.
  uint64_t generation() const { return generation_; }
  bool running() const { return process_ != nullptr; }
  const ShimOptions& options() const { return options_; }
  // The last bytes the current (or last) process wrote on stderr.
  std::string stderr_tail() const;

 private:
  Result<void> ensure_started();
  Result<shim::Response> exchange(const shim::Request& request, std::chrono::milliseconds timeout);
  Error broken(const shim::Request& request, const std::string& what);
  void stop();

  ShimOptions options_;
  std::unique_ptr<shim::ShimProcess> process_;
  std::optional<shim::Hello> hello_;
  int64_t next_id_ = 1;
  uint64_t generation_ = 0;
  int failed_starts_ = 0;
  int timeouts_in_a_row_ = 0;
  std::string last_start_failure_;
  std::string last_stderr_;
};

// A Fault::Transport error with `message`.
Error transport_error(std::string message);

// An Implementation that runs `options.command` as a shim. Native error codes are read through
// `config.errorMap`; `config.disabled` is applied to the results by the caller (apply_disabled).
std::unique_ptr<Implementation> make_shim_implementation(ShimOptions options, ImplConfig config);

}  // namespace rtcseal
