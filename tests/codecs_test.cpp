// The codec helpers (docs/spec.md §6) at every edge: VP8 header lengths, H.264 NAL unit
// boundaries and RBSP escaping. Expected values are worked out by hand from the rules of §6.
#include "rtcseal/codecs.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

namespace rtcseal {
namespace {

using codecs::NalUnit;

Bytes hex(const std::string& h) {
  auto b = from_hex(h);
  EXPECT_TRUE(b.ok()) << h;
  return b.ok() ? *b : Bytes{};
}

std::string units(const std::string& frame_hex) {
  std::string s;
  for (const NalUnit& u : codecs::h264_nal_units(hex(frame_hex))) {
    s.append("(").append(std::to_string(u.offset)).append(",");
    s.append(std::to_string(u.size)).append(",").append(std::to_string(u.type)).append(")");
  }
  return s;
}

std::optional<size_t> first_slice(const std::string& frame_hex) {
  return codecs::h264_first_slice_offset(hex(frame_hex));
}

// ---- VP8 (§6.1) ----

TEST(CodecsVp8, HeaderSizeByFrameType) {
  EXPECT_EQ(codecs::vp8_header_size(Bytes(10, 0x00)), 10u);  // bit 0 clear: key frame
  EXPECT_EQ(codecs::vp8_header_size(Bytes(10, 0x01)), 3u);   // bit 0 set: delta frame
  EXPECT_EQ(codecs::vp8_header_size(Bytes(3, 0xff)), 3u);    // a delta header alone
  EXPECT_EQ(codecs::vp8_header_size(Bytes(1000, 0x9c)), 10u);
  EXPECT_EQ(codecs::vp8_header_size(Bytes(1000, 0x9d)), 3u);
}

TEST(CodecsVp8, ShortFramesHaveNoHeader) {
  EXPECT_EQ(codecs::vp8_header_size({}), std::nullopt);
  EXPECT_EQ(codecs::vp8_header_size(Bytes(1, 0x01)), std::nullopt);
  EXPECT_EQ(codecs::vp8_header_size(Bytes(2, 0x01)), std::nullopt);
  EXPECT_EQ(codecs::vp8_header_size(Bytes(1, 0x00)), std::nullopt);
  EXPECT_EQ(codecs::vp8_header_size(Bytes(2, 0x00)), std::nullopt);
  EXPECT_EQ(codecs::vp8_header_size(Bytes(9, 0x00)), std::nullopt);  // key frame needs 10
}

// ---- H.264 NAL units (§6.2) ----

TEST(CodecsH264, EmptyAndTinyFramesHaveNoUnits) {
  EXPECT_EQ(units(""), "");
  EXPECT_EQ(units("00"), "");
  EXPECT_EQ(units("0000"), "");
  EXPECT_EQ(units("000001"), "");  // a start code with no header byte after it
  EXPECT_EQ(first_slice(""), std::nullopt);
  EXPECT_EQ(first_slice("65"), std::nullopt);
}

TEST(CodecsH264, NoStartCode) {
  EXPECT_EQ(units("6588840000"), "");
  EXPECT_EQ(units("0000020000030000"), "");
  EXPECT_EQ(first_slice("65888400"), std::nullopt);
}

TEST(CodecsH264, ThreeAndFourByteStartCodes) {
  EXPECT_EQ(units("00000165aa"), "(3,2,5)");
  EXPECT_EQ(units("0000000165aa"), "(4,2,5)");
  // A zero before 00 00 01 belongs to the start code: the previous unit ends before it.
  EXPECT_EQ(units("0000016742000000000141bb"), "(3,3,7)(10,2,1)");
  EXPECT_EQ(units("000001674200000141bb"), "(3,2,7)(8,2,1)");
}

TEST(CodecsH264, StartCodeAtTheVeryEnd) {
  // 00 00 01 as the last three bytes starts no unit: there is no header byte.
  EXPECT_EQ(units("00000165aa000001"), "(3,5,5)");
  EXPECT_EQ(units("00000165aa00000001"), "(3,6,5)");
  EXPECT_EQ(first_slice("00000167000001"), std::nullopt);
  // One byte more and the header byte exists, so the unit does.
  EXPECT_EQ(units("00000167aa00000165"), "(3,2,7)(8,1,5)");
  EXPECT_EQ(first_slice("00000167aa00000165"), 8u);
}

TEST(CodecsH264, TrailingZerosStayInTheUnit) {
  // Only one zero joins the next start code; the others, and zeros at the end, are the unit's.
  EXPECT_EQ(units("00000165aa0000"), "(3,4,5)");
  EXPECT_EQ(units("00000167aa000000000141"), "(3,3,7)(10,1,1)");
}

TEST(CodecsH264, LeadingDataIsIgnored) {
  EXPECT_EQ(units("aabb00000141cc"), "(5,2,1)");
  EXPECT_EQ(first_slice("aabb00000141cc"), 5u);
}

TEST(CodecsH264, UnitOfSizeZero) {
  // Two start codes back to back: the first unit is empty and has type 0.
  EXPECT_EQ(units("00000100000165"), "(3,0,0)(6,1,5)");
  EXPECT_EQ(units("0000010000000165"), "(3,0,0)(7,1,5)");
  EXPECT_EQ(first_slice("00000100000165"), 6u);
}

TEST(CodecsH264, FirstSliceTypeOneOrFiveOrNone) {
  // SPS (7), PPS (8), SEI (6) then an IDR slice (5).
  const std::string idr = "0000000167640000000168ee000001060500000165888400";
  EXPECT_EQ(units(idr), "(4,2,7)(10,2,8)(15,2,6)(20,4,5)");
  EXPECT_EQ(first_slice(idr), 20u);
  // A non-IDR slice (1) after an access unit delimiter (9).
  EXPECT_EQ(first_slice("0000000109f000000141e0"), 9u);
  // nal_ref_idc bits do not matter: 0x21 and 0x61 are type 1, 0x25 and 0x45 type 5.
  EXPECT_EQ(first_slice("00000121"), 3u);
  EXPECT_EQ(first_slice("00000161"), 3u);
  EXPECT_EQ(first_slice("00000125"), 3u);
  EXPECT_EQ(first_slice("00000145"), 3u);
  // Slice data partitions (2-4), SEI and parameter sets are not slices.
  EXPECT_EQ(first_slice("0000010200000103000001040000010600000107000001080000010c"), std::nullopt);
  // The first of several slices counts.
  EXPECT_EQ(first_slice("000001650000000141"), 3u);
}

TEST(CodecsH264, SliceHeaderAsTheLastByte) {
  // The offset is reported even when nothing follows the header byte; a caller that needs more
  // bytes after it must check the frame length itself.
  EXPECT_EQ(first_slice("0000000141"), 4u);
  EXPECT_EQ(units("0000000141"), "(4,1,1)");
}

TEST(CodecsH264, SlicePrefixNeedsTwoBytesFromTheSliceHeader) {
  auto prefix = [](const std::string& h) { return codecs::h264_slice_prefix_size(hex(h)); };
  EXPECT_EQ(prefix(""), std::nullopt);
  EXPECT_EQ(prefix("0000000167"), std::nullopt);  // no slice
  EXPECT_EQ(prefix("0000000141"), std::nullopt);  // the slice header byte is the last byte
  EXPECT_EQ(prefix("000000014188"), 6u);          // exactly the prefix: nothing left to encrypt
  EXPECT_EQ(prefix("00000001418884"), 6u);
  EXPECT_EQ(prefix("0000000167640000000165888400"), 12u);
}

// ---- RBSP (§6.3) ----

TEST(CodecsRbsp, EscapeInsertsAfterTwoZerosBeforeSmallBytes) {
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex(""))), "");
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("000000"))), "00000300");
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("000001"))), "00000301");
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("000002"))), "00000302");
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("000003"))), "00000303");
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("000004"))), "000004");
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("00ff0001"))), "00ff0001");
  // After an inserted byte the zero count restarts: 00 00 00 00 needs only one.
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("00000000"))), "0000030000");
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("0000000000"))), "00000300000300");
}

