// Writes every target's seed corpus from the checked-in vectors, so the corpus is a function of
// the vectors rather than a hand-picked set:
//
//   rtcseal_fuzz_seeds VECTORS_DIR OUT_DIR   (OUT_DIR/<target>/<content hash>)
//
// Unprotect seeds are vector payloads protected again with the target's own fixed configuration
// (so they pass the tag check), plus the vectors' short hostile packets. Each target keeps a few
// inputs per lane, so the corpus stays small; the output is deterministic.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rtcseal/codecs.h"
#include "rtcseal/json_input.h"
#include "rtcseal/sframe.h"
#include "rtcseal/vonage_e2ee.h"
#include "shim_requests.h"
#include "unprotect_families.h"
#include "vonage_header.h"

namespace {

using namespace rtcseal;
namespace fs = std::filesystem;
using nlohmann::json;

constexpr size_t kMaxPayload = 256;        // longer vector payloads add size, not coverage
constexpr size_t kMaxHostilePacket = 128;  // the short malformed packets are the useful ones
constexpr size_t kPerLane = 2;             // seeds of each kind per lane
constexpr size_t kPerTarget = 32;          // for the targets without lanes

// The corpus being built: inputs per target, with a budget per (target, bucket).
class Corpus {
 public:
  void add(std::string_view target, const std::string& bucket, size_t budget, Bytes input) {
    size_t& used = used_[std::string(target) + "/" + bucket];
    if (used >= budget) return;
    if (inputs_[std::string(target)].emplace(name(input), std::move(input)).second) ++used;
  }
  void write(const fs::path& out) const {
    for (const auto& [target, inputs] : inputs_) {
      fs::remove_all(out / target);
      fs::create_directories(out / target);
      for (const auto& [file, bytes] : inputs) {
        std::ofstream(out / target / file, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
      }
      std::printf("%s: %zu inputs\n", target.c_str(), inputs.size());
    }
  }

 private:
  // FNV-1a: a stable content name, so regenerating never renames an unchanged input.
  static std::string name(const Bytes& input) {
    uint64_t h = 14695981039346656037u;
    for (uint8_t b : input) h = (h ^ b) * 1099511628211u;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
  }
  std::map<std::string, std::map<std::string, Bytes>> inputs_;
  std::map<std::string, size_t> used_;
};

Bytes prefixed(uint8_t selector, ByteView rest) {
  Bytes out(rest.size() + 1);
  out[0] = selector;
  std::copy(rest.begin(), rest.end(), out.begin() + 1);
  return out;
}

std::vector<fs::path> vector_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Lenient readers: a vector that does not fit simply gives no seed (the verifier judges vectors).
std::vector<JsonNode> items_of(const JsonNode& node, const char* key) {
  auto list = node.at(key);
  if (!list) return {};
  auto items = list->items();
  return items ? std::move(items).value() : std::vector<JsonNode>{};
}

std::string str_or(const JsonNode& node, const char* key, const char* fallback) {
  auto n = node.find(key);
  if (!n) return fallback;
  auto v = n->str();
  return v ? *v : fallback;
}

uint64_t uint_or(const JsonNode& node, const char* key, uint64_t fallback) {
  auto n = node.find(key);
  if (!n) return fallback;
  auto v = n->uinteger();
  return v ? *v : fallback;
}

std::optional<std::string> param(const Params& params, std::string_view key) {
  auto it = params.find(std::string(key));
  if (it == params.end()) return std::nullopt;
  return it->second;
}

// The family configuration a vector group's parameters select, if the family has one.
std::optional<size_t> config_of(const fuzz::Family& family, const Params& group) {
  for (size_t c = 0; c < family.configs.size(); ++c) {
    auto same = [&](std::string_view key) {
      return param(family.configs[c], key) == param(group, key);
    };
    if (std::all_of(family.match_keys.begin(), family.match_keys.end(), same)) return c;
  }
  return std::nullopt;
}

std::optional<size_t> lane_of(const fuzz::Family& family, size_t config, const JsonNode& test) {
  auto m = parse_media(str_or(test, "media", ""));
  auto c = parse_codec(str_or(test, "codec", "none"));
  for (size_t i = 0; i < family.lanes.size(); ++i) {
    const fuzz::Lane& lane = family.lanes[i];
    if (lane.config == config && m == lane.stream.media && c == lane.stream.codec) return i;
  }
  return std::nullopt;
}

// One sending context per family configuration, made when first needed.
class Senders {
 public:
  Context* get(const fuzz::Family& family, size_t config) {
    auto& slot = contexts_[{family.target, config}];
    if (!slot) {
      auto ctx = find_scheme(family.scheme)->configure(family.configs[config]);
      if (!ctx.ok()) return nullptr;
      slot = std::move(ctx).value();
    }
    return slot.get();
  }

