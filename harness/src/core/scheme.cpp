#include "rtcseal/scheme.h"

#include <optional>
#include <string_view>
#include <utility>

namespace rtcseal {
namespace {

constexpr std::pair<Media, std::string_view> kMedia[] = {
    {Media::Audio, "audio"},
    {Media::Video, "video"},
    {Media::Data, "data"},
};

constexpr std::pair<Codec, std::string_view> kCodecs[] = {
    {Codec::None, "none"}, {Codec::Opus, "opus"}, {Codec::Vp8, "vp8"},
    {Codec::H264, "h264"}, {Codec::Vp9, "vp9"},
};

template <typename E, size_t N>
std::string_view name_of(const std::pair<E, std::string_view> (&table)[N], E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return {};
}

template <typename E, size_t N>
std::optional<E> parse(const std::pair<E, std::string_view> (&table)[N], std::string_view s) {
  for (const auto& [v, name] : table) {
    if (name == s) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view media_name(Media m) {
  return name_of(kMedia, m);
}
std::optional<Media> parse_media(std::string_view s) {
  return parse(kMedia, s);
}
std::string_view codec_name(Codec c) {
  return name_of(kCodecs, c);
}
std::optional<Codec> parse_codec(std::string_view s) {
  return parse(kCodecs, s);
}

// Every scheme's packet is its payload plus a small header, tag or trailer (at most 64 bytes here;
// H.264 escaping may add more): one allocation up front instead of a few as a header is appended.
constexpr size_t kOverheadHint = 64;

Result<Bytes> Context::protect(const ProtectInput& in) {
  Bytes out;
  out.reserve(in.payload.size() + kOverheadHint);
  auto st = protect_into(in, out);
  if (!st) return st.error();
  return out;
}

Result<Bytes> Context::unprotect(const UnprotectInput& in) {
  Bytes out;
  out.reserve(in.packet.size());
  auto st = unprotect_into(in, out);
  if (!st) return st.error();
  return out;
}

}  // namespace rtcseal
