// Hex, base64, big-endian integers, the error catalogue and the media/codec names.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "rtcseal/bytes.h"
#include "rtcseal/error.h"
#include "rtcseal/scheme.h"

namespace rtcseal {
namespace {

Bytes B(std::string_view s) {
  return Bytes(s.begin(), s.end());
}

TEST(HexTest, RoundTripsEveryByteValue) {
  Bytes all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<uint8_t>(i));
  std::string hex = to_hex(all);
  EXPECT_EQ(hex.size(), 512u);
  EXPECT_EQ(hex.substr(0, 8), "00010203");
  EXPECT_EQ(hex.substr(504), "fcfdfeff");
  auto back = from_hex(hex);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, all);
}

TEST(HexTest, EncodesLowercase) {
  EXPECT_EQ(to_hex(Bytes{0xab, 0xcd, 0xef, 0x01}), "abcdef01");
  EXPECT_EQ(to_hex(Bytes{}), "");
}

TEST(HexTest, AcceptsUpperAndMixedCase) {
  const struct {
    std::string_view text;
    Bytes want;
  } kCases[] = {
      {"", {}},
      {"ABCDEF", {0xab, 0xcd, 0xef}},
      {"aBcD0F", {0xab, 0xcd, 0x0f}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    auto got = from_hex(c.text);
    ASSERT_TRUE(got.ok()) << got.error().message;
    EXPECT_EQ(*got, c.want);
  }
}

TEST(HexTest, AppendsAfterWhatIsThere) {
  std::string out = "x:";
  append_hex(out, Bytes{0x00, 0x9f, 0xa0});
  EXPECT_EQ(out, "x:009fa0");
}

// from_lower_hex takes eight digits per step: every length, every digit in every lane, and every
// character that is not a lowercase digit in every position must agree with from_hex.
TEST(HexTest, LowerHexAgreesWithTheStrictDecoder) {
  Bytes all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<uint8_t>(i));
  const std::string hex = to_hex(all);
  for (size_t n = 0; n <= 40; n += 2) {
    auto got = from_lower_hex(std::string_view(hex).substr(0, n));
    ASSERT_TRUE(got) << n;
    EXPECT_EQ(*got, Bytes(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n / 2)));
  }
  auto whole = from_lower_hex(hex);
  ASSERT_TRUE(whole);
  EXPECT_EQ(*whole, all);
  EXPECT_FALSE(from_lower_hex("abc"));
  for (size_t pos = 0; pos < 18; ++pos) {
    for (int c = 0; c < 256; ++c) {
      std::string text = hex.substr(0, 18);
      text[pos] = static_cast<char>(c);
      const bool lower_digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      auto got = from_lower_hex(text);
      ASSERT_EQ(got.has_value(), lower_digit) << pos << " " << c;
      if (lower_digit) {
        EXPECT_EQ(*got, from_hex(text).value());
      }
    }
  }
}

TEST(HexTest, RejectsMalformedInput) {
  const struct {
    std::string_view text;
    std::string_view message_part;
  } kCases[] = {
      {"a", "odd"},
      {"abc", "odd"},
      {"0g", "'g' at offset 1"},
      {"zz00", "'z' at offset 0"},
      {"00 1", "byte 0x20 at offset 2"},
      {"0x00", "'x' at offset 1"},
      {"12\n4", "byte 0x0a at offset 2"},
      {"-1", "'-' at offset 0"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    auto got = from_hex(c.text);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, Err::MALFORMED_PACKET);
    EXPECT_NE(got.error().message.find(c.message_part), std::string::npos) << got.error().message;
  }
}

