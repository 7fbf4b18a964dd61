// `rtcseal errors`: the canonical error catalogue, as a table or as JSON (docs/errors.json).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "rtcseal/error.h"

namespace rtcseal::cli {

void add_errors_command(CLI::App& app, RunState& out) {
  auto* cmd = app.add_subcommand("errors", "List the canonical errors");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print the machine-readable listing");
  cmd->callback([json, &out] {
    if (*json) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const ErrorInfo& e : all_errors()) {
        list.push_back({{"name", e.name}, {"group", e.group}, {"description", e.description}});
      }
      std::cout << nlohmann::ordered_json{{"schema", "rtcseal-errors/1"}, {"errors", list}}.dump(1)
                << "\n";
    } else {
      for (const ErrorInfo& e : all_errors()) {
        std::cout << e.group << "\t" << e.name << "\t" << e.description << "\n";
      }
    }
    out.exit_code = kOk;
  });
}

}  // namespace rtcseal::cli
