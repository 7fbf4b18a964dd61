#include "vector_builder.h"

#include <set>

#include "rtcseal/vectors.h"

namespace rtcseal::vectors {

TestBytes::TestBytes(std::string_view label) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a, so the seed depends only on the label
  for (char c : label) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  rng_.seed(h);
}

Bytes TestBytes::bytes(size_t n) {
  Bytes out(n);
  for (auto& b : out) b = static_cast<uint8_t>(rng_() >> 56);
  return out;
}

FileBuilder::FileBuilder(std::string scheme, std::string algorithm, std::vector<std::string> header,
                         std::vector<std::string> sources, std::span<const Note> notes)
    : scheme_(std::move(scheme)),
      algorithm_(std::move(algorithm)),
      header_(std::move(header)),
      sources_(std::move(sources)),
      notes_(notes) {}

Json& FileBuilder::group(const char* type, const Json& params) {
  groups_.push_back(Json{{"type", type}, {"params", params}, {"tests", Json::array()}});
  return groups_.back();
}

Json& FileBuilder::add(Json& group, const std::string& comment, std::vector<std::string> flags) {
  group["tests"].push_back(
      Json{{"tcId", ++count_}, {"comment", comment}, {"flags", std::move(flags)}});
  return group["tests"].back();
}

std::string FileBuilder::dump() const {
  std::set<std::string> used;
  for (const auto& g : groups_) {
    for (const auto& t : g["tests"]) {
      for (const auto& f : t["flags"]) used.insert(f.get<std::string>());
    }
  }
  Json notes = Json::object();
  for (const Note& n : notes_) {
    if (used.count(n.flag)) {
      notes[n.flag] = Json{{"bugType", n.bug_type}, {"description", n.description}};
    }
  }
  Json doc{{"schema", kProjectSchema}, {"scheme", scheme_},
           {"algorithm", algorithm_},  {"generatedBy", "rtcseal vectors generate"},
           {"header", header_},        {"sources", sources_},
           {"numberOfTests", count_},  {"notes", notes},
           {"testGroups", groups_}};
  return doc.dump(1) + "\n";
}

}  // namespace rtcseal::vectors
