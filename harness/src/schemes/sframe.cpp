// Scheme "sframe": RFC 9605 frames under the parameters and rules of docs/spec.md §3. The wire
// format is the same for every media kind and codec: SFrame protects the whole frame.
#include "rtcseal/sframe.h"

#include <charconv>
#include <optional>
#include <string>

#include "sframe_key_store.h"

namespace rtcseal::sframe {

namespace {

// A decimal number as the vector files and the shim protocol write it: digits only, no sign,
// no leading zero, at most 2^64-1.
std::optional<uint64_t> parse_decimal(std::string_view text) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

const std::string* find_param(const Params& params, const char* name) {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

// `suite`: the IANA value 1..5 or the suite's name (§4.5, §8.1).
Result<const Suite*> parse_suite(const std::string* text) {
  if (text == nullptr) return fail(Err::MODE_UNSUPPORTED, "suite is missing");
  if (auto id = parse_decimal(*text)) {
    if (const Suite* s = find_suite(*id)) return s;
  }
  for (const Suite& s : suites()) {
    if (s.name == *text) return &s;
  }
  return fail(Err::MODE_UNSUPPORTED, "unknown cipher suite \"" + *text + "\"");
}

// `ratchet_bits`: R of §5.1, 0..63; absent or 0 turns ratcheting off.
Result<unsigned> parse_ratchet_bits(const std::string* text) {
  if (text == nullptr) return 0u;
  auto bits = parse_decimal(*text);
  if (!bits || *bits > kMaxRatchetBits) {
    return fail(
        Err::MODE_UNSUPPORTED,
        "ratchet_bits must be 0.." + std::to_string(kMaxRatchetBits) + ", not \"" + *text + "\"");
  }
  return static_cast<unsigned>(*bits);
}

struct KeyParams {
  uint64_t kid;
  crypto::SecretBytes base_key;
};

// `base_key` (hex, at least one byte) and the `kid` that labels it.
Result<KeyParams> parse_key(const Params& params) {
  const std::string* hex = find_param(params, "base_key");
  if (hex == nullptr || hex->empty()) return fail(Err::KEY_MISSING, "base_key is missing or empty");
  auto decoded = from_hex(*hex);
  if (!decoded) return fail(Err::KEY_INVALID, "base_key: " + decoded.error().message);
  KeyParams out{0, crypto::secret_copy(*decoded)};
  crypto::wipe(decoded->data(), decoded->size());
  const std::string* kid = find_param(params, "kid");
  if (kid == nullptr || kid->empty()) return fail(Err::KEY_MISSING, "kid is missing or empty");
  auto value = parse_decimal(*kid);
  if (!value) {
    return fail(Err::KEY_INVALID, "kid must be a decimal number 0..2^64-1, not \"" + *kid + "\"");
  }
  out.kid = *value;
  return out;
}

class SframeContext final : public Context {
 public:
  SframeContext(const Suite& suite, unsigned ratchet_bits, KeyStore keys)
      : suite_(&suite), ratchet_bits_(ratchet_bits), keys_(std::move(keys)) {}

  Status protect_into(const ProtectInput& in, Bytes& out) override {
    const uint64_t kid = in.kid.value_or(keys_.sending_kid());
    KeyEntry* key = keys_.find(kid);
    if (key == nullptr) {
      // A sender moving to a later step of a generation it holds ratchets forward (§5.1).
      RTCSEAL_TRY(Pending pending, keys_.ratchet_to(kid));
      key = &keys_.commit(std::move(pending));
    }
    RTCSEAL_TRY(uint64_t ctr, next_counter(*key, in.ctr));
    out.clear();
    append_header(out, kid, ctr);
    const size_t header_size = out.size();
    out.resize(header_size + in.payload.size() + suite_->nt);
    const ByteView aad = aad_for(ByteView(out.data(), header_size), in.metadata);
    return key->aead.seal_into(make_nonce(key->salt, ctr), aad, in.payload,
                               out.data() + header_size);
  }

  Status unprotect_into(const UnprotectInput& in, Bytes& out) override {
    RTCSEAL_TRY(Header h, parse_header(in.packet));
    if (in.packet.size() < h.size + suite_->nt) {
      return fail(Err::MALFORMED_PACKET, "packet of " + std::to_string(in.packet.size()) +
                                             " bytes is shorter than its " +
                                             std::to_string(h.size) + "-byte header and " +
                                             std::to_string(suite_->nt) + "-byte tag");
    }
    KeyEntry* key = keys_.find(h.kid);
    std::optional<Pending> pending;
    if (key == nullptr) {
      RTCSEAL_TRY(pending, keys_.ratchet_to(h.kid));
      key = &pending->entry;
    }
    const ByteView sealed = in.packet.subspan(h.size);
    out.resize(sealed.size() - suite_->nt);
    auto st =
        key->aead.open_into(make_nonce(key->salt, h.ctr),
                            aad_for(in.packet.first(h.size), in.metadata), sealed, out.data());
    if (!st) {
      out.clear();  // never leave unauthenticated plaintext behind
      return st;
    }
    if (pending) keys_.commit(std::move(*pending));
    return {};
  }

  // Adds (or replaces) the key of one KID; the suite and ratchet width are fixed per context.
  Status rekey(const Params& params) override {
    if (const std::string* text = find_param(params, "suite")) {
      RTCSEAL_TRY(const Suite* suite, parse_suite(text));
      if (suite != suite_) {
        return fail(Err::MODE_UNSUPPORTED, "a context keeps its cipher suite (RFC 9605 §4.5)");
      }
    }
    if (const std::string* text = find_param(params, "ratchet_bits")) {
      RTCSEAL_TRY(unsigned bits, parse_ratchet_bits(text));
      if (bits != ratchet_bits_) return fail(Err::MODE_UNSUPPORTED, "ratchet_bits cannot change");
    }
    RTCSEAL_TRY(KeyParams key, parse_key(params));
    return keys_.add(key.kid, key.base_key);
  }

 private:
  // The pinned CTR, or the KID's next one. CTRs only grow, so no (key, nonce) pair is ever used
  // twice (RFC 9605 §7.4, §9.1): a pinned CTR below the next one is refused.
  static Result<uint64_t> next_counter(KeyEntry& key, std::optional<uint64_t> pinned) {
    if (!key.next_ctr) return fail(Err::ENCRYPT_INTERNAL, "CTR exhausted for this KID");
    if (pinned && *pinned < *key.next_ctr) {
      return fail(Err::ENCRYPT_INTERNAL,
                  "CTR " + std::to_string(*pinned) + " was already used with this KID");
    }
    const uint64_t ctr = pinned.value_or(*key.next_ctr);
    key.next_ctr = ctr == UINT64_MAX ? std::nullopt : std::optional<uint64_t>(ctr + 1);
    return ctr;
  }

  // AAD = header || metadata (§4.4.3). Without metadata the header is used where it lies.
  ByteView aad_for(ByteView header, ByteView metadata) {
    if (metadata.empty()) return header;
    aad_scratch_.assign(header.begin(), header.end());
    aad_scratch_.insert(aad_scratch_.end(), metadata.begin(), metadata.end());
    return aad_scratch_;
  }

  const Suite* suite_;
  unsigned ratchet_bits_;
  KeyStore keys_;
  Bytes aad_scratch_;
};

class SframeScheme final : public Scheme {
 public:
  std::string_view name() const override { return "sframe"; }

  Result<std::unique_ptr<Context>> configure(const Params& params) const override {
    RTCSEAL_TRY(const Suite* suite, parse_suite(find_param(params, "suite")));
    RTCSEAL_TRY(unsigned bits, parse_ratchet_bits(find_param(params, "ratchet_bits")));
    RTCSEAL_TRY(KeyParams key, parse_key(params));
    KeyStore keys(*suite, bits);
    auto st = keys.add(key.kid, key.base_key);
    if (!st) return st.error();
    return std::unique_ptr<Context>(new SframeContext(*suite, bits, std::move(keys)));
  }
};

}  // namespace

const Scheme& scheme() {
  static const SframeScheme instance;
  return instance;
}

}  // namespace rtcseal::sframe
