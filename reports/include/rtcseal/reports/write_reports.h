// Writes every report format of a run into one folder, each file atomically.
#pragma once

#include <string>
#include <vector>

#include "rtcseal/input_error.h"
#include "rtcseal/report.h"

namespace rtcseal::reports {

// Writes report.json and summary.md under `dir`; returns the paths written.
InputResult<std::vector<std::string>> write_reports(const Report& report, const std::string& dir);

}  // namespace rtcseal::reports
