#include "rtcseal/vectors.h"

namespace rtcseal::vectors {

InputResult<std::vector<CheckResult>> verify_file(const std::string& path, Implementation& impl) {
  RTCSEAL_TRY(nlohmann::json doc, load_json_file(path));
  JsonNode root(path, doc);
  if (!doc.is_object()) return root.error("expected a JSON object at the top level");
  auto schema = root.find("schema");
  if (schema && schema->raw() == kProjectSchema) return run_project_file(root, impl);
  if (is_wycheproof(doc)) return run_wycheproof_file(root, impl);
  if (is_sframe_wg(doc)) return run_sframe_wg_file(root, impl);
  if (!schema) return root.error("missing field \"schema\": cannot tell the vector format");
  return schema->error("unknown vector format " + schema->raw().dump());
}

}  // namespace rtcseal::vectors