TEST(CodecsRbsp, EscapeAtBufferEnds) {
  // Zeros at the end are left alone (libwebrtc appends no final 0x03).
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("0000"))), "0000");
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("aa0000"))), "aa0000");
  // At the start, the count begins at zero.
  EXPECT_EQ(to_hex(codecs::rbsp_escape(hex("0000011122"))), "000003011122");
}

TEST(CodecsRbsp, UnescapeDropsEveryEmulationByte) {
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex(""))), "");
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("00000300"))), "000000");
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("00000301"))), "000001");
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("00000302"))), "000002");
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("00000303"))), "000003");
  // 00 00 03 at the very end still loses its 03 (ParseRbsp does not look past it).
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("aa000003"))), "aa0000");
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("000003"))), "0000");
  // Fewer than three bytes left: nothing to drop.
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("0000"))), "0000");
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("03"))), "03");
  // The scan goes on after the dropped byte without counting the zeros before it.
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("0000030000030000"))), "000000000000");
  EXPECT_EQ(to_hex(codecs::rbsp_unescape(hex("000000030001"))), "0000000001");
}

TEST(CodecsRbsp, AppendFormsAddToTheBuffer) {
  Bytes out = hex("aa");
  codecs::rbsp_escape_append(hex("000001"), out);
  EXPECT_EQ(to_hex(out), "aa00000301");
  codecs::rbsp_unescape_append(hex("000003"), out);
  EXPECT_EQ(to_hex(out), "aa000003010000");
}

