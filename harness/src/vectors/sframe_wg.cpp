// Runner for the SFrame working group's test-vectors.json (sframe-wg/sframe,
// test-vectors/test-vectors.json; RFC 9605 Appendix C cites it as [TestVectors]), read exactly as
// published: an object with the arrays "header", "aes_ctr_hmac" and "sframe". The whole file is
// parsed before any case runs, so a malformed file yields one InputError and no results.
//
// header and aes_ctr_hmac cases check the building blocks in this process (they need
// impl.runs_primitives()). An sframe case checks the key schedule the same way and then runs the
// frame through the Implementation interface, so an out-of-process implementation is held to the
// published bytes too.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "non_answer.h"
#include "rtcseal/sframe.h"
#include "rtcseal/vectors.h"

namespace rtcseal::vectors {

namespace {

struct HeaderCase {
  uint64_t kid = 0, ctr = 0;
  Bytes encoded;
};

// §4.5.1: the 48-byte AEAD key, its two halves, and one sealed message.
struct AeadCase {
  uint64_t suite = 0;
  Bytes key, enc_key, auth_key, nonce, aad, pt, ct;
};

// §4.4: the key schedule from base_key, then one protected frame.
struct FrameCase {
  uint64_t suite = 0, kid = 0, ctr = 0;
  Bytes base_key, key_label, salt_label, secret, key, salt, metadata, nonce, aad, pt, ct;
};

struct File {
  std::vector<HeaderCase> headers;
  std::vector<AeadCase> aeads;
  // Later upstream versions add this section for suites 6-8 (AES-256-CTR, registered after RFC
  // 9605); its cases are reported as unsupported, not ignored.
  std::vector<AeadCase> aeads_256;
  std::vector<FrameCase> frames;
};

InputResult<uint64_t> u64(const JsonNode& node, const char* key) {
  RTCSEAL_TRY(JsonNode field, node.at(key));
  return field.uinteger();
}

InputResult<HeaderCase> parse_header_case(const JsonNode& t) {
  HeaderCase c;
  RTCSEAL_TRY(c.kid, u64(t, "kid"));
  RTCSEAL_TRY(c.ctr, u64(t, "ctr"));
  RTCSEAL_TRY(c.encoded, t.hex("encoded"));
  return c;
}

InputResult<AeadCase> parse_aead_case(const JsonNode& t) {
  AeadCase c;
  RTCSEAL_TRY(c.suite, u64(t, "cipher_suite"));
  RTCSEAL_TRY(c.key, t.hex("key"));
  RTCSEAL_TRY(c.enc_key, t.hex("enc_key"));
  RTCSEAL_TRY(c.auth_key, t.hex("auth_key"));
  RTCSEAL_TRY(c.nonce, t.hex("nonce"));
  RTCSEAL_TRY(c.aad, t.hex("aad"));
  RTCSEAL_TRY(c.pt, t.hex("pt"));
  RTCSEAL_TRY(c.ct, t.hex("ct"));
  return c;
}

InputResult<FrameCase> parse_frame_case(const JsonNode& t) {
  FrameCase c;
  RTCSEAL_TRY(c.suite, u64(t, "cipher_suite"));
  RTCSEAL_TRY(c.kid, u64(t, "kid"));
  RTCSEAL_TRY(c.ctr, u64(t, "ctr"));
  RTCSEAL_TRY(c.base_key, t.hex("base_key"));
  RTCSEAL_TRY(c.key_label, t.hex("sframe_key_label"));
  RTCSEAL_TRY(c.salt_label, t.hex("sframe_salt_label"));
  RTCSEAL_TRY(c.secret, t.hex("sframe_secret"));
  RTCSEAL_TRY(c.key, t.hex("sframe_key"));
  RTCSEAL_TRY(c.salt, t.hex("sframe_salt"));
  RTCSEAL_TRY(c.metadata, t.hex("metadata"));
  RTCSEAL_TRY(c.nonce, t.hex("nonce"));
  RTCSEAL_TRY(c.aad, t.hex("aad"));
  RTCSEAL_TRY(c.pt, t.hex("pt"));
  RTCSEAL_TRY(c.ct, t.hex("ct"));
  return c;
}

template <typename Case, typename Parse>
InputResult<std::vector<Case>> parse_section(const JsonNode& root, const char* key, Parse parse) {
  RTCSEAL_TRY(JsonNode section, root.at(key));
  RTCSEAL_TRY(std::vector<JsonNode> items, section.items());
  std::vector<Case> out;
  out.reserve(items.size());
  for (const JsonNode& item : items) {
    if (!item.raw().is_object()) return item.error("expected an object");
    RTCSEAL_TRY(Case c, parse(item));
    out.push_back(std::move(c));
  }
  return out;
}

InputResult<File> parse_file(const JsonNode& root) {
  File f;
  RTCSEAL_TRY(f.headers, parse_section<HeaderCase>(root, "header", parse_header_case));
  RTCSEAL_TRY(f.aeads, parse_section<AeadCase>(root, "aes_ctr_hmac", parse_aead_case));
  if (root.has("aes_256_ctr_hmac")) {
    RTCSEAL_TRY(f.aeads_256, parse_section<AeadCase>(root, "aes_256_ctr_hmac", parse_aead_case));
  }
  RTCSEAL_TRY(f.frames, parse_section<FrameCase>(root, "sframe", parse_frame_case));
  return f;
}

// ---- Checks: each returns the first discrepancy, or nullopt when the case holds. ----

using Discrepancy = std::optional<std::string>;

std::string describe(const Error& e) {
  std::string s(error_name(e.code));
  return e.message.empty() ? s : s + " (" + e.message + ")";
}

template <typename A, typename B>
Discrepancy compare(const char* what, const A& want, const B& got) {
  ByteView w(want.data(), want.size()), g(got.data(), got.size());
  if (std::ranges::equal(w, g)) return std::nullopt;
  return std::string(what) + " differs from the published value: expected " + to_hex(w) + ", got " +
         to_hex(g);
}

Discrepancy check_header(const HeaderCase& c) {
  if (auto d = compare("encode(kid, ctr)", c.encoded, sframe::encode_header(c.kid, c.ctr))) {
    return d;
  }
  auto parsed = sframe::parse_header(c.encoded);
  if (!parsed) return "parse rejected the published header: " + describe(parsed.error());
  if (parsed->kid != c.kid || parsed->ctr != c.ctr || parsed->size != c.encoded.size()) {
    return "parse gave kid " + std::to_string(parsed->kid) + ", ctr " +
           std::to_string(parsed->ctr) + ", size " + std::to_string(parsed->size);
  }
  return std::nullopt;
}

Discrepancy check_aead(const sframe::Suite& suite, const AeadCase& c) {
  auto halves = sframe::split_key(suite, c.key);
  if (!halves) return "split_key: " + describe(halves.error());
  if (auto d = compare("enc_key", c.enc_key, halves->enc_key)) return d;
  if (auto d = compare("auth_key", c.auth_key, halves->auth_key)) return d;
  auto aead = sframe::Aead::create(suite, c.key);
  if (!aead) return "AEAD key rejected: " + describe(aead.error());
  auto sealed = aead->seal(c.nonce, c.aad, c.pt);
  if (!sealed) return "seal failed: " + describe(sealed.error());
  if (auto d = compare("ct", c.ct, *sealed)) return d;
  auto opened = aead->open(c.nonce, c.aad, c.ct);
  if (!opened) return "open of the published ct failed: " + describe(opened.error());
  return compare("open(ct)", c.pt, *opened);
}

// §4.4.2 and §4.4.3, step by step, in the order the file lists them.
Discrepancy check_key_schedule(const sframe::Suite& suite, const FrameCase& c) {
  auto secret = sframe::extract_secret(suite, c.base_key);
  if (!secret) return "HKDF-Extract failed: " + describe(secret.error());
  if (auto d = compare("sframe_secret", c.secret, *secret)) return d;
  if (auto d = compare("sframe_key_label", c.key_label, sframe::key_label(suite, c.kid))) return d;
  if (auto d = compare("sframe_salt_label", c.salt_label, sframe::salt_label(suite, c.kid))) {
    return d;
  }
  auto ks = sframe::derive(suite, c.kid, c.base_key);
  if (!ks) return "derive failed: " + describe(ks.error());
  if (auto d = compare("sframe_key", c.key, ks->key)) return d;
  if (auto d = compare("sframe_salt", c.salt, ks->salt)) return d;
  if (auto d = compare("nonce", c.nonce, sframe::make_nonce(ks->salt, c.ctr))) return d;
  Bytes aad = sframe::encode_header(c.kid, c.ctr);
  aad.insert(aad.end(), c.metadata.begin(), c.metadata.end());
  return compare("aad (header || metadata)", c.aad, aad);
}

struct Verdict {
  Outcome outcome = Outcome::Pass;
  std::string reason;
};

Verdict from(Discrepancy d) {
  return d ? Verdict{Outcome::Fail, std::move(*d)} : Verdict{};
}

// A failure of the implementation, unless it is no verdict (non_answer.h): unsupported, a broken
// shim, an unmapped native code.
Verdict broke(const std::string& what, const Error& e) {
  if (auto n = non_answer(e)) return {n->outcome, std::move(n->reason)};
  return {Outcome::Fail, what + ": " + describe(e)};
}

// The published frame through the Implementation: protect with the KID and CTR pinned must give
// ct exactly, and a fresh receiver must return pt.
Verdict run_frame(const FrameCase& c, Implementation& impl) {
  const Params params{{"suite", std::to_string(c.suite)},
                      {"kid", std::to_string(c.kid)},
                      {"base_key", to_hex(c.base_key)}};
  auto sender = impl.configure("sframe", params);
  if (!sender) return broke("configure failed", sender.error());
  ProtectInput in{Media::Video, Codec::None, c.pt, c.metadata, c.ctr, c.kid};
  auto packet = (*sender)->protect(in);
  if (!packet) return broke("protect failed", packet.error());
  if (auto d = compare("protected frame", c.ct, *packet)) return from(std::move(d));
  auto receiver = impl.configure("sframe", params);
  if (!receiver) return broke("receiver configure failed", receiver.error());
  auto back = (*receiver)->unprotect({Media::Video, Codec::None, c.ct, c.metadata});
  if (!back) return broke("unprotect of the published ct failed", back.error());
  return from(compare("unprotect(ct)", c.pt, *back));
}

class Runner {
 public:
  Runner(const JsonNode& root, Implementation& impl) : root_(root), impl_(impl) {}

