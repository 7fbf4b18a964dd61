// A scheme is one packet-protection format plus its key rules (design.md "Core concepts").
// configure() checks the parameters and derives keys once; the returned context then protects and
// unprotects packets. Deterministic inputs (ctr, kid) can be pinned so vectors reproduce exactly.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "rtcseal/bytes.h"
#include "rtcseal/result.h"

namespace rtcseal {

enum class Media { Audio, Video, Data };
enum class Codec { None, Opus, Vp8, H264, Vp9 };

std::string_view media_name(Media m);
std::optional<Media> parse_media(std::string_view s);
std::string_view codec_name(Codec c);
std::optional<Codec> parse_codec(std::string_view s);

// Scheme parameters as strings, exactly as the vector files and the shim protocol carry them
// (numbers in decimal). An absent key and an empty value are different things.
using Params = std::map<std::string, std::string>;

struct ProtectInput {
  Media media = Media::Audio;
  Codec codec = Codec::None;
  ByteView payload;
  ByteView metadata;
  std::optional<uint64_t> ctr;  // pins the packet counter
  std::optional<uint64_t> kid;  // pins the key or sender id
};

struct UnprotectInput {
  Media media = Media::Audio;
  Codec codec = Codec::None;
  ByteView packet;
  ByteView metadata;
};

// One configured endpoint. Not thread-safe: use one context per thread.
class Context {
 public:
  virtual ~Context() = default;

  Result<Bytes> protect(const ProtectInput& in);
  Result<Bytes> unprotect(const UnprotectInput& in);
  // The same, writing into `out` and reusing its capacity, so a loop that keeps its buffers
  // makes no allocation per packet. On failure `out` holds nothing meaningful.
  virtual Status protect_into(const ProtectInput& in, Bytes& out) = 0;
  virtual Status unprotect_into(const UnprotectInput& in, Bytes& out) = 0;
  // Replaces the key material at runtime; the parameters follow the same rules as configure.
  virtual Status rekey(const Params& params) = 0;
};

class Scheme {
 public:
  virtual ~Scheme() = default;
  virtual std::string_view name() const = 0;
  virtual Result<std::unique_ptr<Context>> configure(const Params& params) const = 0;
  // The vendor's native code for a canonical error, where the scheme models one vendor API.
  virtual std::optional<std::string> native_error(Err) const { return std::nullopt; }
};

// Every built-in scheme, and look-up by name (nullptr when unknown).
std::span<const Scheme* const> all_schemes();
const Scheme* find_scheme(std::string_view name);

}  // namespace rtcseal
