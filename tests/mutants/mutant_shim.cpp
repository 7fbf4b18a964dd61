// A shim speaking protocol v1 that serves the reference with exactly one deliberate bug, chosen
// by name on the command line (catalogue.json lists them and the checks that must catch each).
// It exists to measure the harness: `rtcseal conformance --impl` must flag every one of them.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include "rtcseal/implementation.h"
#include "rtcseal/shim_server.h"

namespace {

using namespace rtcseal;

enum class Bug {
  Truncation,      // the vendor sample's fixed buffers: 1024 bytes of audio, 2048 of video
  FixedNonce,      // every packet under one counter and sender id
  TagUnchecked,    // a failed tag still delivers the decryption
  XorCipher,       // a constant-XOR "cipher" instead of the scheme
  SaltIgnored,     // one built-in salt whatever the application passed
  WrongKdf,        // GCM2 keys derived with GCM's unsalted, unstretched KDF
  KeyDowngrade,    // a 256-bit mode silently runs its 128-bit sibling
  SecretOffByOne,  // a 7-character secret accepted
  WrongErrorCode,  // a tag failure reported as a malformed packet
  Crash,           // aborts on packets over 1200 bytes
  Hang,            // never answers an empty packet
  Garbage,         // answers unprotect with a line that is not protocol v1
  RekeyIgnored,    // rekey answers ok and keeps the old key
  LengthOffByOne,  // unprotect drops the last byte of the payload
};

const std::map<std::string, Bug> kBugs = {
    {"truncation", Bug::Truncation},
    {"fixed-nonce", Bug::FixedNonce},
    {"tag-unchecked", Bug::TagUnchecked},
    {"xor-cipher", Bug::XorCipher},
    {"salt-ignored", Bug::SaltIgnored},
    {"wrong-kdf", Bug::WrongKdf},
    {"key-downgrade", Bug::KeyDowngrade},
    {"secret-off-by-one", Bug::SecretOffByOne},
    {"wrong-error-code", Bug::WrongErrorCode},
    {"crash", Bug::Crash},
    {"hang", Bug::Hang},
    {"garbage", Bug::Garbage},
    {"rekey-ignored", Bug::RekeyIgnored},
    {"length-off-by-one", Bug::LengthOffByOne},
};

constexpr size_t kCrashAbove = 1200;
constexpr uint8_t kXor = 0x55;

Bytes xored(ByteView in) {
  Bytes out(in.begin(), in.end());
  for (uint8_t& b : out) b ^= kXor;
  return out;
}

class MutantContext final : public Context {
 public:
  MutantContext(Bug bug, std::unique_ptr<Context> inner) : bug_(bug), inner_(std::move(inner)) {}

  Status protect_into(const ProtectInput& in, Bytes& out) override {
    ProtectInput input = in;
    switch (bug_) {
      case Bug::Truncation: {
        const size_t buffer = in.media == Media::Audio ? 1024 : 2048;
        if (input.payload.size() > buffer) input.payload = input.payload.first(buffer);
        break;
      }
      case Bug::FixedNonce:
        input.ctr = input.ctr.value_or(1);
        input.kid = input.kid.value_or(1);
        break;
      case Bug::XorCipher:
        out = xored(in.payload);
        return {};
      case Bug::Crash:
        if (in.payload.size() > kCrashAbove) std::abort();
        break;
      default:
        break;
    }
    return inner_->protect_into(input, out);
  }

  Status unprotect_into(const UnprotectInput& in, Bytes& out) override {
    switch (bug_) {
      case Bug::XorCipher:
        out = xored(in.packet);
        return {};
      case Bug::Crash:
        if (in.packet.size() > kCrashAbove) std::abort();
        break;
      case Bug::Hang:
        while (in.packet.empty()) pause();
        break;
      default:
        break;
    }
    Status st = inner_->unprotect_into(in, out);
    if (st.ok()) {
      if (bug_ == Bug::LengthOffByOne && !out.empty()) out.pop_back();
      return st;
    }
    if (st.error().code == Err::AUTH_FAILED) {
      if (bug_ == Bug::WrongErrorCode) return fail(Err::MALFORMED_PACKET, "bad packet");
      if (bug_ == Bug::TagUnchecked) {
        // What an unchecked decryption hands on: bytes of about the payload's length.
        out.assign(in.packet.begin(), in.packet.end() - std::min<size_t>(in.packet.size(), 29));
        return {};
      }
    }
    return st;
  }

  Status rekey(const Params& params) override {
    if (bug_ == Bug::RekeyIgnored) return {};
    return inner_->rekey(params);
  }

 private:
  Bug bug_;
  std::unique_ptr<Context> inner_;
};

// The number of UTF-8 code points, as the secret rules count characters.
size_t characters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

class MutantImplementation final : public Implementation {
 public:
  explicit MutantImplementation(Bug bug) : bug_(bug), inner_(make_reference_implementation()) {}
  const std::string& name() const override { return inner_->name(); }
  bool runs_primitives() const override { return false; }

  Result<std::unique_ptr<Context>> configure(std::string_view scheme,
                                             const Params& params) override {
    Params p = params;
    auto mode = p.find("mode");
    switch (bug_) {
      case Bug::SaltIgnored:
        if (p.count("salt")) p["salt"] = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
        break;
      case Bug::WrongKdf:
        if (mode != p.end() && mode->second.ends_with("GCM2")) mode->second.pop_back();
        break;
      case Bug::KeyDowngrade:
        if (mode != p.end() && mode->second.starts_with("AES_256")) {
          mode->second.replace(4, 3, "128");
        }
        break;
      case Bug::SecretOffByOne: {
        auto secret = p.find("secret");
        if (secret != p.end() && characters(secret->second) == 7) secret->second += "_";
        break;
      }
      default:
        break;
    }
    RTCSEAL_TRY(auto inner, inner_->configure(scheme, p));
    return std::unique_ptr<Context>(std::make_unique<MutantContext>(bug_, std::move(inner)));
  }

 private:
  Bug bug_;
  std::unique_ptr<Implementation> inner_;
};

}  // namespace

int main(int argc, char** argv) {
  auto bug = argc == 2 ? kBugs.find(argv[1]) : kBugs.end();
  if (bug == kBugs.end()) {
    std::cerr << "usage: rtcseal_mutant_shim BUG, one of:";
    for (const auto& [name, _] : kBugs) std::cerr << " " << name;
    std::cerr << "\n";
    return 2;
  }
  std::ios::sync_with_stdio(false);
  MutantImplementation impl(bug->second);
  shim::Hello hello{"mutant-" + bug->first, "1", {}, {}};
  for (const Scheme* scheme : all_schemes()) hello.schemes.emplace_back(scheme->name());
  shim::ShimServer server(impl, std::move(hello));
  std::string line;
  while (!server.done() && std::getline(std::cin, line)) {
    if (bug->second == Bug::Garbage && line.find("\"unprotect\"") != std::string::npos) {
      std::cout << "OK, decrypted it for you" << std::endl;
      continue;
    }
    std::cout << server.handle_line(line) << std::endl;
  }
  return 0;
}
