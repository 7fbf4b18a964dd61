// The Markdown summary for people: counts, then what failed and why, then the weaknesses.
#pragma once

#include <string>

#include "rtcseal/report.h"

namespace rtcseal::reports {

std::string to_markdown(const Report& report);

}  // namespace rtcseal::reports
