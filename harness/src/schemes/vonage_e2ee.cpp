// Scheme "vonage-e2ee" (docs/spec.md §4): parameters, the secret rules, key and KID derivation once
// per configure or rekey, the frame counter, and the two engines behind one Context.
#include "rtcseal/vonage_e2ee.h"

#include <string>

#include "vonage_engine.h"

namespace rtcseal::vonage {

std::string_view engine_name(Engine e) {
  return e == Engine::Legacy ? "legacy" : "draft01";
}

std::optional<Engine> parse_engine(std::string_view s) {
  if (s == "legacy") return Engine::Legacy;
  if (s == "draft01") return Engine::Draft01;
  return std::nullopt;
}

namespace {

using detail::EngineCrypto;

struct Settings {
  Engine engine = Engine::Draft01;
  std::string session_id;
  std::optional<std::string> connection_id;

  bool same_kid_inputs(const Settings& o) const {
    return engine == o.engine && session_id == o.session_id && connection_id == o.connection_id;
  }
};

Result<Settings> parse_settings(const Params& params) {
  Settings s;
  if (auto it = params.find("engine"); it != params.end()) {
    auto e = parse_engine(it->second);
    if (!e) {
      return fail(Err::MODE_UNSUPPORTED,
                  "engine \"" + it->second + "\" is neither legacy nor draft01");
    }
    s.engine = *e;
  }
  auto sid = params.find("session_id");
  if (sid == params.end() || sid->second.empty()) {
    // The session id salts the key derivation: without it there is no key.
    return fail(Err::KEY_MISSING, "session_id is missing or empty");
  }
  s.session_id = sid->second;
  if (auto cid = params.find("connection_id"); cid != params.end()) s.connection_id = cid->second;
  return s;
}

std::optional<std::string> secret_of(const Params& params) {
  auto it = params.find("secret");
  if (it == params.end()) return std::nullopt;
  return it->second;
}

// What configure derives; rekey builds a new one and swaps it in whole, or keeps the old.
struct Keyed {
  Settings settings;
  std::unique_ptr<EngineCrypto> crypto;
  std::optional<uint64_t> kid;  // this endpoint's sender KID, when connection_id is given
};

Result<std::optional<uint64_t>> derive_kid(const Settings& s) {
  if (!s.connection_id) return std::optional<uint64_t>{};
  if (s.engine == Engine::Legacy) return std::optional<uint64_t>(legacy_kid(*s.connection_id));
  RTCSEAL_TRY(uint64_t kid, draft01_kid(*s.connection_id, s.session_id));
  return std::optional<uint64_t>(kid);
}

// `previous` lets rekey skip the draft-01 KID's PBKDF2 when its inputs did not change.
Result<Keyed> derive(const Params& params, const Keyed* previous) {
  RTCSEAL_TRY(Settings settings, parse_settings(params));
  const auto secret = secret_of(params);
  if (auto st = validate_secret(secret); !st) return st.error();
  RTCSEAL_TRY(auto k, master_key(*secret, settings.session_id));
  RTCSEAL_TRY(auto crypto, settings.engine == Engine::Legacy ? detail::make_legacy_crypto(k)
                                                             : detail::make_draft01_crypto(k));
  std::optional<uint64_t> kid;
  if (previous != nullptr && previous->settings.same_kid_inputs(settings)) {
    kid = previous->kid;
  } else {
    RTCSEAL_TRY(kid, derive_kid(settings));
  }
  return Keyed{std::move(settings), std::move(crypto), kid};
}

class VonageContext final : public Context {
 public:
  VonageContext(Keyed keyed, Params params) : keyed_(std::move(keyed)), params_(std::move(params)) {
    params_.erase("secret");  // rekey must be given the secret again; it is not kept
  }

  Status protect_into(const ProtectInput& in, Bytes& out) override {
    const Engine engine = keyed_.settings.engine;
    RTCSEAL_TRY(size_t clear, detail::clear_prefix(engine, in.media, in.codec, in.payload));
    const uint64_t max = detail::max_field_value(keyed_.crypto->header_layout());
    if (!in.kid && !keyed_.kid) {
      return fail(Err::NOT_INITIALIZED, "no connection_id was configured and no kid is pinned");
    }
    const uint64_t kid = in.kid ? *in.kid : *keyed_.kid;
    if (kid > max) return fail(Err::ENCRYPT_INTERNAL, "the KID does not fit the SFrame header");
    uint64_t ctr = 0;
    if (in.ctr) {
      ctr = *in.ctr;
      if (ctr > max) return fail(Err::ENCRYPT_INTERNAL, "the CTR does not fit the SFrame header");
    } else {
      if (exhausted_ || counter_ > max) {
        return fail(Err::ENCRYPT_INTERNAL, "the frame counter is exhausted");
      }
      ctr = counter_;
      if (counter_ == max) {
        exhausted_ = true;
      } else {
        ++counter_;
      }
    }
    return detail::seal_frame(*keyed_.crypto, in.media, clear, in.payload, in.metadata, kid, ctr,
                              out);
  }

  Status unprotect_into(const UnprotectInput& in, Bytes& out) override {
    RTCSEAL_TRY(size_t clear,
                detail::clear_prefix(keyed_.settings.engine, in.media, in.codec, in.packet));
    return detail::open_frame(*keyed_.crypto, in.media, clear, in.packet, in.metadata, keyed_.kid,
                              out);
  }

  // The counter carries on across a rekey: the frame counter belongs to the sender, not the key.
  Status rekey(const Params& params) override {
    Params merged = params_;
    for (const auto& [k, v] : params) merged[k] = v;
    RTCSEAL_TRY(Keyed keyed, derive(merged, &keyed_));
    merged.erase("secret");
    keyed_ = std::move(keyed);
    params_ = std::move(merged);
    return {};
  }

 private:
  Keyed keyed_;
  Params params_;
  uint64_t counter_ = 0;  // SFrame senders start at 0 (draft-ietf-sframe-enc-01 "Key Selection")
  bool exhausted_ = false;
};

class VonageScheme final : public Scheme {
 public:
  std::string_view name() const override { return "vonage-e2ee"; }

  Result<std::unique_ptr<Context>> configure(const Params& params) const override {
    RTCSEAL_TRY(Keyed keyed, derive(params, nullptr));
    return std::unique_ptr<Context>(new VonageContext(std::move(keyed), params));
  }

  // The status names of the 2.27+ engine (facts §2.3). Platform error codes live in profiles.
  std::optional<std::string> native_error(Err code) const override {
    switch (code) {
      case Err::AUTH_FAILED:
        return "FAILED_TO_AUTHENTICATE";
      case Err::MALFORMED_PACKET:
      case Err::DECRYPT_INTERNAL:
        return "FAILED_TO_DECRYPT";
      case Err::ENCRYPT_INTERNAL:
        return "FAILED_TO_ENCRYPT";
      default:
        return std::nullopt;
    }
  }
};

}  // namespace

const Scheme& scheme() {
  static const VonageScheme instance;
  return instance;
}

}  // namespace rtcseal::vonage
