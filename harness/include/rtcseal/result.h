// Result<T>: a value or a canonical error. The crypto core and the schemes return these instead of
// throwing, so a hostile packet can never unwind through the harness.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "rtcseal/error.h"

namespace rtcseal {

// Why an Error is not an answer from the implementation under test. The vector runners turn a
// Transport fault into the outcome `error` and an unmapped native code into `fail`
// (docs/shim-protocol.md "Errors").
enum class Fault {
  None,            // `code` is what the implementation answered
  Transport,       // it could not be asked: a shim crashed, hung, exited or answered garbage, or
                   // the run's deadline passed; `code` means nothing then
  UnmappedNative,  // it answered a native code that its errorMap does not map to a canonical one
};

struct Error {
  Err code;
  std::string message;
  Fault fault = Fault::None;
  std::string
      native{};  // the implementation's own code, when it answered one instead of a canonical
};

// E is the error type: canonical Error for the crypto core and the schemes, InputError for readers
// of files written by people.
template <typename T, typename E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(E error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const E& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void, Error> {
 public:
  Result() = default;
  Result(Error error) : err_(std::move(error)), failed_(true) {}  // NOLINT

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return err_; }

 private:
  Error err_{Err::ENCRYPT_INTERNAL, {}};
  bool failed_ = false;
};

using Status = Result<void>;

// Unwraps a Result into `lhs`, or returns its error from the enclosing function.
#define RTCSEAL_CONCAT_INNER(a, b) a##b
#define RTCSEAL_CONCAT(a, b) RTCSEAL_CONCAT_INNER(a, b)
#define RTCSEAL_TRY(lhs, expr)                             \
  auto RTCSEAL_CONCAT(rtcseal_try_, __LINE__) = (expr);    \
  if (!RTCSEAL_CONCAT(rtcseal_try_, __LINE__))             \
    return RTCSEAL_CONCAT(rtcseal_try_, __LINE__).error(); \
  lhs = std::move(RTCSEAL_CONCAT(rtcseal_try_, __LINE__)).value()

inline Error fail(Err code, std::string message = {}) {
  return Error{code, std::move(message)};
}

}  // namespace rtcseal
