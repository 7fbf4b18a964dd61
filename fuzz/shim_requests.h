// The fixed requests the shim-response target answers, one per op plus a batch of two. Shared
// with the seed generator, whose replies must name the request the target will pick.
#pragma once

#include <cstdint>
#include <vector>

#include "rtcseal/shim_protocol.h"

namespace rtcseal::fuzz {

inline std::vector<shim::Request> shim_requests() {
  using shim::Op;
  auto request = [](int64_t id, Op op) {
    shim::Request r;
    r.id = id;
    r.op = op;
    r.ctx = "c1";
    return r;
  };
  std::vector<shim::Request> out;
  for (Op op :
       {Op::Hello, Op::Configure, Op::Protect, Op::Unprotect, Op::Rekey, Op::Close, Op::Shutdown}) {
    out.push_back(request(static_cast<int64_t>(out.size()) + 1, op));
  }
  shim::Request batch = request(100, Op::Batch);
  batch.requests = {request(101, Op::Protect), request(102, Op::Unprotect)};
  out.push_back(std::move(batch));
  return out;
}

}  // namespace rtcseal::fuzz
