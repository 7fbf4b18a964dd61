#include "non_answer.h"

namespace rtcseal::vectors {

std::string describe_error(const Error& e) {
  switch (e.fault) {
    case Fault::Transport:
      return e.message;
    case Fault::UnmappedNative:
      return "native code \"" + e.native + "\" that the errorMap does not map" +
             (e.message.empty() ? "" : " (" + e.message + ")");
    case Fault::None:
      break;
  }
  std::string s(error_name(e.code));
  if (!e.native.empty()) s += " as native \"" + e.native + "\"";
  return e.message.empty() ? s : s + " (" + e.message + ")";
}

std::optional<NonAnswer> non_answer(const Error& e) {
  switch (e.fault) {
    case Fault::Transport:
      return NonAnswer{Outcome::Error, describe_error(e)};
    case Fault::UnmappedNative:
      return NonAnswer{Outcome::Fail, "answered " + describe_error(e)};
    case Fault::None:
      break;
  }
  if (e.code == Err::UNIMPLEMENTED) return NonAnswer{Outcome::Unsupported, describe_error(e)};
  return std::nullopt;
}

}  // namespace rtcseal::vectors
