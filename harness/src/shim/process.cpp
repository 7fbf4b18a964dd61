#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>

extern char** environ;

namespace rtcseal::shim {

namespace {

// A reply line longer than this is garbage, not a slow shim: the largest legitimate one, a batch
// of 65535-byte frames as hex, stays far below.
constexpr size_t kMaxLineBytes = size_t{64} << 20;
// How long a shim that closed its stdout, or its stdin at the end, gets to exit by itself.
constexpr auto kExitGrace = std::chrono::milliseconds(200);
constexpr size_t kReadChunk = 64 * 1024;
constexpr int kPipeBytes = 1 << 20;  // Linux's default limit for unprivileged processes

void ignore_sigpipe() {
  static std::once_flag once;
  std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

int remaining_ms(ShimProcess::Clock::time_point deadline) {
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - ShimProcess::Clock::now());
  return left.count() <= 0 ? 0 : static_cast<int>(std::min<int64_t>(left.count(), 60'000));
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) {
    int code = WEXITSTATUS(status);
    std::string s = "exited with status " + std::to_string(code);
    // A shell reports a child that died of signal N as status 128+N.
    if (code > 128 && code < 128 + NSIG) {
      s += " (a shell's way of saying signal " + std::to_string(code - 128) + ", " +
           strsignal(code - 128) + ")";
    }
    return s;
  }
  if (WIFSIGNALED(status)) {
    return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
           strsignal(WTERMSIG(status)) + ")";
  }
  return "ended with wait status " + std::to_string(status);
}

}  // namespace

Result<std::unique_ptr<ShimProcess>, ProcessError> ShimProcess::start(const std::string& command,
                                                                      size_t stderr_keep_bytes) {
  ignore_sigpipe();
  std::array<int, 2> in{-1, -1}, out{-1, -1}, err{-1, -1};
  auto close_all = [&] {
    for (int* fd : {&in[0], &in[1], &out[0], &out[1], &err[0], &err[1]}) close_fd(*fd);
  };
  if (pipe2(in.data(), O_CLOEXEC) != 0 || pipe2(out.data(), O_CLOEXEC) != 0 ||
      pipe2(err.data(), O_CLOEXEC) != 0) {
    std::string why = std::strerror(errno);
    close_all();
    return ProcessError{false, "cannot create pipes: " + why};
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own process group, so a kill reaches whatever the command starts; SIGPIPE back to its
  // default, since ignored signals survive exec.
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t defaults, empty;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigemptyset(&empty);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &empty);
  std::string sh = "sh", dash_c = "-c", cmd = command;
  char* argv[] = {sh.data(), dash_c.data(), cmd.data(), nullptr};
  pid_t pid = -1;
  int rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    close_all();
    return ProcessError{false, std::string("cannot start /bin/sh: ") + std::strerror(rc)};
  }
  close_fd(in[0]);
  close_fd(out[1]);
  close_fd(err[1]);
  for (int fd : {in[1], out[0], err[0]}) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  // A batch line is hundreds of kilobytes: with room for it in the pipe, it crosses in one write
  // and one read instead of a wake-up per 64 KiB. Best effort: the default size still works.
  for (int fd : {in[1], out[0]}) fcntl(fd, F_SETPIPE_SZ, kPipeBytes);
  return std::unique_ptr<ShimProcess>(
      new ShimProcess(pid, in[1], out[0], err[0], stderr_keep_bytes));
}

ShimProcess::ShimProcess(pid_t pid, int in, int out, int err, size_t stderr_keep_bytes)
    : pid_(pid), in_(in), out_(out), err_(err), stderr_keep_(stderr_keep_bytes) {}

ShimProcess::~ShimProcess() {
  close_fd(in_);
  auto until = Clock::now() + kExitGrace;
  while (!reap(false) && Clock::now() < until) poll(nullptr, 0, 5);
  kill_group();
  close_fd(out_);
  close_fd(err_);
}

void ShimProcess::kill_group() {
  // The group id is the shim's pid (POSIX_SPAWN_SETPGROUP with 0). Children of an exited shim
  // may still hold the group, so it is killed even after the shim itself was reaped.
  ::kill(-pid_, SIGKILL);
  reap(true);
}

bool ShimProcess::reap(bool wait) {
  if (reaped_) return true;
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid_, &status, wait ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == pid_ || (r < 0 && errno == ECHILD)) {
    reaped_ = true;
    status_ = status;
  }
  return reaped_;
}