  void headers(const std::vector<HeaderCase>& cases) {
    for (size_t i = 0; i < cases.size(); ++i) {
      const HeaderCase& c = cases[i];
      std::string comment = "kid " + std::to_string(c.kid) + ", ctr " + std::to_string(c.ctr);
      add("header", i, "header", comment,
          primitives() ? from(check_header(c)) : unsupported_primitives());
    }
  }

  void aeads(const char* section, const std::vector<AeadCase>& cases) {
    for (size_t i = 0; i < cases.size(); ++i) {
      const AeadCase& c = cases[i];
      const sframe::Suite* suite = sframe::find_suite(c.suite);
      Verdict v;
      if (suite == nullptr || suite->aead != sframe::AeadKind::AesCtrHmac) {
        v = {Outcome::Unsupported,
             "cipher suite " + std::to_string(c.suite) + " is not an RFC 9605 AES-CTR suite"};
      } else {
        v = primitives() ? from(check_aead(*suite, c)) : unsupported_primitives();
      }
      add(section, i, variant(suite, c.suite), "AEAD of RFC 9605 §4.5.1", std::move(v));
    }
  }

  void frames(const std::vector<FrameCase>& cases) {
    for (size_t i = 0; i < cases.size(); ++i) {
      const FrameCase& c = cases[i];
      const sframe::Suite* suite = sframe::find_suite(c.suite);
      Verdict v;
      if (suite == nullptr) {
        v = {Outcome::Unsupported,
             "cipher suite " + std::to_string(c.suite) + " is not defined by RFC 9605"};
      } else if (primitives()) {
        v = from(check_key_schedule(*suite, c));
      }
      if (v.outcome == Outcome::Pass) v = run_frame(c, impl_);
      add("sframe", i, variant(suite, c.suite),
          "kid " + std::to_string(c.kid) + ", ctr " + std::to_string(c.ctr), std::move(v));
    }
  }

