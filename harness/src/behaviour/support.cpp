#include "support.h"

#include "non_answer.h"

namespace rtcseal::behaviour::detail {

Verdict broke(const std::string& what, const Error& e) {
  if (auto n = vectors::non_answer(e)) return {n->outcome, what + ": " + n->reason};
  return failed(what + " failed: " + vectors::describe_error(e));
}

Bytes Rng::bytes(size_t n) {
  Bytes out(n);
  for (size_t i = 0; i < n; i += 8) {
    uint64_t word = gen_();
    for (size_t j = i; j < std::min(n, i + 8); ++j, word >>= 8) out[j] = static_cast<uint8_t>(word);
  }
  return out;
}

Params merged(const Params& base, const Params& changes) {
  Params out = base;
  for (const auto& [name, value] : changes) out[name] = value;
  return out;
}

Result<Pair> configure_pair(Implementation& impl, const Target& t, const Params& receiver_changes) {
  Pair pair;
  RTCSEAL_TRY(pair.sender, impl.configure(t.scheme, t.params));
  RTCSEAL_TRY(pair.receiver, impl.configure(t.scheme, merged(t.params, receiver_changes)));
  return pair;
}

Bytes frame(const Stream& s, size_t n, Rng& rng) {
  Bytes out = s.prefix;
  Bytes rest = rng.bytes(n > out.size() ? n - out.size() : 0);
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

std::string describe_size(size_t n) {
  return std::to_string(n) + (n == 1 ? " byte" : " bytes");
}

}  // namespace rtcseal::behaviour::detail
