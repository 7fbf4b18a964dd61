// `rtcseal shim`: the reference implementation served over shim protocol v1 on stdin and stdout
// (docs/shim-protocol.md), so the protocol and the client can be checked against the reference.
#include <iostream>

#include "commands.h"
#include "rtcseal/shim_server.h"

namespace rtcseal::cli {

void add_shim_command(CLI::App& app, RunState& out) {
  auto* cmd = app.add_subcommand(
      "shim",
      "Serve the reference implementation over shim protocol v1: JSON requests on stdin, one "
      "reply line each on stdout (docs/shim-protocol.md). Ends at end of input or on shutdown");
  cmd->callback([&out] {
    std::ios::sync_with_stdio(false);
    auto impl = make_reference_implementation();
    shim::Hello hello{"rtcseal-reference", RTCSEAL_VERSION, {}, {std::string(shim::kBatchFeature)}};
    for (const Scheme* scheme : all_schemes()) hello.schemes.emplace_back(scheme->name());
    shim::ShimServer server(*impl, std::move(hello));
    out.exit_code = shim::serve(server, std::cin, std::cout);
  });
}

}  // namespace rtcseal::cli
