// Runs the real rtcseal binary (RTCSEAL_CLI) as a user would, for the tests of its commands.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace rtcseal_test {

struct CliRun {
  int code;
  std::string output;  // stdout and stderr together
};

// `args` go through the shell, so they may quote.
inline CliRun rtcseal(const std::string& args) {
  std::string cmd = std::string(RTCSEAL_CLI) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), out};
}

}  // namespace rtcseal_test
