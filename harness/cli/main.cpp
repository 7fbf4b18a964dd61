#include <exception>
#include <iostream>

#include "commands.h"

int main(int argc, char** argv) {
  using namespace rtcseal::cli;
  CLI::App app{
      "rtcseal: conformance, interoperability and fuzz harness for real-time media "
      "encryption.\nExit codes: 0 all held, 1 conformance failure, 2 bad usage or "
      "input, 3 internal error."};
  app.set_version_flag("--version", std::string("rtcseal ") + RTCSEAL_VERSION);
  app.require_subcommand(1);
  RunState state;
  add_conformance_command(app, state);
  add_vectors_command(app, state);
  add_errors_command(app, state);
  add_shim_command(app, state);
  add_differential_command(app, state);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "rtcseal: internal error: " << e.what() << "\n";
    return kInternal;
  }
  return state.exit_code;
}
