// Hostile vector files: any byte string must end as results or an InputError, never a crash.
#include <string>

#include "rtcseal/vectors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto impl = rtcseal::make_reference_implementation();
  static const std::string file = "fuzz.json";
  auto doc = rtcseal::parse_json_text(file, std::string(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) return 0;
  rtcseal::JsonNode root(file, *doc);
  if (rtcseal::vectors::is_wycheproof(*doc)) {
    (void)rtcseal::vectors::run_wycheproof_file(root, *impl);
  } else {
    (void)rtcseal::vectors::run_project_file(root, *impl);
  }
  return 0;
}
