// The printed form of a disagreement. Byte strings longer than a screenful show their length, the
// first offset where the two answers differ, and the bytes around it.
#include <algorithm>
#include <sstream>

#include "rtcseal/differential.h"

namespace rtcseal::differential {

namespace {

constexpr size_t kWindow = 48;

// The first offset where `a` and `b` differ, or the shorter length.
size_t first_difference(const Bytes& a, const Bytes& b) {
  auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  return static_cast<size_t>(ia - a.begin());
}

std::string window(const Bytes& bytes, size_t from) {
  if (bytes.size() <= 2 * kWindow) return to_hex(bytes);
  size_t start = from > kWindow / 2 ? std::min(from - kWindow / 2, bytes.size() - kWindow) : 0;
  std::ostringstream s;
  s << "(" << bytes.size() << " bytes) " << (start > 0 ? "..." : "")
    << to_hex(ByteView(bytes.data() + start, kWindow)) << "@" << start
    << (start + kWindow < bytes.size() ? "..." : "");
  return s.str();
}

std::string answer_text(const Answer& x, size_t from, bool configure) {
  if (!x.ok) return "error " + x.error + (x.message.empty() ? "" : " (" + x.message + ")");
  if (configure) return "configured";
  return x.bytes.empty() ? "(empty)" : window(x.bytes, from);
}

}  // namespace

std::string describe(const Disagreement& d, const std::string& a_name, const std::string& b_name) {
  const bool configure = d.step == "configure";
  std::ostringstream s;
  s << "first disagreement: " << d.config << ", " << d.step;
  if (!configure) s << ", case " << d.case_index;
  s << "\n  params:";
  for (const auto& [k, v] : d.params) s << " " << k << "=" << v;
  s << "\n";
  if (!configure) {
    s << "  input: media " << media_name(d.input.media) << ", codec " << codec_name(d.input.codec)
      << ", ctr " << d.input.ctr;
    if (d.input.kid) s << ", kid " << *d.input.kid;
    s << "\n  payload: " << (d.input.payload.empty() ? "(empty)" : window(d.input.payload, 0))
      << "\n";
    if (!d.input.metadata.empty()) s << "  metadata: " << window(d.input.metadata, 0) << "\n";
    if (!d.packet.empty()) s << "  packet opened: " << window(d.packet, 0) << "\n";
  }
  const size_t from = first_difference(d.a.bytes, d.b.bytes);
  if (d.a.ok && d.b.ok) s << "  first differing byte: " << from << "\n";
  const bool unprotect = d.step.starts_with("unprotect");
  // In the unprotect steps one column is the payload the opener had to return.
  std::string a_label = a_name, b_label = b_name;
  if (d.step == "unprotect A->B") a_label = "expected";
  if (d.step == "unprotect B->A") b_label = "expected";
  s << "  " << (unprotect ? "" : "A ") << a_label << ": " << answer_text(d.a, from, configure)
    << "\n";
  s << "  " << (unprotect ? "" : "B ") << b_label << ": " << answer_text(d.b, from, configure)
    << "\n";
  return s.str();
}

}  // namespace rtcseal::differential
