// Shared pieces of the framecryptor vector generator (docs/spec.md §5): frame builders per codec,
// the reference as oracle, and the notes every framecryptor file draws its flags from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rtcseal/framecryptor.h"
#include "vector_builder.h"

namespace rtcseal::vectors::fcgen {

extern const std::vector<std::string> kSources;
extern const std::vector<Note> kNotes;

// A media/codec pair and a builder of well-formed frames of it.
struct FrameKind {
  const char* name;  // for comments and labels, e.g. "video/vp8 key frame"
  Media media;
  Codec codec;
  size_t min_size;  // the smallest frame the builder makes (its clear header)
  Bytes (*make)(TestBytes& rng, size_t size);
};

// audio/opus, audio/none, video/vp8 key and delta frames, video/h264 IDR and non-IDR frames,
// video/vp9 and data/none. `jitsi` leaves out what the Jitsi variant does not carry.
std::vector<FrameKind> frame_kinds(framecryptor::Variant variant);

// A VP8 key frame of `size` >= 10 bytes.
Bytes vp8_key_frame(TestBytes& rng, size_t size);

// An H.264 IDR access unit (SPS, PPS, IDR slice) of `size` >= 19 bytes: the slice's NAL header
// is at offset 17, so 19 bytes stay clear.
Bytes h264_idr(TestBytes& rng, size_t size);

// The reference is the generator's oracle; an error here is a bug in the generator itself.
Result<Bytes> seal(const Params& sender, Media media, Codec codec, ByteView payload,
                   std::optional<uint64_t> ctr);
Result<Bytes> open(const Params& receiver, Media media, Codec codec, ByteView packet);
InputError oops(const std::string& file, const Error& e);

// Writes media, codec and packet (and payload when given) into test `t`.
void describe_frame(Json& t, Media media, Codec codec, ByteView packet,
                    std::optional<ByteView> payload);

// A test whose frame the receiver must reject. The oracle's error becomes the expected one; a
// frame it accepts, or an error other than `intended` (when given), is a generator bug.
std::optional<InputError> expect_rejected(Json& t, const std::string& file, const Params& receiver,
                                          Media media, Codec codec, ByteView packet,
                                          std::optional<Err> intended);

// The hostile-frame files (generate_framecryptor_hostile.cpp).
InputResult<GeneratedFile> hostile_file(framecryptor::Variant variant);

}  // namespace rtcseal::vectors::fcgen
