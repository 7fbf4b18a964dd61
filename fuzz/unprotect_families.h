// The fixed receivers of the unprotect targets. A family is one scheme's set of configurations
// and media/codec streams; the input's first byte picks a lane (configuration x stream). The seed
// generator protects vector payloads with the same configurations, so seeds pass the tag check
// and the fuzzer starts from packets that reach the plaintext handling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "rtcseal/scheme.h"

namespace rtcseal::fuzz {

struct Stream {
  Media media;
  Codec codec;
};

struct Lane {
  size_t config;  // index into Family::configs
  Stream stream;
};

struct Family {
  std::string_view target;  // the fuzz target, also its corpus directory name
  std::string_view scheme;
  std::vector<Params> configs;
  std::vector<Stream> streams;
  std::vector<Lane> lanes;  // every configuration with every stream, in that order
  // The parameters that tell the configurations apart: a vector group whose values for these
  // match a configuration's provides seeds for its lanes.
  std::vector<std::string_view> match_keys;
  // The sender id the seed generator pins where the scheme would draw one at random.
  std::optional<uint64_t> seed_kid;
};

const Family& agora_family();
const Family& sframe_family();
const Family& vonage_family();
const Family& framecryptor_family();
std::vector<const Family*> unprotect_families();

// One receiving context per configuration of a family, configured (keys derived) once, so the
// per-input path does no key derivation.
class Receivers {
 public:
  explicit Receivers(const Family& family);
  // The target body: the first byte picks a lane, the rest is the packet. Traps when a packet is
  // accepted with a payload longer than itself (no scheme expands on unprotect).
  int unprotect(const uint8_t* data, size_t size);

 private:
  const Family* family_;
  std::vector<std::unique_ptr<Context>> contexts_;
  Bytes out_;  // reused across inputs: no allocation per packet once it has grown
};

}  // namespace rtcseal::fuzz
