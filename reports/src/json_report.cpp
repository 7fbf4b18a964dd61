#include "rtcseal/reports/json_report.h"

namespace rtcseal::reports {

nlohmann::ordered_json to_json(const Report& report) {
  using Json = nlohmann::ordered_json;
  Summary s = report.summary();
  Json summary = Json::object();
  for (Outcome o : kAllOutcomes) summary[std::string(outcome_name(o))] = s.count(o);
  Json results = Json::array();
  for (const CheckResult& r : report.results) {
    Json j{{"id", r.id},         {"suite", r.suite},     {"implementation", r.implementation},
           {"scheme", r.scheme}, {"variant", r.variant}, {"source", r.source}};
    if (r.tc_id) j["tcId"] = *r.tc_id;
    j["comment"] = r.comment;
    j["flags"] = r.flags;
    j["outcome"] = outcome_name(r.outcome);
    if (!r.reason.empty()) j["reason"] = r.reason;
    if (r.cell) {
      j["cell"] = {{"sender", r.cell->sender},
                   {"receiver", r.cell->receiver},
                   {"scenario", r.cell->scenario}};
    }
    results.push_back(std::move(j));
  }
  Json profiles = Json::array();
  for (const ProfileInfo& p : report.profiles) {
    profiles.push_back({{"id", p.id},
                        {"vendor", p.vendor},
                        {"sdk", p.sdk},
                        {"platform", p.platform},
                        {"versions", p.versions}});
  }
  return Json{{"schema", kReportSchema},
              {"tool", {{"name", "rtcseal"}, {"version", report.tool_version}}},
              {"command", report.command},
              {"summary", summary},
              {"profiles", profiles},
              {"results", results}};
}

}  // namespace rtcseal::reports