// RFC 4648 §10.
TEST(Base64Test, Rfc4648Vectors) {
  const struct {
    std::string_view plain;
    std::string_view encoded;
  } kCases[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (bool url_safe : {false, true}) {
    for (const auto& c : kCases) {
      SCOPED_TRACE(std::string(c.plain) + (url_safe ? " url-safe" : " standard"));
      EXPECT_EQ(to_base64(B(c.plain), url_safe), c.encoded);
      auto back = from_base64(c.encoded, url_safe);
      ASSERT_TRUE(back.ok()) << back.error().message;
      EXPECT_EQ(*back, B(c.plain));
    }
  }
}

// 0xfb 0xff 0xbf encodes to the two symbols the alphabets disagree on (RFC 4648 §4 vs §5).
TEST(Base64Test, UrlSafeAlphabet) {
  const Bytes data = {0xfb, 0xff, 0xbf, 0xfe};
  EXPECT_EQ(to_base64(data), "+/+//g==");
  EXPECT_EQ(to_base64(data, true), "-_-__g==");
  auto url = from_base64("-_-__g==", true);
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(*url, data);
  auto standard = from_base64("+/+//g==");
  ASSERT_TRUE(standard.ok()) << standard.error().message;
  EXPECT_EQ(*standard, data);
  // Each alphabet rejects the other's symbols.
  EXPECT_FALSE(from_base64("-_-__g==").ok());
  EXPECT_FALSE(from_base64("+/+//g==", true).ok());
}

TEST(Base64Test, RoundTripsAllLengthsAndBytes) {
  Bytes data;
  for (int n = 0; n < 70; ++n) {
    for (bool url_safe : {false, true}) {
      auto back = from_base64(to_base64(data, url_safe), url_safe);
      ASSERT_TRUE(back.ok()) << n << ": " << back.error().message;
      EXPECT_EQ(*back, data);
    }
    data.push_back(static_cast<uint8_t>(n * 37 + 11));
  }
}

TEST(Base64Test, RejectsNonCanonicalInput) {
  const struct {
    std::string_view text;
    std::string_view message_part;
  } kCases[] = {
      // Missing or excess padding.
      {"Zg", "multiple of 4"},
      {"Zg=", "multiple of 4"},
      {"Zm8", "multiple of 4"},
      {"Zm9vY", "multiple of 4"},
      {"Zg===", "3 padding characters"},
      {"====", "4 padding characters"},
      {"A===", "3 padding characters"},
      // Padding in the middle.
      {"Zg==Zg==", "padding at offset 2"},
      {"Z=g=", "padding at offset 1"},
      // Characters outside the alphabet.
      {"Zm9v!A==", "'!' at offset 4"},
      {"Zm.v", "'.' at offset 2"},
      {"Zm\x80v", "byte 0x80 at offset 2"},
      // Whitespace anywhere, including the newline `openssl rand -base64` prints.
      {"Zm 9v", "byte 0x20 at offset 2"},
      {"Zm9v\n", "byte 0x0a at offset 4"},
      {"Zm9v\r\nYg==", "byte 0x0d at offset 4"},
      {"\tZm9v", "byte 0x09 at offset 0"},
      // Non-zero bits the padding should have left clear: "Zh==" and "Zm9=" each decode to the
      // same bytes as a canonical string.
      {"Zh==", "non-zero bits"},
      {"Zm9=", "non-zero bits"},
      {"Zm9vYh==", "non-zero bits"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    auto got = from_base64(c.text);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, Err::MALFORMED_PACKET);
    EXPECT_NE(got.error().message.find(c.message_part), std::string::npos) << got.error().message;
  }
}

TEST(BigEndianTest, PutWritesTheRequestedWidth) {
  const struct {
    uint64_t value;
    size_t width;
    Bytes want;
  } kCases[] = {
      {0, 0, {}},
      {0x01, 1, {0x01}},
      {0x0102, 2, {0x01, 0x02}},
      {0x01020304, 4, {0x01, 0x02, 0x03, 0x04}},
      {0x0102030405060708, 8, {1, 2, 3, 4, 5, 6, 7, 8}},
      {0xffffffffffffffff, 8, Bytes(8, 0xff)},
      // Narrow widths keep the low-order bytes; wide ones get leading zeros.
      {0x0102030405060708, 3, {0x06, 0x07, 0x08}},
      {0x0102, 10, {0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x02}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.width);
    Bytes out = {0xaa};  // put_be appends
    put_be(out, c.value, c.width);
    ASSERT_EQ(out.size(), 1 + c.width);
    EXPECT_EQ(out[0], 0xaa);
    EXPECT_EQ(Bytes(out.begin() + 1, out.end()), c.want);
  }
}

TEST(BigEndianTest, GetReadsUpToEightBytes) {
  EXPECT_EQ(get_be(Bytes{}), 0u);
  EXPECT_EQ(get_be(Bytes{0x7f}), 0x7fu);
  EXPECT_EQ(get_be(Bytes{0x01, 0x02, 0x03}), 0x010203u);
  EXPECT_EQ(get_be(Bytes{1, 2, 3, 4, 5, 6, 7, 8}), 0x0102030405060708u);
  // Longer input: the last 8 bytes, i.e. the value modulo 2^64.
  EXPECT_EQ(get_be(Bytes{0xee, 0xff, 1, 2, 3, 4, 5, 6, 7, 8}), 0x0102030405060708u);
}

TEST(BigEndianTest, GetInvertsPut) {
  for (uint64_t v : {uint64_t{0}, uint64_t{1}, uint64_t{0x1234}, uint64_t{0xdeadbeefcafef00d}}) {
    for (size_t width : {8u, 12u, 16u}) {
      Bytes out;
      put_be(out, v, width);
      EXPECT_EQ(get_be(out), v) << width;
    }
  }
  Bytes out;
  put_be(out, 0x0102030405, 5);
  EXPECT_EQ(get_be(out), 0x0102030405u);
}

TEST(ErrorCatalogueTest, NamesRoundTripAndAreUnique) {
  auto errors = all_errors();
  ASSERT_FALSE(errors.empty());
  std::set<std::string_view> names;
  for (size_t i = 0; i < errors.size(); ++i) {
    const ErrorInfo& e = errors[i];
    SCOPED_TRACE(e.name);
    EXPECT_EQ(static_cast<size_t>(e.code), i) << "catalogue is not in declaration order";
    EXPECT_FALSE(e.name.empty());
    EXPECT_FALSE(e.group.empty());
    EXPECT_FALSE(e.description.empty());
    EXPECT_EQ(error_name(e.code), e.name);
    EXPECT_EQ(parse_error_name(e.name), e.code);
    EXPECT_TRUE(names.insert(e.name).second) << "duplicate name";
  }
}

TEST(ErrorCatalogueTest, KnownEntries) {
  EXPECT_EQ(error_name(Err::AUTH_FAILED), "AUTH_FAILED");
  EXPECT_EQ(error_name(Err::UNIMPLEMENTED), "UNIMPLEMENTED");
  EXPECT_EQ(all_errors().front().name, "KEY_MISSING");
  EXPECT_EQ(all_errors()[static_cast<size_t>(Err::AUTH_FAILED)].group, "unprotect");
}

TEST(ErrorCatalogueTest, UnknownNamesAreRejected) {
  for (std::string_view name : {"", "auth_failed", "AUTH_FAILED ", "NOPE", "Err::AUTH_FAILED"}) {
    EXPECT_EQ(parse_error_name(name), std::nullopt) << name;
  }
}

TEST(MediaCodecTest, NamesRoundTrip) {
  const struct {
    Media media;
    std::string_view name;
  } kMedia[] = {{Media::Audio, "audio"}, {Media::Video, "video"}, {Media::Data, "data"}};
  for (const auto& m : kMedia) {
    EXPECT_EQ(media_name(m.media), m.name);
    EXPECT_EQ(parse_media(m.name), m.media);
  }
  const struct {
    Codec codec;
    std::string_view name;
  } kCodecs[] = {{Codec::None, "none"},
                 {Codec::Opus, "opus"},
                 {Codec::Vp8, "vp8"},
                 {Codec::H264, "h264"},
                 {Codec::Vp9, "vp9"}};
  for (const auto& c : kCodecs) {
    EXPECT_EQ(codec_name(c.codec), c.name);
    EXPECT_EQ(parse_codec(c.name), c.codec);
  }
}

TEST(MediaCodecTest, UnknownNamesAreRejected) {
  for (std::string_view s : {"", "Audio", "AUDIO", "screen", "audio "}) {
    EXPECT_EQ(parse_media(s), std::nullopt) << s;
  }
  for (std::string_view s : {"", "VP8", "H264", "h265", "av1", "opus "}) {
    EXPECT_EQ(parse_codec(s), std::nullopt) << s;
  }
}

}  // namespace
}  // namespace rtcseal
