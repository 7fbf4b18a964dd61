#include "boringssl_shim.h"

#include <unistd.h>

#include <filesystem>
#include <vector>

namespace rtcseal::cli {

std::optional<std::string> find_boringssl_shim(std::string& looked) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(self.parent_path() / "rtcseal-boringssl");
#ifdef RTCSEAL_BORINGSSL_SHIM
  // Usually the same file as the first, unless this rtcseal was copied elsewhere.
  if (candidates.empty() || candidates.front() != RTCSEAL_BORINGSSL_SHIM) {
    candidates.emplace_back(RTCSEAL_BORINGSSL_SHIM);
  }
#endif
  looked.clear();
  for (const fs::path& p : candidates) {
    if (::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p, ec)) return p.string();
    looked += (looked.empty() ? "" : ", ") + p.string();
  }
  if (looked.empty()) looked = "nowhere: this build has no BoringSSL shim";
  return std::nullopt;
}

std::string shell_quote(const std::string& path) {
  std::string out = "'";
  for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace rtcseal::cli
