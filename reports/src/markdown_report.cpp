#include "rtcseal/reports/markdown_report.h"

#include <map>
#include <sstream>

namespace rtcseal::reports {

namespace {

// Table cells cannot hold a bare pipe or a newline.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

constexpr size_t kMaxListed = 200;

}  // namespace

std::string to_markdown(const Report& report) {
  std::ostringstream md;
  Summary s = report.summary();
  md << "# rtcseal report\n\n";
  md << "rtcseal " << report.tool_version << ", `" << cell(report.command) << "`\n\n";
  md << "| outcome | checks |\n|---|---:|\n";
  for (Outcome o : kAllOutcomes) md << "| " << outcome_name(o) << " | " << s.count(o) << " |\n";
  md << "| **total** | " << s.total() << " |\n\n";
  md << "`undetected` marks a mismatch that an unauthenticated mode (ECB, XTS) cannot notice: "
        "it behaves as specified, and it is a weakness, not a pass.\n\n";

  // Per source file and implementation: where the failures are.
  std::map<std::pair<std::string, std::string>, Summary> by_source;
  for (const CheckResult& r : report.results) {
    ++by_source[{r.source, r.implementation}].counts[r.outcome];
  }
  md << "## By source\n\n| source | implementation |";
  for (Outcome o : kAllOutcomes) md << " " << outcome_name(o) << " |";
  md << "\n|---|---|";
  for (size_t i = 0; i < std::size(kAllOutcomes); ++i) md << "---:|";
  md << "\n";
  for (const auto& [key, sum] : by_source) {
    md << "| " << cell(key.first) << " | " << cell(key.second) << " |";
    for (Outcome o : kAllOutcomes) md << " " << sum.count(o) << " |";
    md << "\n";
  }

  auto list = [&](const char* title, auto keep) {
    std::vector<const CheckResult*> rows;
    for (const CheckResult& r : report.results) {
      if (keep(r)) rows.push_back(&r);
    }
    md << "\n## " << title << " (" << rows.size() << ")\n\n";
    if (rows.empty()) {
      md << "None.\n";
      return;
    }
    md << "| check | implementation | outcome | comment | reason |\n|---|---|---|---|---|\n";
    for (size_t i = 0; i < rows.size() && i < kMaxListed; ++i) {
      const CheckResult& r = *rows[i];
      md << "| " << cell(r.id) << " | " << cell(r.implementation) << " | "
         << outcome_name(r.outcome) << " | " << cell(r.comment) << " | " << cell(r.reason)
         << " |\n";
    }
    if (rows.size() > kMaxListed) {
      md << "\n" << rows.size() - kMaxListed << " more in report.json.\n";
    }
  };
  list("Failures and errors", [](const CheckResult& r) {
    return r.outcome == Outcome::Fail || r.outcome == Outcome::Error;
  });
  list("Weaknesses: undetected mismatches",
       [](const CheckResult& r) { return r.outcome == Outcome::Undetected; });
  list("Unsupported and skipped", [](const CheckResult& r) {
    return r.outcome == Outcome::Unsupported || r.outcome == Outcome::Skip;
  });
  return md.str();
}

}  // namespace rtcseal::reports