void ShimProcess::drain_stderr() {
  char buf[kReadChunk];
  while (err_ >= 0) {
    ssize_t n = ::read(err_, buf, sizeof buf);
    if (n > 0) {
      stderr_buf_.append(buf, static_cast<size_t>(n));
      // Keep the tail only: a shim that floods stderr costs bounded memory.
      if (stderr_buf_.size() > 2 * stderr_keep_) {
        stderr_buf_.erase(0, stderr_buf_.size() - stderr_keep_);
      }
    } else if (n == 0) {
      close_fd(err_);
    } else if (errno != EINTR) {
      if (errno != EAGAIN && errno != EWOULDBLOCK) close_fd(err_);
      return;
    }
  }
}

void ShimProcess::drain_stdout() {
  char buf[kReadChunk];
  while (out_ >= 0 && stdout_buf_.size() <= kMaxLineBytes) {
    ssize_t n = ::read(out_, buf, sizeof buf);
    if (n > 0) {
      stdout_buf_.append(buf, static_cast<size_t>(n));
    } else if (n == 0) {
      close_fd(out_);
    } else if (errno != EINTR) {
      if (errno != EAGAIN && errno != EWOULDBLOCK) close_fd(out_);
      return;
    }
  }
}

bool ShimProcess::write_some(std::string_view data, size_t& written) {
  while (written < data.size()) {
    ssize_t n = ::write(in_, data.data() + written, data.size() - written);
    if (n > 0) {
      written += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      // EAGAIN: the pipe is full, wait for the shim to read. Anything else (EPIPE): the shim
      // closed its stdin; the reason comes from its stdout and exit status.
      if (errno != EAGAIN && errno != EWOULDBLOCK) close_fd(in_);
      return false;
    }
  }
  return true;
}

std::string ShimProcess::describe_exit() {
  auto until = Clock::now() + kExitGrace;
  while (!reap(false) && Clock::now() < until) {
    pollfd p{err_, POLLIN, 0};
    poll(&p, err_ >= 0 ? 1 : 0, 5);
    drain_stderr();
  }
  drain_stderr();
  if (!reaped_) {
    kill_group();
    return "closed its stdout but kept running (killed)";
  }
  return describe_status(status_);
}

Result<std::string, ProcessError> ShimProcess::exchange(std::string_view line,
                                                        Clock::time_point deadline) {
  auto take_line = [this](size_t nl) {
    std::string reply = stdout_buf_.substr(0, nl);
    stdout_buf_.erase(0, nl + 1);
    stdout_searched_ = 0;
    return reply;
  };
  // A long reply arrives in many reads: only the new bytes are searched for its end.
  auto find_newline = [this] {
    size_t nl = stdout_buf_.find('\n', stdout_searched_);
    stdout_searched_ = nl == std::string::npos ? stdout_buf_.size() : nl;
    return nl;
  };
  // A line left over from before is an answer to nothing: return it without sending `line`, so
  // the caller reports it as stale (its id cannot match).
  if (size_t nl = find_newline(); nl != std::string::npos) return take_line(nl);
  std::string request(line);
  request += '\n';
  size_t written = 0;
  for (;;) {
    if (size_t nl = find_newline(); nl != std::string::npos) {
      if (written < request.size()) {
        return ProcessError{false, "answered before it had read the whole request"};
      }
      return take_line(nl);
    }
    if (stdout_buf_.size() > kMaxLineBytes) {
      return ProcessError{
          false, "wrote a line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB"};
    }
    if (out_ < 0) return ProcessError{false, describe_exit()};
    if (in_ >= 0 && written < request.size() && write_some(request, written)) continue;
    int wait_ms = remaining_ms(deadline);
    if (wait_ms == 0) return ProcessError{true, {}};
    pollfd fds[3];
    nfds_t count = 0;
    fds[count++] = {out_, POLLIN, 0};
    if (err_ >= 0) fds[count++] = {err_, POLLIN, 0};
    if (in_ >= 0 && written < request.size()) fds[count++] = {in_, POLLOUT, 0};
    int ready = poll(fds, count, wait_ms);
    if (ready < 0 && errno != EINTR) {
      return ProcessError{false, std::string("poll failed: ") + std::strerror(errno)};
    }
    drain_stderr();
    drain_stdout();
  }
}

std::string ShimProcess::stderr_tail(size_t max) const {
  std::string tail =
      stderr_buf_.size() > max ? stderr_buf_.substr(stderr_buf_.size() - max) : stderr_buf_;
  for (char& c : tail) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return tail;
}

}  // namespace rtcseal::shim
