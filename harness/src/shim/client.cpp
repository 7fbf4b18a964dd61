#include <algorithm>

#include "process.h"
#include "rtcseal/shim_client.h"

namespace rtcseal {

namespace {

using shim::Op;
using shim::Request;
using shim::Response;
using Clock = std::chrono::steady_clock;

// How much of stderr a message quotes, and how much of a garbage reply.
constexpr size_t kQuotedStderrBytes = 400;
constexpr size_t kQuotedReplyBytes = 120;
// A shutdown at the end waits this long at most.
constexpr std::chrono::milliseconds kShutdownTimeout{1000};

std::string excerpt(const std::string& line) {
  std::string out = line.substr(0, kQuotedReplyBytes);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return line.size() > kQuotedReplyBytes ? out + "..." : out;
}

}  // namespace

Error transport_error(std::string message) {
  return Error{Err::ENCRYPT_INTERNAL, std::move(message), Fault::Transport, {}};
}

ShimClient::ShimClient(ShimOptions options) : options_(std::move(options)) {}

ShimClient::~ShimClient() {
  if (process_ && !(options_.deadline && Clock::now() >= *options_.deadline)) {
    Request bye;
    bye.op = Op::Shutdown;
    bye.id = next_id_++;
    (void)exchange(bye, std::min(options_.request_timeout, kShutdownTimeout));
  }
  stop();
}

std::string ShimClient::stderr_tail() const {
  return process_ ? process_->stderr_tail(options_.stderr_keep_bytes) : last_stderr_;
}

void ShimClient::stop() {
  if (!process_) return;
  last_stderr_ = process_->stderr_tail(options_.stderr_keep_bytes);
  process_.reset();
}

Error ShimClient::broken(const Request& request, const std::string& what) {
  std::string message =
      "shim \"" + options_.name + "\", " + std::string(shim::op_name(request.op)) + ": " + what;
  std::string tail = process_ ? process_->stderr_tail(kQuotedStderrBytes) : std::string();
  if (!tail.empty()) message += "; stderr ends: \"" + tail + "\"";
  stop();
  return transport_error(std::move(message));
}

Result<Response> ShimClient::exchange(const Request& request, std::chrono::milliseconds timeout) {
  const auto now = Clock::now();
  auto until = now + timeout;
  bool run_deadline = false;
  if (options_.deadline && *options_.deadline <= until) {
    until = *options_.deadline;
    run_deadline = true;
  }
  if (run_deadline && now >= until) return broken(request, "run deadline exceeded");
  auto line = process_->exchange(shim::encode_request(request), until);
  if (!line) {
    if (!line.error().timed_out) return broken(request, "the shim " + line.error().reason);
    if (run_deadline) return broken(request, "run deadline exceeded");
    ++timeouts_in_a_row_;
    return broken(request, "no answer within " + std::to_string(timeout.count()) + " ms");
  }
  // A fresh process may well answer hello and configure; only a packet answered shows that the
  // shim works again.
  if (request.op == Op::Protect || request.op == Op::Unprotect || request.op == Op::Batch) {
    timeouts_in_a_row_ = 0;
  }
  auto response = shim::decode_response(*line, request);
  if (!response) {
    return broken(request,
                  "garbage reply: " + response.error().what() + " in \"" + excerpt(*line) + "\"");
  }
  if (!response->ok && response->error == shim::kMalformedRequest) {
    // The shim is alive and in step; it just could not read this request.
    return transport_error("shim \"" + options_.name + "\" could not read the " +
                           std::string(shim::op_name(request.op)) +
                           " request: " + response->message);
  }
  return std::move(response).value();
}

Result<void> ShimClient::ensure_started() {
  if (process_) return {};
  if (options_.deadline && Clock::now() >= *options_.deadline) {
    return transport_error("shim \"" + options_.name + "\": run deadline exceeded");
  }
  if (timeouts_in_a_row_ >= options_.max_timeouts_in_a_row) {
    return transport_error("shim \"" + options_.name + "\": gave up after " +
                           std::to_string(timeouts_in_a_row_) +
                           " requests in a row went unanswered");
  }
  if (failed_starts_ >= options_.max_failed_starts) {
    return transport_error("shim \"" + options_.name + "\": gave up after " +
                           std::to_string(failed_starts_) +
                           " failed starts in a row; the last: " + last_start_failure_);
  }
  auto started = shim::ShimProcess::start(options_.command, options_.stderr_keep_bytes);
  if (!started) {
    ++failed_starts_;
    last_start_failure_ = started.error().reason;
    return transport_error("shim \"" + options_.name + "\": " + last_start_failure_);
  }
  process_ = std::move(started).value();
  Request hello;
  hello.op = Op::Hello;
  hello.id = next_id_++;
  auto answer = exchange(hello, options_.request_timeout);
  if (answer && !answer->ok) {
    answer = broken(hello, "refused hello: " + answer->error + " (" + answer->message + ")");
  }
  if (!answer) {
    ++failed_starts_;
    last_start_failure_ = answer.error().message;
    stop();
    return answer.error();
  }
  hello_ = std::move(answer->hello);
  failed_starts_ = 0;
  ++generation_;
  return {};
}

Result<shim::Hello> ShimClient::hello() {
  if (auto st = ensure_started(); !st) return st.error();
  return *hello_;
}

Result<Response> ShimClient::call(Request request) {
  if (auto st = ensure_started(); !st) return st.error();
  request.id = next_id_++;
  return exchange(request, options_.request_timeout);
}

Result<std::vector<Response>> ShimClient::call_batch(std::vector<Request> requests) {
  RTCSEAL_TRY(shim::Hello hello, this->hello());
  if (std::ranges::find(hello.features, shim::kBatchFeature) == hello.features.end()) {
    std::vector<Response> out;
    for (Request& r : requests) {
      RTCSEAL_TRY(Response one, call(std::move(r)));
      out.push_back(std::move(one));
    }
    return out;
  }
  Request batch;
  batch.op = Op::Batch;
  batch.id = next_id_++;
  for (Request& r : requests) r.id = next_id_++;
  batch.requests = std::move(requests);
  const auto timeout =
      options_.request_timeout * static_cast<int64_t>(std::max<size_t>(1, batch.requests.size()));
  RTCSEAL_TRY(Response answer, exchange(batch, timeout));
  if (!answer.ok) {
    return transport_error("shim \"" + options_.name + "\" refused a batch it announced: " +
                           answer.error + " (" + answer.message + ")");
  }
  return std::move(*answer.responses);
}

}  // namespace rtcseal
