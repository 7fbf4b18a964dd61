// `rtcseal vectors generate`: every scheme's generator, written under one folder. The inputs come
// from fixed seeds, so a second run writes identical files.
#include "rtcseal/atomic_file.h"
#include "rtcseal/vectors.h"
#include "vector_builder.h"

namespace rtcseal::vectors {

InputResult<std::vector<std::string>> generate(const std::string& dir) {
  using Generator = InputResult<std::vector<GeneratedFile>> (*)();
  const Generator generators[] = {generate_agora_builtin, generate_vonage_e2ee, generate_sframe,
                                  generate_framecryptor};
  std::vector<std::string> written;
  for (Generator g : generators) {
    RTCSEAL_TRY(std::vector<GeneratedFile> files, g());
    for (const GeneratedFile& f : files) {
      std::string path = dir + "/" + f.path;
      RTCSEAL_TRY([[maybe_unused]] bool ok, write_file_atomic(path, f.content));
      written.push_back(path);
    }
  }
  return written;
}

}  // namespace rtcseal::vectors
