#include "rtcseal/reports/write_reports.h"

#include "rtcseal/atomic_file.h"
#include "rtcseal/reports/json_report.h"
#include "rtcseal/reports/markdown_report.h"

namespace rtcseal::reports {

InputResult<std::vector<std::string>> write_reports(const Report& report, const std::string& dir) {
  const std::pair<std::string, std::string> files[] = {
      {dir + "/report.json", to_json(report).dump(1) + "\n"},
      {dir + "/summary.md", to_markdown(report)},
  };
  std::vector<std::string> written;
  for (const auto& [path, content] : files) {
    RTCSEAL_TRY([[maybe_unused]] bool ok, write_file_atomic(path, content));
    written.push_back(path);
  }
  return written;
}

}  // namespace rtcseal::reports
