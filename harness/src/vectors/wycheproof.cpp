// Runner for Project Wycheproof's published vector files (C2SP/wycheproof testvectors_v1/ and the
// older testvectors/), read exactly as published. The kind comes from the top-level "schema" and
// the primitive from "algorithm". The whole file is parsed before any test runs, so a malformed
// file yields one InputError and no results. docs/wycheproof.md explains the semantics, the
// allow-list for "acceptable" tests and the skip cut-offs.
#include <algorithm>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "expected_result.h"
#include "rtcseal/crypto.h"
#include "rtcseal/vectors.h"

namespace rtcseal::vectors {

namespace {

using crypto::Hash;

enum class Kind { Aead, IndCpa, Pbkdf, Hkdf };

// A schema is named "<stem>_schema.json" or "<stem>_schema_v1.json": testvectors_v1/ publishes
// both spellings side by side (aead_test_schema_v1.json, hkdf_test_schema.json), testvectors/
// only the first.
struct SchemaInfo {
  std::string_view stem;
  Kind kind;
  std::string_view group_type;
};
constexpr SchemaInfo kSchemas[] = {
    {"aead_test", Kind::Aead, "AeadTest"},
    {"ind_cpa_test", Kind::IndCpa, "IndCpaTest"},
    {"pbkdf_test", Kind::Pbkdf, "PbkdfTest"},
    {"hkdf_test", Kind::Hkdf, "HkdfTest"},
};

// The "algorithm" values that run. Each schema also covers primitives the crypto layer does not
// have (ChaCha20-Poly1305, AES-CBC-PKCS5, HKDF-SHA-1, ...); those files are rejected as input.
struct Primitive {
  Kind kind;
  std::string_view algorithm;
  std::string_view scheme;  // CheckResult::scheme
  Hash hash;                // the KDFs' hash; unused by the ciphers
};
constexpr Primitive kPrimitives[] = {
    {Kind::Aead, "AES-GCM", "aes-gcm", Hash::Sha256},
    {Kind::IndCpa, "AES-XTS", "aes-xts", Hash::Sha256},
    {Kind::Pbkdf, "PBKDF2-HMACSHA256", "pbkdf2-hmac-sha256", Hash::Sha256},
    {Kind::Pbkdf, "PBKDF2-HMACSHA512", "pbkdf2-hmac-sha512", Hash::Sha512},
    {Kind::Hkdf, "HKDF-SHA-256", "hkdf-sha256", Hash::Sha256},
    {Kind::Hkdf, "HKDF-SHA-512", "hkdf-sha512", Hash::Sha512},
};

// An "acceptable" test counts as valid only when every one of its flags is listed here for its
// primitive; otherwise it counts as invalid.
struct AllowedFlag {
  std::string_view scheme;
  std::string_view flag;
  std::string_view reason;
};
constexpr AllowedFlag kAcceptableAllowList[] = {
    {"aes-gcm", "SmallIv",
     "SP 800-38D defines GCM for IVs shorter than 96 bits, and testvectors_v1 republishes these "
     "vectors as valid"},
};

// Outputs above this are skipped instead of allocated; the largest published output is
// HKDF-SHA-512's 16320 bytes.
constexpr uint64_t kMaxOutputBytes = uint64_t{1} << 20;
// PBKDF2 work per test, in HMAC computations (iterationCount x output blocks): about 0.5 s with
// SHA-256 and 1 s with SHA-512 on one core with OpenSSL 3.
constexpr uint64_t kMaxPbkdf2Work = 1'000'000;
// crypto.h takes any GCM nonce OpenSSL accepts; OpenSSL 3 caps it at 128 bytes (GCM_IV_MAX_SIZE),
// below the published 2056-bit IVs.
constexpr size_t kMaxGcmIvBytes = 128;
// Only this many bytes of a value are shown in a reason.
constexpr size_t kHexPreviewBytes = 32;

struct AeadInput {
  Bytes key, iv, aad, msg, ct, tag;
  uint64_t tag_bits = 0;
};
struct XtsInput {
  Bytes key, iv, msg, ct;
};
struct PbkdfInput {
  Bytes password, salt, dk;
  uint64_t iterations = 0, dk_len = 0;
};
struct HkdfInput {
  Bytes ikm, salt, info, okm;
  uint64_t size = 0;
};
using Input = std::variant<AeadInput, XtsInput, PbkdfInput, HkdfInput>;

struct Group {
  std::string variant;
  uint64_t tag_bits = 0;  // AEAD only
};

struct Test {
  int64_t tc_id = 0;
  std::string comment;
  std::vector<std::string> flags;
  Expect expect = Expect::Valid;
  std::string variant;
  Input input;
};

struct File {
  const Primitive* primitive = nullptr;
  std::vector<Test> tests;
};

const SchemaInfo* find_schema(std::string_view name) {
  for (const SchemaInfo& s : kSchemas) {
    if (name.starts_with(s.stem) && (name.substr(s.stem.size()) == "_schema.json" ||
                                     name.substr(s.stem.size()) == "_schema_v1.json")) {
      return &s;
    }
  }
  return nullptr;
}

const Primitive* find_primitive(Kind kind, std::string_view algorithm) {
  for (const Primitive& p : kPrimitives) {
    if (p.kind == kind && p.algorithm == algorithm) return &p;
  }
  return nullptr;
}

const AllowedFlag* find_allowed(std::string_view scheme, std::string_view flag) {
  for (const AllowedFlag& a : kAcceptableAllowList) {
    if (a.scheme == scheme && a.flag == flag) return &a;
  }
  return nullptr;
}

InputResult<uint64_t> count_field(const JsonNode& node, const std::string& key) {
  RTCSEAL_TRY(JsonNode field, node.at(key));
  return field.uinteger();
}

InputResult<Group> parse_group(const JsonNode& g, Kind kind) {
  Group group;
  switch (kind) {
    case Kind::Aead: {
      RTCSEAL_TRY(uint64_t key_bits, count_field(g, "keySize"));
      RTCSEAL_TRY(uint64_t iv_bits, count_field(g, "ivSize"));
      RTCSEAL_TRY(group.tag_bits, count_field(g, "tagSize"));
      group.variant = "keySize=" + std::to_string(key_bits) + " ivSize=" + std::to_string(iv_bits) +
                      " tagSize=" + std::to_string(group.tag_bits);
      break;
    }
    case Kind::IndCpa: {
      RTCSEAL_TRY(uint64_t key_bits, count_field(g, "keySize"));
      RTCSEAL_TRY(uint64_t iv_bits, count_field(g, "ivSize"));
      group.variant = "keySize=" + std::to_string(key_bits) + " ivSize=" + std::to_string(iv_bits);
      break;
    }
    case Kind::Hkdf:
      // The ikm size; informative only, and not in every published group.
      if (g.find("keySize")) {
        RTCSEAL_TRY(uint64_t key_bits, count_field(g, "keySize"));
        group.variant = "keySize=" + std::to_string(key_bits);
      }
      break;
    case Kind::Pbkdf:
      break;
  }
  return group;
}

InputResult<Input> parse_input(Kind kind, const JsonNode& t, const Group& group) {
  switch (kind) {
    case Kind::Aead: {
      AeadInput in;
      RTCSEAL_TRY(in.key, t.hex("key"));
      RTCSEAL_TRY(in.iv, t.hex("iv"));
      RTCSEAL_TRY(in.aad, t.hex("aad"));
      RTCSEAL_TRY(in.msg, t.hex("msg"));
      RTCSEAL_TRY(in.ct, t.hex("ct"));
      RTCSEAL_TRY(in.tag, t.hex("tag"));
      in.tag_bits = group.tag_bits;
      return Input{std::move(in)};
    }
    case Kind::IndCpa: {
      XtsInput in;
      RTCSEAL_TRY(in.key, t.hex("key"));
      RTCSEAL_TRY(in.iv, t.hex("iv"));
      RTCSEAL_TRY(in.msg, t.hex("msg"));
      RTCSEAL_TRY(in.ct, t.hex("ct"));
      return Input{std::move(in)};
    }
    case Kind::Pbkdf: {
      PbkdfInput in;
      RTCSEAL_TRY(in.password, t.hex("password"));
      RTCSEAL_TRY(in.salt, t.hex("salt"));
      RTCSEAL_TRY(in.iterations, count_field(t, "iterationCount"));
      RTCSEAL_TRY(in.dk_len, count_field(t, "dkLen"));
      RTCSEAL_TRY(in.dk, t.hex("dk"));
      return Input{std::move(in)};
    }
    case Kind::Hkdf: {
      HkdfInput in;
      RTCSEAL_TRY(in.ikm, t.hex("ikm"));
      RTCSEAL_TRY(in.salt, t.hex("salt"));
      RTCSEAL_TRY(in.info, t.hex("info"));
      RTCSEAL_TRY(in.size, count_field(t, "size"));
      RTCSEAL_TRY(in.okm, t.hex("okm"));
      return Input{std::move(in)};
    }
  }
  return t.error("unknown test kind");
}

// "comment" and "flags" are required by the v1 schemas; older files may lack them, and nothing
// depends on them, so they default to empty.
InputResult<Test> parse_test(const JsonNode& t, Kind kind, const Group& group) {
  Test test;
  RTCSEAL_TRY(test.tc_id, t.integer("tcId"));
  if (auto c = t.find("comment")) {
    RTCSEAL_TRY(test.comment, c->str());
  }
  if (auto f = t.find("flags")) {
    RTCSEAL_TRY(test.flags, f->strings());
  }
  RTCSEAL_TRY(JsonNode result_node, t.at("result"));
  RTCSEAL_TRY(test.expect, parse_expect(result_node));
  test.variant = group.variant;
  RTCSEAL_TRY(test.input, parse_input(kind, t, group));
  return test;
}

InputResult<File> parse_file(const JsonNode& root) {
  RTCSEAL_TRY(JsonNode schema_node, root.at("schema"));
  RTCSEAL_TRY(std::string schema, schema_node.str());
  const SchemaInfo* info = find_schema(schema);
  if (!info) return schema_node.error("unsupported Wycheproof schema \"" + schema + "\"");
  RTCSEAL_TRY(JsonNode algorithm_node, root.at("algorithm"));
  RTCSEAL_TRY(std::string algorithm, algorithm_node.str());
  File file;
  file.primitive = find_primitive(info->kind, algorithm);
  if (!file.primitive) {
    return algorithm_node.error("unsupported Wycheproof algorithm \"" + algorithm +
                                "\" for schema " + schema);
  }
  RTCSEAL_TRY(JsonNode groups_node, root.at("testGroups"));
  RTCSEAL_TRY(std::vector<JsonNode> groups, groups_node.items());
  std::set<int64_t> seen;
  for (const JsonNode& g : groups) {
    RTCSEAL_TRY(JsonNode type_node, g.at("type"));
    RTCSEAL_TRY(std::string type, type_node.str());
    if (type != info->group_type) {
      return type_node.error("test group type must be " + std::string(info->group_type) +
                             " for schema " + schema);
    }
    RTCSEAL_TRY(Group group, parse_group(g, info->kind));
    RTCSEAL_TRY(JsonNode tests_node, g.at("tests"));
    RTCSEAL_TRY(std::vector<JsonNode> tests, tests_node.items());
    for (const JsonNode& t : tests) {
      RTCSEAL_TRY(Test test, parse_test(t, info->kind, group));
      // tcId makes the check id, which must be unique within a run.
      if (!seen.insert(test.tc_id).second) {
        return InputError{t.file(), t.path() + "/tcId",
                          "duplicate tcId " + std::to_string(test.tc_id)};
      }
      file.tests.push_back(std::move(test));
    }
  }
  return file;
}

struct Verdict {
  Outcome outcome = Outcome::Pass;
  std::string reason;
};

Verdict failed(std::string reason) {
  return {Outcome::Fail, std::move(reason)};
}

std::string describe(const Error& e) {
  std::string out(error_name(e.code));
  return e.message.empty() ? out : out + " (" + e.message + ")";
}

std::string preview(ByteView b) {
  if (b.empty()) return "(empty)";
  if (b.size() <= kHexPreviewBytes) return to_hex(b);
  return to_hex(b.first(kHexPreviewBytes)) + "... (" + std::to_string(b.size()) + " bytes)";
}

bool same(ByteView a, ByteView b) {
  return std::ranges::equal(a, b);
}

std::string mismatch(std::string_view what, ByteView expected, ByteView got) {
  auto diff = std::ranges::mismatch(expected, got).in1 - expected.begin();
  return std::string(what) + " differs from the published value at byte " + std::to_string(diff) +
         ": expected " + preview(expected) + ", got " + preview(got);
}

std::optional<std::string> skip_reason(const AeadInput& in, const Primitive&) {
  // crypto.h: GcmKey takes 16- or 32-byte keys and tags of 4..16 whole bytes.
  if (in.key.size() != 16 && in.key.size() != 32) {
    return "the crypto layer has AES-GCM with 128- and 256-bit keys only, not " +
           std::to_string(in.key.size() * 8) + "-bit";
  }
  if (in.iv.size() > kMaxGcmIvBytes) {
    return "OpenSSL 3 takes GCM IVs of at most " + std::to_string(kMaxGcmIvBytes * 8) +
           " bits, not " + std::to_string(in.iv.size() * 8);
  }
  if (in.tag_bits % 8 != 0 || in.tag_bits < 32 || in.tag_bits > 128) {
    return "the crypto layer takes GCM tags of 32 to 128 bits in whole bytes, not tagSize=" +
           std::to_string(in.tag_bits);
  }
  return std::nullopt;
}

std::optional<std::string> skip_reason(const XtsInput& in, const Primitive&) {
  if (in.key.size() != crypto::cipher_key_size(crypto::Cipher::Aes128Xts) &&
      in.key.size() != crypto::cipher_key_size(crypto::Cipher::Aes256Xts)) {
    return "the crypto layer has AES-128-XTS and AES-256-XTS only, not a " +
           std::to_string(in.key.size() * 8) + "-bit K1||K2";
  }
  return std::nullopt;
}

std::optional<std::string> skip_reason(const PbkdfInput& in, const Primitive& p) {
  if (in.dk_len > kMaxOutputBytes) {
    return "dkLen=" + std::to_string(in.dk_len) + " is above the cut-off of " +
           std::to_string(kMaxOutputBytes) + " bytes";
  }
  if (in.iterations > std::numeric_limits<uint32_t>::max()) {
    return "iterationCount=" + std::to_string(in.iterations) +
           " does not fit the crypto layer's 32-bit count";
  }
  const uint64_t h = crypto::hash_size(p.hash);
  const uint64_t blocks = std::max<uint64_t>(1, (in.dk_len + h - 1) / h);
  if (in.iterations > kMaxPbkdf2Work / blocks) {
    return "iterationCount=" + std::to_string(in.iterations) + " for " + std::to_string(blocks) +
           " output block(s) is above the cut-off of " + std::to_string(kMaxPbkdf2Work) +
           " HMAC computations (about 1 s)";
  }
  return std::nullopt;
}

std::optional<std::string> skip_reason(const HkdfInput& in, const Primitive&) {
  if (in.size > kMaxOutputBytes) {
    return "size=" + std::to_string(in.size) + " is above the cut-off of " +
           std::to_string(kMaxOutputBytes) + " bytes";
  }
  return std::nullopt;
}

// Valid: seal must give exactly ct||tag and open must give back msg. Invalid: open must fail, and
// seal must not reproduce the invalid ciphertext (an implementation that seals with a zero-length
// IV does).
Verdict run_test(const AeadInput& in, const Primitive&, bool expect_valid) {
  const size_t tag_len = in.tag_bits / 8;
  Bytes ct_tag = in.ct;
  ct_tag.insert(ct_tag.end(), in.tag.begin(), in.tag.end());
  auto key = crypto::GcmKey::create(in.key);
  if (!key) {
    if (expect_valid) return failed("rejected the key of a valid test: " + describe(key.error()));
    return {};
  }
  auto sealed = key->seal(in.iv, in.aad, in.msg, tag_len);
  auto opened = key->open(in.iv, in.aad, ct_tag, tag_len);
  if (expect_valid) {
    if (!sealed) return failed("seal rejected a valid test: " + describe(sealed.error()));
    if (!same(*sealed, ct_tag)) return failed(mismatch("seal output ct||tag", ct_tag, *sealed));
    if (!opened) return failed("open rejected a valid ciphertext: " + describe(opened.error()));
    if (!same(*opened, in.msg)) return failed(mismatch("open output", in.msg, *opened));
    return {};
  }
  if (opened) return failed("open accepted an invalid ciphertext");
  if (sealed && same(*sealed, ct_tag)) return failed("seal produced the invalid ciphertext");
  return {};
}

// The published tweak may be shorter than a block: it is the start of the 16-byte tweak, the rest
// zero (a little-endian data unit number).
Verdict run_test(const XtsInput& in, const Primitive&, bool expect_valid) {
  const crypto::Cipher cipher = in.key.size() == crypto::cipher_key_size(crypto::Cipher::Aes128Xts)
                                    ? crypto::Cipher::Aes128Xts
                                    : crypto::Cipher::Aes256Xts;
  Bytes tweak = in.iv;
  if (tweak.size() < crypto::cipher_iv_size(cipher)) tweak.resize(crypto::cipher_iv_size(cipher));
  auto key = crypto::CipherKey::create(cipher, in.key);
  if (!key) {
    if (expect_valid) return failed("rejected the key of a valid test: " + describe(key.error()));
    return {};
  }
  auto encrypted = key->encrypt(tweak, in.msg);
  if (!expect_valid) {
    if (encrypted) return failed("encrypt accepted an invalid test");
    return {};
  }
  if (!encrypted) return failed("encrypt rejected a valid test: " + describe(encrypted.error()));
  if (!same(*encrypted, in.ct)) return failed(mismatch("ciphertext", in.ct, *encrypted));
  auto decrypted = key->decrypt(tweak, in.ct);
  if (!decrypted) return failed("decrypt rejected a valid test: " + describe(decrypted.error()));
  if (!same(*decrypted, in.msg)) return failed(mismatch("decrypt output", in.msg, *decrypted));
  return {};
}

// The KDFs: a valid test must derive exactly the published output, an invalid one must fail.
template <typename Derived>
Verdict check_derivation(const Derived& derived, ByteView expected, bool expect_valid) {
  if (!expect_valid) {
    if (derived)
      return failed("derived " + std::to_string(derived->size()) + " bytes for an invalid test");
    return {};
  }
  if (!derived) return failed("rejected a valid test: " + describe(derived.error()));
  if (!same(*derived, expected)) return failed(mismatch("derived key", expected, *derived));
  return {};
}

Verdict run_test(const PbkdfInput& in, const Primitive& p, bool expect_valid) {
  auto dk = crypto::pbkdf2(p.hash, in.password, in.salt, static_cast<uint32_t>(in.iterations),
                           static_cast<size_t>(in.dk_len));
  return check_derivation(dk, in.dk, expect_valid);
}

Verdict run_test(const HkdfInput& in, const Primitive& p, bool expect_valid) {
  auto okm = crypto::hkdf(p.hash, in.salt, in.ikm, in.info, static_cast<size_t>(in.size));
  return check_derivation(okm, in.okm, expect_valid);
}

// How a test counts, with a note for the reason when the acceptable rule decided it.
struct Treatment {
  bool valid = true;
  std::string note;
};

Treatment treat(const Test& test, std::string_view scheme) {
  if (test.expect != Expect::Acceptable) return {test.expect == Expect::Valid, ""};
  if (test.flags.empty()) {
    return {false, "acceptable test treated as invalid: it has no flag on the allow-list"};
  }
  std::string why;
  for (const std::string& flag : test.flags) {
    const AllowedFlag* allowed = find_allowed(scheme, flag);
    if (!allowed) {
      return {false,
              "acceptable test treated as invalid: flag " + flag + " is not on the allow-list"};
    }
    why += (why.empty() ? "" : "; ") + flag + ": " + std::string(allowed->reason);
  }
  return {true, "acceptable test treated as valid: every flag is on the allow-list (" + why + ")"};
}

Verdict evaluate(const Test& test, const Primitive& p, const Treatment& treatment) {
  try {
    return std::visit([&](const auto& in) { return run_test(in, p, treatment.valid); }, test.input);
  } catch (const std::exception& e) {
    return {Outcome::Error, std::string("internal failure: ") + e.what()};
  } catch (...) {
    return {Outcome::Error, "internal failure: unknown exception"};
  }
}

CheckResult check(const Test& test, const File& file, const JsonNode& root,
                  const Implementation& impl) {
  const Primitive& p = *file.primitive;
  CheckResult r;
  r.id = root.file() + "#" + std::to_string(test.tc_id);
  r.suite = "wycheproof";
  r.implementation = impl.name();
  r.scheme = std::string(p.scheme);
  r.variant = test.variant;
  r.source = root.file();
  r.tc_id = test.tc_id;
  r.comment = test.comment;
  r.flags = test.flags;
  if (!impl.runs_primitives()) {
    r.outcome = Outcome::Unsupported;
    r.reason = "implementation " + impl.name() + " does not expose primitives";
    return r;
  }
  auto skip = std::visit([&](const auto& in) { return skip_reason(in, p); }, test.input);
  if (skip) {
    r.outcome = Outcome::Skip;
    r.reason = *skip;
    return r;
  }
  Treatment treatment = treat(test, p.scheme);
  Verdict verdict = evaluate(test, p, treatment);
  r.outcome = verdict.outcome;
  r.reason = treatment.note;
  if (!verdict.reason.empty()) r.reason += (r.reason.empty() ? "" : "; ") + verdict.reason;
  return r;
}

}  // namespace

InputResult<std::vector<CheckResult>> run_wycheproof_file(const JsonNode& root,
                                                          Implementation& impl) {
  try {
    RTCSEAL_TRY(File file, parse_file(root));
    std::vector<CheckResult> results;
    results.reserve(file.tests.size());
    for (const Test& test : file.tests) results.push_back(check(test, file, root, impl));
    return results;
  } catch (const std::exception& e) {
    // Only allocation can throw here; the tests themselves catch their own failures.
    return root.error(std::string("cannot process the file: ") + e.what());
  }
}

bool is_wycheproof(const nlohmann::json& doc) {
  if (!doc.is_object() || !doc.contains("testGroups")) return false;
  auto schema = doc.find("schema");
  if (schema == doc.end() || !schema->is_string()) return false;
  const auto& name = schema->get_ref<const std::string&>();
  return name.ends_with("_schema.json") || name.ends_with("_schema_v1.json");
}

}  // namespace rtcseal::vectors
