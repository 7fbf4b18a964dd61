// Runner for the project's own vector format (vectors/SCHEMA.md). The whole file is parsed and
// validated before any test runs, so a malformed file yields one InputError and no results.
#include <set>

#include "expected_result.h"
#include "non_answer.h"
#include "rtcseal/vectors.h"

namespace rtcseal::vectors {

namespace {

enum class Kind { Protect, Unprotect, Configure };

struct Test {
  Kind kind = Kind::Protect;
  int64_t tc_id = 0;
  std::string comment;
  std::vector<std::string> flags;
  Params params;  // configure-time parameters (the receiver's, for unprotect tests)
  Media media = Media::Audio;
  Codec codec = Codec::None;
  std::optional<uint64_t> kid, ctr;
  Bytes metadata;
  std::optional<Bytes> payload, packet;
  Expect expect = Expect::Valid;
  std::optional<Err> error;
  bool undetected = false;
  std::optional<std::string> native;
};

struct File {
  std::string scheme;
  std::vector<Test> tests;
};

InputResult<Kind> parse_kind(const JsonNode& node) {
  RTCSEAL_TRY(std::string type, node.str());
  if (type == "ProtectTest") return Kind::Protect;
  if (type == "UnprotectTest") return Kind::Unprotect;
  if (type == "ConfigureTest") return Kind::Configure;
  return node.error("unknown test group type \"" + type + "\"");
}

// Fields each group type's tests may carry.
std::optional<InputError> check_test_keys(const JsonNode& t, Kind kind) {
  switch (kind) {
    case Kind::Protect:
      return t.unknown_key({"tcId", "comment", "flags", "media", "codec", "kid", "ctr", "metadata",
                            "payload", "packet", "result"});
    case Kind::Unprotect:
      return t.unknown_key({"tcId", "comment", "flags", "media", "codec", "metadata", "payload",
                            "packet", "receiverParams", "result", "error", "outcome"});
    case Kind::Configure:
      return t.unknown_key({"tcId", "comment", "flags", "params", "result", "error", "native"});
  }
  return std::nullopt;
}

InputResult<Test> parse_test(const JsonNode& t, Kind kind, const Params& group_params,
                             const std::set<std::string>& known_flags) {
  Test test;
  test.kind = kind;
  if (auto bad = check_test_keys(t, kind)) return *bad;
  RTCSEAL_TRY(test.tc_id, t.integer("tcId"));
  if (auto c = t.find("comment")) {
    RTCSEAL_TRY(test.comment, c->str());
  }
  if (auto f = t.find("flags")) {
    RTCSEAL_TRY(test.flags, f->strings());
    for (const auto& flag : test.flags) {
      if (!known_flags.count(flag)) return f->error("flag \"" + flag + "\" is not in notes");
    }
  }
  RTCSEAL_TRY(JsonNode result_node, t.at("result"));
  RTCSEAL_TRY(test.expect, parse_expect(result_node));
  test.params = group_params;

  if (kind == Kind::Configure) {
    if (auto p = t.find("params")) {
      RTCSEAL_TRY(test.params, p->string_map());
    }
  } else {
    RTCSEAL_TRY(JsonNode media_node, t.at("media"));
    RTCSEAL_TRY(std::string media, media_node.str());
    auto m = parse_media(media);
    if (!m) return media_node.error("media must be audio, video or data");
    test.media = *m;
    if (auto c = t.find("codec")) {
      RTCSEAL_TRY(std::string codec, c->str());
      auto parsed = parse_codec(codec);
      if (!parsed) return c->error("codec must be none, opus, vp8, h264 or vp9");
      test.codec = *parsed;
    }
    if (auto md = t.find("metadata")) {
      RTCSEAL_TRY(test.metadata, md->hex());
    }
    if (auto p = t.find("payload")) {
      RTCSEAL_TRY(test.payload, p->hex());
    }
    RTCSEAL_TRY(test.packet, t.hex("packet"));
  }

  if (kind == Kind::Protect) {
    if (test.expect != Expect::Valid) return result_node.error("a ProtectTest must be valid");
    if (!test.payload) return t.error("missing field \"payload\"");
    if (auto k = t.find("kid")) {
      RTCSEAL_TRY(test.kid, k->uinteger());
    }
    if (auto c = t.find("ctr")) {
      RTCSEAL_TRY(test.ctr, c->uinteger());
    }
  }
  if (kind == Kind::Unprotect) {
    if (auto rp = t.find("receiverParams")) {
      RTCSEAL_TRY(test.params, rp->string_map());
    }
    if (auto o = t.find("outcome")) {
      RTCSEAL_TRY(std::string outcome, o->str());
      if (outcome != "undetected") return o->error("outcome must be \"undetected\"");
      if (!test.payload) return t.error("an undetected outcome needs the original payload");
      test.undetected = true;
    }
    if (test.expect == Expect::Valid && !test.payload) {
      return t.error("a valid UnprotectTest needs the payload");
    }
  }
  if (kind != Kind::Protect && test.expect != Expect::Valid) {
    if (auto e = t.find("error")) {
      RTCSEAL_TRY(std::string name, e->str());
      test.error = parse_error_name(name);
      if (!test.error) return e->error("\"" + name + "\" is not a canonical error");
    }
    if (test.error.has_value() == test.undetected) {
      return t.error("an invalid test names exactly one of \"error\" or \"outcome\"");
    }
  }
  if (auto n = t.find("native")) {
    RTCSEAL_TRY(test.native, n->str());
  }
  return test;
}

InputResult<File> parse_file(const JsonNode& root) {
  if (auto bad = root.unknown_key({"schema", "scheme", "algorithm", "generatedBy", "header",
                                   "sources", "numberOfTests", "notes", "testGroups"})) {
    return *bad;
  }
  File file;
  RTCSEAL_TRY(JsonNode scheme_node, root.at("scheme"));
  RTCSEAL_TRY(file.scheme, scheme_node.str());
  if (find_scheme(file.scheme) == nullptr) {
    return scheme_node.error("unknown scheme \"" + file.scheme + "\"");
  }
  std::set<std::string> flags;
  if (auto notes = root.find("notes")) {
    if (!notes->raw().is_object()) return notes->error("notes must be an object");
    for (auto it = notes->raw().begin(); it != notes->raw().end(); ++it) {
      RTCSEAL_TRY(JsonNode note, notes->at(it.key()));
      RTCSEAL_TRY([[maybe_unused]] std::string bug_type, note.str("bugType"));
      RTCSEAL_TRY([[maybe_unused]] std::string description, note.str("description"));
      flags.insert(it.key());
    }
  }
  RTCSEAL_TRY(int64_t declared, root.integer("numberOfTests"));
  RTCSEAL_TRY(JsonNode groups_node, root.at("testGroups"));
  RTCSEAL_TRY(auto groups, groups_node.items());
  std::set<int64_t> ids;
  for (const JsonNode& g : groups) {
    if (auto bad = g.unknown_key({"type", "comment", "params", "tests"})) return *bad;
    RTCSEAL_TRY(JsonNode type_node, g.at("type"));
    RTCSEAL_TRY(Kind kind, parse_kind(type_node));
    Params params;
    if (auto p = g.find("params")) {
      RTCSEAL_TRY(params, p->string_map());
    }
    RTCSEAL_TRY(JsonNode tests_node, g.at("tests"));
    RTCSEAL_TRY(auto tests, tests_node.items());
    for (const JsonNode& t : tests) {
      RTCSEAL_TRY(Test test, parse_test(t, kind, params, flags));
      if (!ids.insert(test.tc_id).second) {
        return t.error("duplicate tcId " + std::to_string(test.tc_id));
      }
      file.tests.push_back(std::move(test));
    }
  }
  if (declared != static_cast<int64_t>(file.tests.size())) {
    return InputError{root.file(), "/numberOfTests",
                      "declares " + std::to_string(declared) + " tests but the file has " +
                          std::to_string(file.tests.size())};
  }
  return file;
}

std::string short_hex(ByteView b) {
  std::string h = to_hex(b.first(std::min<size_t>(b.size(), 24)));
  return b.size() > 24 ? h + "...(" + std::to_string(b.size()) + " bytes)" : h;
}

// Where two byte strings first differ, for a readable failure.
std::string first_difference(ByteView want, ByteView got) {
  size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  return "differs at byte " + std::to_string(i) + ": expected " + short_hex(want) + ", got " +
         short_hex(got);
}

struct Verdict {
  Outcome outcome;
  std::string reason;
};

Verdict pass() {
  return {Outcome::Pass, ""};
}
Verdict failed(std::string why) {
  return {Outcome::Fail, std::move(why)};
}

// An error that is no verdict (non_answer.h): unsupported, a broken shim, an unmapped native code.
std::optional<Verdict> unsupported(const Error& e) {
  auto n = non_answer(e);
  if (!n) return std::nullopt;
  return Verdict{n->outcome, std::move(n->reason)};
}

// The implementation's error against the canonical one the vector names.
Verdict expect_error(const Result<Bytes>& got, Err want, const Implementation& impl) {
  if (got.ok()) {
    return failed("accepted a packet that must be rejected with " + std::string(error_name(want)));
  }
  if (auto u = unsupported(got.error())) return *u;
  if (!impl.error_means(got.error(), want)) {
    return failed("expected " + std::string(error_name(want)) + ", got " +
                  describe_error(got.error()));
  }
  return pass();
}

Verdict run_protect(const Test& t, const std::string& scheme, Implementation& impl) {
  auto sender = impl.configure(scheme, t.params);
  if (!sender)
    return unsupported(sender.error())
        .value_or(failed("configure failed: " + describe_error(sender.error())));
  ProtectInput in{t.media, t.codec, *t.payload, t.metadata, t.ctr, t.kid};
  auto packet = (*sender)->protect(in);
  if (!packet) {
    return unsupported(packet.error())
        .value_or(failed("protect failed: " + describe_error(packet.error())));
  }
  if (*packet != *t.packet) return failed("protect output " + first_difference(*t.packet, *packet));
  auto receiver = impl.configure(scheme, t.params);
  if (!receiver)
    return unsupported(receiver.error())
        .value_or(failed("receiver configure failed: " + describe_error(receiver.error())));
  auto back = (*receiver)->unprotect({t.media, t.codec, *t.packet, t.metadata});
  if (!back)
    return unsupported(back.error())
        .value_or(
            failed("unprotect of the expected packet failed: " + describe_error(back.error())));
  if (*back != *t.payload) return failed("round trip " + first_difference(*t.payload, *back));
  return pass();
}

Verdict run_unprotect(const Test& t, const std::string& scheme, Implementation& impl) {
  auto receiver = impl.configure(scheme, t.params);
  if (!receiver) {
    return unsupported(receiver.error())
        .value_or(failed("receiver configure failed: " + describe_error(receiver.error())));
  }
  auto got = (*receiver)->unprotect({t.media, t.codec, *t.packet, t.metadata});
  if (t.expect == Expect::Valid || (t.expect == Expect::Acceptable && got.ok())) {
    if (!got) {
      return unsupported(got.error())
          .value_or(failed("unprotect failed: " + describe_error(got.error())));
    }
    if (*got != *t.payload) return failed("unprotect output " + first_difference(*t.payload, *got));
    return pass();
  }
  if (t.undetected) {
    if (!got) {
      return unsupported(got.error())
          .value_or(failed("expected undetected garbage, got " + describe_error(got.error())));
    }
    if (*got == *t.payload) {
      return failed("delivered the original payload under a mismatched configuration");
    }
    return {Outcome::Undetected,
            "unauthenticated mode: the mismatch went undetected and garbage was delivered"};
  }
  return expect_error(got, *t.error, impl);
}

Verdict run_configure(const Test& t, const std::string& scheme, Implementation& impl) {
  auto ctx = impl.configure(scheme, t.params);
  if (t.expect == Expect::Valid || (t.expect == Expect::Acceptable && ctx.ok())) {
    if (!ctx) {
      return unsupported(ctx.error())
          .value_or(failed("configure rejected valid parameters: " + describe_error(ctx.error())));
    }
    return pass();
  }
  if (ctx.ok()) return failed("configure accepted parameters that must be rejected");
  if (auto u = unsupported(ctx.error())) return *u;
  if (!impl.error_means(ctx.error(), *t.error)) {
    return failed("expected " + std::string(error_name(*t.error)) + ", got " +
                  describe_error(ctx.error()));
  }
  if (t.native) {
    auto native = find_scheme(scheme)->native_error(*t.error);
    if (native != t.native) {
      return failed("native code " + native.value_or("(none)") + " differs from " + *t.native);
    }
  }
  return pass();
}

}  // namespace

InputResult<std::vector<CheckResult>> run_project_file(const JsonNode& root, Implementation& impl) {
  RTCSEAL_TRY(File file, parse_file(root));
  std::vector<CheckResult> out;
  out.reserve(file.tests.size());
  for (const Test& t : file.tests) {
    Verdict v = t.kind == Kind::Protect     ? run_protect(t, file.scheme, impl)
                : t.kind == Kind::Unprotect ? run_unprotect(t, file.scheme, impl)
                                            : run_configure(t, file.scheme, impl);
    CheckResult r;
    r.id = root.file() + "#" + std::to_string(t.tc_id);
    r.suite = "vectors";
    r.implementation = impl.name();
    r.scheme = file.scheme;
    auto mode = t.params.find("mode");
    if (mode == t.params.end()) mode = t.params.find("variant");  // framecryptor's
    r.variant = mode == t.params.end() ? "" : mode->second;
    r.source = root.file();
    r.tc_id = t.tc_id;
    r.comment = t.comment;
    r.flags = t.flags;
    r.outcome = v.outcome;
    r.reason = std::move(v.reason);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace rtcseal::vectors
