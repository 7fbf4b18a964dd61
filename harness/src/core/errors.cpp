#include <cstddef>
#include <iterator>

#include "rtcseal/error.h"

namespace rtcseal {
namespace {

constexpr ErrorInfo kErrors[] = {
#define RTCSEAL_ERROR_INFO(name, group, desc) {Err::name, #name, group, desc},
    RTCSEAL_CANONICAL_ERRORS(RTCSEAL_ERROR_INFO)
#undef RTCSEAL_ERROR_INFO
};

// error_name() indexes the table by enum value, which holds while both come from the one X-macro.
constexpr bool table_matches_enum() {
  for (size_t i = 0; i < std::size(kErrors); ++i) {
    if (kErrors[i].code != static_cast<Err>(i)) return false;
  }
  return true;
}
static_assert(table_matches_enum());

}  // namespace

std::span<const ErrorInfo> all_errors() {
  return kErrors;
}

std::string_view error_name(Err code) {
  auto i = static_cast<size_t>(code);
  // Only a bad cast can produce a value outside the catalogue; it has no name.
  return i < std::size(kErrors) ? kErrors[i].name : std::string_view{};
}

std::optional<Err> parse_error_name(std::string_view name) {
  for (const ErrorInfo& e : kErrors) {
    if (e.name == name) return e.code;
  }
  return std::nullopt;
}

}  // namespace rtcseal
