#include "rtcseal/report.h"

namespace rtcseal {

std::string_view outcome_name(Outcome o) {
  switch (o) {
    case Outcome::Pass:
      return "pass";
    case Outcome::Fail:
      return "fail";
    case Outcome::Unsupported:
      return "unsupported";
    case Outcome::Skip:
      return "skip";
    case Outcome::Error:
      return "error";
    case Outcome::Undetected:
      return "undetected";
  }
  return "error";
}

std::optional<Outcome> parse_outcome(std::string_view s) {
  for (Outcome o : kAllOutcomes) {
    if (outcome_name(o) == s) return o;
  }
  return std::nullopt;
}

int64_t Summary::count(Outcome o) const {
  auto it = counts.find(o);
  return it == counts.end() ? 0 : it->second;
}

int64_t Summary::total() const {
  int64_t n = 0;
  for (const auto& [o, c] : counts) n += c;
  return n;
}

Summary Report::summary() const {
  Summary s;
  for (Outcome o : kAllOutcomes) s.counts[o] = 0;
  for (const CheckResult& r : results) ++s.counts[r.outcome];
  return s;
}

}  // namespace rtcseal
