#include "unprotect_families.h"

#include <string>

#include "fuzz_support.h"
#include "rtcseal/agora_builtin.h"

namespace rtcseal::fuzz {
namespace {

std::vector<Lane> cross(size_t configs, const std::vector<Stream>& streams) {
  std::vector<Lane> lanes;
  for (size_t c = 0; c < configs; ++c) {
    for (const Stream& s : streams) lanes.push_back({c, s});
  }
  return lanes;
}

Family make_family(std::string_view target, std::string_view scheme, std::vector<Params> configs,
                   std::vector<Stream> streams, std::vector<std::string_view> match_keys,
                   std::optional<uint64_t> seed_kid = std::nullopt) {
  Family f{target,  scheme, std::move(configs), std::move(streams), {}, std::move(match_keys),
           seed_kid};
  f.lanes = cross(f.configs.size(), f.streams);
  return f;
}

// Every stream a frame-level scheme distinguishes, including pairs it must reject.
std::vector<Stream> codec_streams() {
  return {{Media::Audio, Codec::None}, {Media::Audio, Codec::Opus}, {Media::Video, Codec::None},
          {Media::Video, Codec::Vp8},  {Media::Video, Codec::H264}, {Media::Video, Codec::Vp9},
          {Media::Data, Codec::None}};
}

}  // namespace

const Family& agora_family() {
  static const Family f = [] {
    std::vector<Params> configs;
    for (const auto& m : agora::modes()) {
      configs.push_back({{"mode", std::string(m.name)},
                         {"key", "fuzzing key string, fixed so the fuzzer gets past configure"},
                         {"salt", "X5w9T+50kzxVOnkJKiY/lUk82/bES2kATOt3vBuGEDw="},
                         {"datastream", "true"}});
    }
    return make_family(
        "agora_unprotect_fuzzer", "agora-builtin", std::move(configs),
        {{Media::Audio, Codec::None}, {Media::Video, Codec::None}, {Media::Data, Codec::None}},
        {"mode"}, 1);
  }();
  return f;
}

const Family& sframe_family() {
  static const Family f = [] {
    const std::string key = "000102030405060708090a0b0c0d0e0f";
    std::vector<Params> configs;
    for (int suite = 1; suite <= 5; ++suite) {
      configs.push_back({{"suite", std::to_string(suite)}, {"kid", "291"}, {"base_key", key}});
    }
    // Ratcheting receivers: a forged KID makes them derive keys ahead. Few ratchet bits keep that
    // to one step per input (with R = 4 it is up to seven, and exec/s falls below 20k).
    configs.push_back({{"suite", "1"}, {"kid", "686"}, {"base_key", key}, {"ratchet_bits", "2"}});
    configs.push_back({{"suite", "4"}, {"kid", "7"}, {"base_key", key}, {"ratchet_bits", "1"}});
    return make_family("sframe_unprotect_fuzzer", "sframe", std::move(configs),
                       {{Media::Audio, Codec::None}, {Media::Video, Codec::None}},
                       {"suite", "ratchet_bits"});
  }();
  return f;
}

const Family& vonage_family() {
  static const Family f = [] {
    std::vector<Params> configs;
    for (const char* engine : {"legacy", "draft01"}) {
      configs.push_back({{"engine", engine},
                         {"secret", "fuzzing secret"},
                         {"session_id", "2_MX4xMjM0NTY3OH5-fuzz-fg"},
                         {"connection_id", "5a2e1f47-9c3b-4d08-b6e2-71f0c8a94d35"}});
    }
    return make_family("vonage_unprotect_fuzzer", "vonage-e2ee", std::move(configs),
                       codec_streams(), {"engine"});
  }();
  return f;
}

const Family& framecryptor_family() {
  static const Family f = [] {
    // LiveKit's PBKDF2 ratchet costs 100000 iterations a step, so that receiver must not try
    // ratchet steps on every forged frame; the HKDF ones do, to reach the ratchet code.
    const Params common = {{"ssrc", "1290050153"}, {"rtp_timestamp", "3506602446"}};
    auto with = [&](Params p) {
      p.insert(common.begin(), common.end());
      return p;
    };
    std::vector<Params> configs = {
        with({{"variant", "livekit"}, {"key", "password"}, {"ratchet_window", "0"}}),
        with({{"variant", "livekit"},
              {"kdf", "hkdf"},
              {"key", "hex:6d5be578ea7d2ebf32cf6f978c7c5d842a69b00134ff214bc6a7a3878fd61771"},
              {"ratchet_window", "2"}}),
        with({{"variant", "jitsi"},
              {"key", "hex:5f6a86649cb37ca3d550852a33a1c0e4f2d62ffb664191cf108d650f9d0721a0"},
              {"ratchet_window", "2"}}),
        with({{"variant", "jitsi"},
              {"kdf", "hkdf-jframeinfo"},
              {"key", "hex:55a7fc768799eb09aa79c581daa1a2980f11a0057e4a74be4e4ac534556ec713"}}),
    };
    return make_family("framecryptor_unprotect_fuzzer", "framecryptor", std::move(configs),
                       codec_streams(), {"variant", "kdf"});
  }();
  return f;
}

std::vector<const Family*> unprotect_families() {
  return {&agora_family(), &sframe_family(), &vonage_family(), &framecryptor_family()};
}

Receivers::Receivers(const Family& family) : family_(&family) {
  const Scheme* scheme = find_scheme(family.scheme);
  if (scheme == nullptr) property_broken();
  for (const Params& p : family.configs) {
    auto ctx = scheme->configure(p);
    if (!ctx.ok()) property_broken();
    contexts_.push_back(std::move(ctx).value());
  }
}

int Receivers::unprotect(const uint8_t* data, size_t size) {
  auto choice = split_choice(data, size);
  if (!choice) return 0;
  const Lane& lane = pick(std::span<const Lane>(family_->lanes), choice->selector);
  UnprotectInput in{lane.stream.media, lane.stream.codec, choice->rest, {}};
  auto status = contexts_[lane.config]->unprotect_into(in, out_);
  if (status.ok() && out_.size() > choice->rest.size()) property_broken();
  return 0;
}

}  // namespace rtcseal::fuzz
