#include "json_line.h"

#include <charconv>
#include <cstdint>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace rtcseal::shim {

namespace {

// Far below parse_json_text's 256, so nothing accepted here would be refused there.
constexpr int kMaxDepth = 64;

#if defined(__SSE2__)
// True when none of the 16 bytes at `p` ends a plain run: no '"', '\\', control character or
// non-ASCII byte. SSE2 checks all sixteen at once: the hex of a frame is thousands of plain
// characters.
bool plain16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed: bytes of 0x80 and above are negative, so "below 0x20" catches them too.
  const __m128i special = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
      _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
  return _mm_movemask_epi8(special) == 0;
}
#endif

class Reader {
 public:
  explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  std::optional<nlohmann::json> document() {
    auto value = this->value(0);
    skip_space();
    if (!value || p_ != end_) return std::nullopt;
    return value;
  }

 private:
  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  bool take(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  std::optional<nlohmann::json> value(int depth) {
    skip_space();
    if (p_ == end_) return std::nullopt;
    switch (*p_) {
      case '{':
        return depth < kMaxDepth ? object(depth + 1) : std::nullopt;
      case '[':
        return depth < kMaxDepth ? array(depth + 1) : std::nullopt;
      case '"': {
        auto s = string();
        if (!s) return std::nullopt;
        return nlohmann::json(std::move(*s));
      }
      case 't':
        if (literal("true")) return nlohmann::json(true);
        return std::nullopt;
      case 'f':
        if (literal("false")) return nlohmann::json(false);
        return std::nullopt;
      case 'n':
        if (literal("null")) return nlohmann::json(nullptr);
        return std::nullopt;
      default:
        return number();
    }
  }

  std::optional<nlohmann::json> object(int depth) {
    ++p_;  // '{'
    nlohmann::json out = nlohmann::json::object();
    if (take('}')) return out;
    do {
      skip_space();
      if (p_ == end_ || *p_ != '"') return std::nullopt;
      auto key = string();
      if (!key || !take(':')) return std::nullopt;
      auto member = value(depth);
      if (!member || out.contains(*key)) return std::nullopt;
      out.emplace(std::move(*key), std::move(*member));
    } while (take(','));
    if (!take('}')) return std::nullopt;
    return out;
  }

  std::optional<nlohmann::json> array(int depth) {
    ++p_;  // '['
    nlohmann::json out = nlohmann::json::array();
    if (take(']')) return out;
    do {
      auto item = value(depth);
      if (!item) return std::nullopt;
      out.push_back(std::move(*item));
    } while (take(','));
    if (!take(']')) return std::nullopt;
    return out;
  }

  // Printable ASCII is copied in runs; the short escapes are decoded; anything else declines.
  std::optional<std::string> string() {
    ++p_;  // '"'
    std::string out;
    for (;;) {
      const char* run = p_;
#if defined(__SSE2__)
      while (end_ - p_ >= 16 && plain16(p_)) p_ += 16;
#endif
      while (p_ != end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
             static_cast<unsigned char>(*p_) < 0x80) {
        ++p_;
      }
      out.append(run, p_);
      if (p_ == end_) return std::nullopt;
      if (*p_ == '"') {
        ++p_;
        return out;
      }
      if (*p_ != '\\' || ++p_ == end_) return std::nullopt;
      switch (*p_++) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        default:
          return std::nullopt;  // \u and invalid escapes
      }
    }
  }

  // nlohmann's integer types: unsigned when non-negative, signed when negative.
  std::optional<nlohmann::json> number() {
    const bool negative = *p_ == '-';
    const char* digits = negative ? p_ + 1 : p_;
    const char* q = digits;
    while (q != end_ && *q >= '0' && *q <= '9') ++q;
    if (q == digits || (*digits == '0' && q - digits > 1)) return std::nullopt;
    if (q != end_ && (*q == '.' || *q == 'e' || *q == 'E')) return std::nullopt;
    nlohmann::json out;
    if (negative) {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(p_, q, v);
      if (ec != std::errc() || end != q) return std::nullopt;
      out = v;
    } else {
      uint64_t v = 0;
      auto [end, ec] = std::from_chars(p_, q, v);
      if (ec != std::errc() || end != q) return std::nullopt;
      out = v;
    }
    p_ = q;
    return out;
  }

  const char* p_;
  const char* end_;
};

}  // namespace

std::optional<nlohmann::json> parse_plain_json(std::string_view text) {
  return Reader(text).document();
}

}  // namespace rtcseal::shim
