// Errors that are no verdict on the scheme under test, shared by every vector runner: the
// implementation declared it cannot run the check (UNIMPLEMENTED), could not be asked at all (a
// shim that crashed, hung or answered garbage), or answered a native code its errorMap does not
// map. Every runner routes an implementation's errors through non_answer() first.
#pragma once

#include <optional>
#include <string>

#include "rtcseal/report.h"
#include "rtcseal/result.h"

namespace rtcseal::vectors {

struct NonAnswer {
  Outcome outcome;  // Unsupported, Error or Fail
  std::string reason;
};

// nullopt when `e` is a genuine answer that the check must judge.
std::optional<NonAnswer> non_answer(const Error& e);

// "CODE (message)", or the transport failure or the unmapped native code as such.
std::string describe_error(const Error& e);

}  // namespace rtcseal::vectors