// ---- Properties ----

// Byte strings rich in zeros and small values, where escaping happens.
rc::Gen<Bytes> zero_rich_bytes() {
  return rc::gen::container<Bytes>(rc::gen::weightedOneOf<uint8_t>(
      {{4, rc::gen::just<uint8_t>(0)},
       {3, rc::gen::inRange<uint8_t>(1, 4)},
       {2, rc::gen::map(rc::gen::resize(100, rc::gen::inRange(0, 256)),
                        [](int b) { return static_cast<uint8_t>(b); })}}));
}

RC_GTEST_PROP(CodecsRbspProperties, UnescapeInvertsEscape, ()) {
  const Bytes x = *zero_rich_bytes();
  RC_ASSERT(codecs::rbsp_unescape(codecs::rbsp_escape(x)) == x);
}

RC_GTEST_PROP(CodecsRbspProperties, EscapedOutputHasNoStartCodePrefix, ()) {
  const Bytes e = codecs::rbsp_escape(*zero_rich_bytes());
  for (size_t i = 0; i + 2 < e.size(); ++i) {
    // 00 00 followed by 00, 01 or 02 never appears; 00 00 03 appears only as an emulation byte,
    // which the round trip above accounts for.
    RC_ASSERT(!(e[i] == 0 && e[i + 1] == 0 && e[i + 2] <= 2));
  }
  // So no NAL unit can be found in escaped data.
  RC_ASSERT(codecs::h264_nal_units(e).empty());
}

RC_GTEST_PROP(CodecsH264Properties, UnitsStayInsideTheFrame, ()) {
  const Bytes f = *zero_rich_bytes();
  size_t previous_end = 0;
  for (const NalUnit& u : codecs::h264_nal_units(f)) {
    RC_ASSERT(u.offset >= 3);
    RC_ASSERT(u.offset < f.size());
    RC_ASSERT(u.offset + u.size <= f.size());
    RC_ASSERT(u.offset >= previous_end + 3);
    RC_ASSERT(f[u.offset - 3] == 0 && f[u.offset - 2] == 0 && f[u.offset - 1] == 1);
    RC_ASSERT(u.type == (u.size > 0 ? f[u.offset] & 0x1f : 0));
    previous_end = u.offset + u.size;
  }
}

}  // namespace
}  // namespace rtcseal
