// report.json, schema rtcseal-report/1: the one document every other format is made from.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "rtcseal/report.h"

namespace rtcseal::reports {

inline constexpr const char* kReportSchema = "rtcseal-report/1";

nlohmann::ordered_json to_json(const Report& report);

}  // namespace rtcseal::reports
