// One running shim process: /bin/sh -c COMMAND in its own process group, with its stdin, stdout
// and stderr on non-blocking pipes. It knows lines and deadlines, not the protocol: exchange()
// writes a line and waits for one line back, draining stderr meanwhile into a bounded tail, and
// says in words why it got none (a timeout, an exit status, a signal, an endless line).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "rtcseal/result.h"

namespace rtcseal::shim {

struct ProcessError {
  bool timed_out = false;  // the deadline passed; `reason` is empty then
  std::string reason;
};

class ShimProcess {
 public:
  using Clock = std::chrono::steady_clock;

  // The whole process ignores SIGPIPE from here on, so a shim that dies while the harness writes
  // to it is an error to report, not a signal that ends the harness.
  static Result<std::unique_ptr<ShimProcess>, ProcessError> start(const std::string& command,
                                                                  size_t stderr_keep_bytes);
  // Closes the shim's stdin, gives it a moment to exit, then kills its group; always reaps.
  ~ShimProcess();
  ShimProcess(const ShimProcess&) = delete;
  ShimProcess& operator=(const ShimProcess&) = delete;

  // Writes `line` and a newline, then returns the next line the shim writes (without the
  // newline), waiting until `deadline` at the latest.
  Result<std::string, ProcessError> exchange(std::string_view line, Clock::time_point deadline);
  // The last bytes of the shim's stderr, at most `max`, with control characters as spaces.
  std::string stderr_tail(size_t max) const;

 private:
  ShimProcess(pid_t pid, int in, int out, int err, size_t stderr_keep_bytes);
  void drain_stderr();
  void drain_stdout();
  bool write_some(std::string_view data, size_t& written);
  // After stdout closed: waits briefly for the exit status and describes it.
  std::string describe_exit();
  bool reap(bool wait);
  void kill_group();

  pid_t pid_;
  int in_, out_, err_;
  std::string stdout_buf_;
  size_t stdout_searched_ = 0;  // bytes of stdout_buf_ known to hold no newline
  std::string stderr_buf_;
  size_t stderr_keep_;
  bool reaped_ = false;
  int status_ = 0;
};

}  // namespace rtcseal::shim
