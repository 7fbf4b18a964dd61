// Where the BoringSSL shim (shims/boringssl) is: the build writes it next to rtcseal, and
// `rtcseal conformance` and `rtcseal differential --impl boringssl` run it from there.
#pragma once

#include <optional>
#include <string>

namespace rtcseal::cli {

inline constexpr const char* kBoringSslName = "boringssl";

// The shim next to this executable (/proc/self/exe), else the path the build wrote it to; nullopt
// when neither exists. `looked` lists the places tried, for the message.
std::optional<std::string> find_boringssl_shim(std::string& looked);

// `path` quoted for /bin/sh -c, which runs shim commands.
std::string shell_quote(const std::string& path);

}  // namespace rtcseal::cli