  std::vector<CheckResult> take() { return std::move(out_); }

 private:
  bool primitives() const { return impl_.runs_primitives(); }
  Verdict unsupported_primitives() const {
    return {Outcome::Unsupported, "implementation " + impl_.name() + " does not expose primitives"};
  }
  static std::string variant(const sframe::Suite* suite, uint64_t id) {
    return suite ? std::string(suite->name) : "suite " + std::to_string(id);
  }

  // Ids follow the JSON Pointer of the case: "<file>#header/0" is /header/0.
  void add(const char* section, size_t index, std::string variant, std::string comment, Verdict v) {
    CheckResult r;
    r.id = root_.file() + "#" + section + "/" + std::to_string(index);
    r.suite = "sframe-wg";
    r.implementation = impl_.name();
    r.scheme = "sframe";
    r.variant = std::move(variant);
    r.source = root_.file();
    r.comment = std::move(comment);
    r.outcome = v.outcome;
    r.reason = std::move(v.reason);
    out_.push_back(std::move(r));
  }

  const JsonNode& root_;
  Implementation& impl_;
  std::vector<CheckResult> out_;
};

}  // namespace

bool is_sframe_wg(const nlohmann::json& doc) {
  return doc.is_object() && !doc.contains("schema") && doc.contains("header") &&
         doc.contains("aes_ctr_hmac") && doc.contains("sframe");
}

InputResult<std::vector<CheckResult>> run_sframe_wg_file(const JsonNode& root,
                                                         Implementation& impl) {
  RTCSEAL_TRY(File file, parse_file(root));
  Runner runner(root, impl);
  runner.headers(file.headers);
  runner.aeads("aes_ctr_hmac", file.aeads);
  runner.aeads("aes_256_ctr_hmac", file.aeads_256);
  runner.frames(file.frames);
  return runner.take();
}

}  // namespace rtcseal::vectors
