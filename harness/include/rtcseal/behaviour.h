// Behavioural checks: properties vectors alone cannot pin down (fresh nonces, every bit flip,
// every size, mismatched peers, rekeying, hostile packets), run against any Implementation
// through the same interface as the vectors, so they work on shims too. What to check per scheme
// configuration is data: checks/behaviour.json (docs/behaviour.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rtcseal/implementation.h"
#include "rtcseal/input_error.h"
#include "rtcseal/report.h"

namespace rtcseal::behaviour {

struct Stream {
  Media media = Media::Audio;
  Codec codec = Codec::None;
  // Every payload starts with these bytes, so it parses as the codec's frame (a VP8 key-frame
  // header, an H.264 start code and slice); sizes below it are not tried.
  Bytes prefix;
};

// A receiver configured differently from the sender, and what it must answer.
struct Mismatch {
  std::string name;  // "wrong key", ...
  Params receiver;   // merged over the target's params
  // The canonical error an authenticating receiver must give; nullopt for an unauthenticated
  // mode, where the receiver must only not deliver the original payload.
  std::optional<Err> expect;
};

struct Target {
  std::string name;  // "agora-builtin AES_128_GCM"
  std::string scheme;
  Params params;
  std::vector<Stream> streams;  // the first one is used by the single-stream checks
  bool authenticated = false;   // a tampered packet or a wrong key must be rejected
  bool fresh_nonce = false;     // two protects of one payload must differ
  size_t clear_prefix = 0;      // leading packet bytes no tag covers (excluded from bit flips)
  size_t max_payload = 65535;
  std::optional<Params> rekey;  // new key parameters for the rekey check
  std::vector<Mismatch> mismatches;
};

struct Plan {
  std::string file;
  std::vector<size_t> sizes;  // payload sizes of the round trip, capped at each max_payload
  std::vector<Target> targets;
};

InputResult<Plan> load_plan(const std::string& path);

// Every check of `plan` against `impl`. Payload bytes come from `seed`, so a run replays exactly.
std::vector<CheckResult> run(const Plan& plan, Implementation& impl, uint64_t seed);

}  // namespace rtcseal::behaviour