 private:
  std::map<std::pair<std::string_view, size_t>, std::unique_ptr<Context>> contexts_;
};

// Packets for one unprotect family from one vector group.
void add_unprotect_seeds(const fuzz::Family& family, const JsonNode& group, Senders& senders,
                         Corpus& corpus) {
  auto params = group.at("params");
  if (!params) return;
  auto map = params->string_map();
  if (!map) return;
  auto config = config_of(family, *map);
  if (!config) return;
  const std::string type = str_or(group, "type", "");
  for (const JsonNode& test : items_of(group, "tests")) {
    auto lane = lane_of(family, *config, test);
    if (!lane) continue;
    const std::string bucket = std::to_string(*lane) + type;
    if (type == "ProtectTest") {
      auto payload = test.hex("payload");
      if (!payload || payload->size() > kMaxPayload) continue;
      Context* sender = senders.get(family, *config);
      if (sender == nullptr) continue;
      const fuzz::Stream& s = family.lanes[*lane].stream;
      auto packet = sender->protect(
          {s.media, s.codec, *payload, {}, uint_or(test, "ctr", 0), family.seed_kid});
      if (packet) corpus.add(family.target, bucket, kPerLane, prefixed(*lane, *packet));
    } else if (type == "UnprotectTest") {
      auto packet = test.hex("packet");
      if (packet && packet->size() <= kMaxHostilePacket) {
        corpus.add(family.target, bucket, kPerLane, prefixed(*lane, *packet));
      }
    }
  }
}

// Headers for the two header targets, from the KIDs and counters the vectors pin.
void add_header_seeds(std::string_view scheme, const JsonNode& group, Corpus& corpus) {
  auto params = group.at("params");
  if (!params) return;
  const uint64_t group_kid = std::strtoull(str_or(*params, "kid", "0").c_str(), nullptr, 10);
  for (const JsonNode& test : items_of(group, "tests")) {
    const uint64_t kid = uint_or(test, "kid", group_kid);
    const uint64_t ctr = uint_or(test, "ctr", 0);
    if (scheme == "sframe") {
      corpus.add("sframe_header_fuzzer", "", kPerTarget, sframe::encode_header(kid, ctr));
    } else if (scheme == "vonage-e2ee" && test.has("kid")) {
      const bool legacy = str_or(*params, "engine", "") == "legacy";
      const auto& layout = legacy ? vonage::detail::kLegacyHeader : vonage::detail::kDraft01Header;
      if (kid > vonage::detail::max_field_value(layout) ||
          ctr > vonage::detail::max_field_value(layout)) {
        continue;
      }
      vonage::detail::HeaderBytes bytes{};
      const size_t n = vonage::detail::write_header(layout, kid, ctr, bytes);
      corpus.add("vonage_header_fuzzer", "", kPerTarget,
                 prefixed(legacy ? 0 : 1, ByteView(bytes.data(), n)));
    }
  }
}

// VP8 and H.264 frames for the codec target.
void add_codec_seeds(const JsonNode& group, Corpus& corpus) {
  for (const JsonNode& test : items_of(group, "tests")) {
    const std::string codec = str_or(test, "codec", "none");
    auto payload = test.hex("payload");
    if (!payload || payload->size() > kMaxPayload) continue;
    if (codec == "vp8" || codec == "h264") corpus.add("codecs_fuzzer", codec, 16, *payload);
  }
}

// A vector file cut down to its first small test, so the reader target starts from valid files
// of every scheme without carrying the 64 KiB payloads.
void add_vector_file_seed(const json& doc, Corpus& corpus) {
  if (!doc.contains("testGroups")) return;
  for (const json& group : doc["testGroups"]) {
    if (!group.contains("tests") || group["tests"].empty()) continue;
    json test = group["tests"][0];
    test.erase("flags");
    json g = group;
    g["tests"] = json::array({test});
    json small = {{"schema", doc["schema"]},
                  {"scheme", doc["scheme"]},
                  {"numberOfTests", 1},
                  {"testGroups", json::array({g})}};
    const std::string text = small.dump();
    if (text.size() > 2048) continue;
    corpus.add("vector_reader_fuzzer", "", kPerTarget, Bytes(text.begin(), text.end()));
    return;
  }
}

// Replies of every kind to the shim-response target's fixed requests (shim_requests.h).
shim::Response reply(int64_t id, const char* error = nullptr) {
  shim::Response r;
  r.id = id;
  if (error != nullptr) {
    r.ok = false;
    r.error = error;
    r.message = "seed";
  }
  return r;
}

void add_shim_seeds(Corpus& corpus) {
  const auto requests = fuzz::shim_requests();
  for (size_t i = 0; i < requests.size(); ++i) {
    const shim::Request& request = requests[i];
    shim::Response ok = reply(request.id);
    switch (request.op) {
      case shim::Op::Hello:
        ok.hello = shim::Hello{"fuzz", "1", {"sframe", "framecryptor"}, {"batch"}};
        break;
      case shim::Op::Protect:
        ok.packet = Bytes{0x91, 0x23, 0x00, 0x01};
        break;
      case shim::Op::Unprotect:
        ok.payload = Bytes{0x64, 0x72};
        break;
      case shim::Op::Batch: {
        shim::Response p = reply(request.requests[0].id);
        p.packet = Bytes{0x01};
        ok.responses = {p, reply(request.requests[1].id, "AUTH_FAILED")};
        break;
      }
      default:
        break;
    }
    for (const shim::Response& r : {ok, reply(request.id, "MALFORMED_PACKET")}) {
      const std::string line = shim::encode_response(r);
      corpus.add("shim_response_fuzzer", "", kPerTarget,
                 prefixed(static_cast<uint8_t>(i), as_bytes(line)));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s VECTORS_DIR OUT_DIR\n", argv[0]);
    return 2;
  }
  Corpus corpus;
  Senders senders;
  for (const fs::path& path : vector_files(argv[1])) {
    const std::string file = path.string();
    auto doc = load_json_file(file);
    // Only the project's format carries packets of the built-in schemes.
    if (!doc || doc->value("schema", "") != "rtcseal-vectors/1") continue;
    add_vector_file_seed(*doc, corpus);
    const std::string scheme = doc->value("scheme", "");
    for (const JsonNode& group : items_of(JsonNode(file, *doc), "testGroups")) {
      for (const fuzz::Family* family : fuzz::unprotect_families()) {
        if (family->scheme == scheme) add_unprotect_seeds(*family, group, senders, corpus);
      }
      add_header_seeds(scheme, group, corpus);
      add_codec_seeds(group, corpus);
    }
  }
  add_shim_seeds(corpus);
  corpus.write(argv[2]);
  return 0;
}
