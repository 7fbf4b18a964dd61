#include "expected_result.h"

namespace rtcseal::vectors {

InputResult<Expect> parse_expect(const JsonNode& node) {
  RTCSEAL_TRY(std::string r, node.str());
  if (r == "valid") return Expect::Valid;
  if (r == "invalid") return Expect::Invalid;
  if (r == "acceptable") return Expect::Acceptable;
  return node.error("result must be valid, invalid or acceptable");
}

}  // namespace rtcseal::vectors
