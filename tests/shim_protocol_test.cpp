// Shim protocol v1 as lines: requests and replies encode to what docs/shim-protocol.md shows,
// decode back, and every kind of garbage reply is rejected with the JSON path of the fault. The
// server half (`rtcseal shim`) answers every line, good or bad, with exactly one line.
#include "rtcseal/shim_protocol.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>
#include <vector>

#include "rtcseal/shim_server.h"

namespace rtcseal::shim {
namespace {

Request protect_request() {
  Request r;
  r.id = 7;
  r.op = Op::Protect;
  r.ctx = "c1";
  r.media = Media::Video;
  r.codec = Codec::Vp8;
  r.payload = {0x01, 0xab};
  r.metadata = {0xff};
  r.ctr = 5;
  r.kid = 9;
  return r;
}

Request batch_of_two() {
  Request batch;
  batch.id = 10;
  batch.op = Op::Batch;
  Request a = protect_request();
  a.id = 11;
  Request b;
  b.id = 12;
  b.op = Op::Unprotect;
  b.ctx = "c1";
  b.packet = {0x00};
  batch.requests = {a, b};
  return batch;
}

TEST(ShimProtocol, EncodesRequestsAsTheDocShows) {
  EXPECT_EQ(encode_request(protect_request()),
            R"({"id":7,"op":"protect","ctx":"c1","media":"video","codec":"vp8","payload":"01ab",)"
            R"("ctr":5,"kid":9,"metadata":"ff"})");
  Request hello;
  hello.id = 1;
  EXPECT_EQ(encode_request(hello), R"({"id":1,"op":"hello","protocol":1})");
  Request bye;
  bye.id = 3;
  bye.op = Op::Shutdown;
  EXPECT_EQ(encode_request(bye), R"({"id":3,"op":"shutdown"})");
}

TEST(ShimProtocol, TypesParamsAsTheDesignLists) {
  Request r;
  r.id = 2;
  r.op = Op::Configure;
  r.ctx = "c1";
  r.scheme = "sframe";
  r.params = {{"suite", "1"}, {"kid", "18446744073709551615"}, {"base_key", "0102"}};
  auto j = nlohmann::json::parse(encode_request(r));
  EXPECT_TRUE(j["params"]["suite"].is_number_unsigned());
  EXPECT_EQ(j["params"]["kid"].get<uint64_t>(), UINT64_MAX);
  EXPECT_TRUE(j["params"]["base_key"].is_string());
  // Not canonical decimals: they stay strings, so a negative test reaches the shim unchanged.
  r.params = {{"suite", "AES_128_GCM_SHA256_128"}, {"kid", "007"}, {"ratchet_bits", "-1"}};
  j = nlohmann::json::parse(encode_request(r));
  EXPECT_EQ(j["params"]["suite"], "AES_128_GCM_SHA256_128");
  EXPECT_EQ(j["params"]["kid"], "007");
  EXPECT_EQ(j["params"]["ratchet_bits"], "-1");
  // Another scheme's digits are strings: an agora key may well be all digits.
  r.scheme = "agora-builtin";
  r.params = {{"key", "12345678"}, {"mode", "AES_128_GCM"}};
  j = nlohmann::json::parse(encode_request(r));
  EXPECT_EQ(j["params"]["key"], "12345678");
  // A rekey types its params by the context's scheme without sending it.
  r.op = Op::Rekey;
  r.scheme = "sframe";
  r.params = {{"kid", "4"}};
  EXPECT_EQ(encode_request(r), R"({"id":2,"op":"rekey","ctx":"c1","params":{"kid":4}})");
}

TEST(ShimProtocol, RequestsRoundTrip) {
  for (const Request& original : {protect_request(), batch_of_two()}) {
    auto decoded = decode_request(encode_request(original));
    ASSERT_TRUE(decoded) << decoded.error().error.what();
    EXPECT_EQ(encode_request(*decoded), encode_request(original));
  }
  // Numbers and booleans in params arrive as their decimal and true/false strings.
  auto configure = decode_request(
      R"({"id":1,"op":"configure","ctx":"a","scheme":"sframe","params":{"suite":1,"x":true,"k":"ab"}})");
  ASSERT_TRUE(configure);
  EXPECT_EQ(configure->params, (Params{{"suite", "1"}, {"x", "true"}, {"k", "ab"}}));
}

// The fast reader takes the plain lines shims write; anything else goes to nlohmann. Either way
// a request reads the same.
TEST(ShimProtocol, ReadsEveryJsonSpellingOfARequest) {
  const std::string_view kLines[] = {
      R"({"id":7,"op":"protect","ctx":"c\u00e9","media":"audio","codec":"opus","payload":"01ab"})",
      R"({"id":7,"op":"protect","ctx":"c\u00E9","media":"audio","codec":"opus","payload":"01ab"})",
      " { \"id\" : 7 , \"op\":\"protect\",\"ctx\":\"c\\u00e9\",\"media\":\"audio\","
      "\"codec\":\"opus\",\"payload\":\"01ab\",\"extra\":[1.5e3,-2,true,null,{}]}\t",
      "{\"id\":7,\"op\":\"protect\",\"ctx\":\"c\xc3\xa9\",\"media\":\"audio\",\"codec\":"
      "\"opus\",\"payload\":\"01ab\"}",
  };
  for (std::string_view line : kLines) {
    SCOPED_TRACE(line);
    auto r = decode_request(line);
    ASSERT_TRUE(r) << r.error().error.what();
    EXPECT_EQ(r->id, 7);
    EXPECT_EQ(r->ctx, "c\xc3\xa9");
    EXPECT_EQ(r->payload, (Bytes{0x01, 0xab}));
  }
  auto escaped = decode_request(R"({"id":-0,"op":"close","ctx":"a\"b\\c\/d\n"})");
  ASSERT_TRUE(escaped);
  EXPECT_EQ(escaped->id, 0);
  EXPECT_EQ(escaped->ctx, "a\"b\\c/d\n");
  for (std::string_view bad :
       {R"({"id":1,"op":"close","ctx":"x"} x)", R"({"id":01,"op":"close","ctx":"x"})",
        R"({"id":1,"op":"close","ctx":"x",})", "{\"id\":1,\"ctx\":\"\x01\"}"}) {
    SCOPED_TRACE(bad);
    auto r = decode_request(bad);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().error.what().find("invalid JSON"), std::string::npos);
  }
  // A repeated key reads as nlohmann reads it: the last one wins.
  auto twice = decode_request(R"({"id":1,"id":2,"op":"close","ctx":"x"})");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->id, 2);
}

TEST(ShimProtocol, DecodesGoodReplies) {
  auto protect =
      decode_response(R"({"id":7,"ok":true,"packet":"00ff","extra":[1]})", protect_request());
  ASSERT_TRUE(protect) << protect.error().what();
  EXPECT_EQ(*protect->packet, (Bytes{0x00, 0xff}));
  auto failure =
      decode_response(R"({"id":7,"ok":false,"error":"-120","message":"m"})", protect_request());
  ASSERT_TRUE(failure);
  EXPECT_FALSE(failure->ok);
  EXPECT_EQ(failure->error, "-120");
  EXPECT_EQ(failure->message, "m");
  Request hello;
  hello.id = 1;
  auto h = decode_response(
      R"({"id":1,"ok":true,"name":"n","version":"v","schemes":["sframe"],"features":["batch"]})",
      hello);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->hello->schemes, std::vector<std::string>{"sframe"});
  EXPECT_EQ(h->hello->features, std::vector<std::string>{"batch"});
  auto batch = decode_response(R"({"id":10,"ok":true,"responses":[{"id":11,"ok":true,"packet":""},)"
                               R"({"id":12,"ok":false,"error":"AUTH_FAILED"}]})",
                               batch_of_two());
  ASSERT_TRUE(batch) << batch.error().what();
  ASSERT_EQ(batch->responses->size(), 2u);
  EXPECT_EQ(batch->responses->at(1).error, "AUTH_FAILED");
}

// Every way a reply can break the contract, with the JSON path and words the reason must hold.
TEST(ShimProtocol, RejectsEveryKindOfGarbageReply) {
  struct Case {
    std::string reply;
    const char* reason;
  };
  const Case protect_cases[] = {
      {"", "invalid JSON"},
      {"this is not json", "invalid JSON"},
      {R"({"id":7,"ok":true,"packet":"00")", "invalid JSON"},
      // Found by shim_response_fuzzer: an exponent beyond double's range used to throw.
      {R"({"id":7,"ok":true,"packet":"00","x":1e400})", "invalid JSON: a number is out of range"},
      {"[1,2]", "expected an object"},
      {R"("just a string")", "expected an object"},
      {R"({"ok":true,"packet":"00"})", "missing field \"id\""},
      {R"({"id":"7","ok":true,"packet":"00"})", "at /id: expected an integer"},
      {R"({"id":7.5,"ok":true,"packet":"00"})", "at /id: expected an integer"},
      {R"({"id":8,"ok":true,"packet":"00"})", "at /id: expected id 7, got 8"},
      {R"({"id":7,"packet":"00"})", "missing field \"ok\""},
      {R"({"id":7,"ok":"yes","packet":"00"})", "at /ok: expected true or false"},
      {R"({"id":7,"ok":1,"packet":"00"})", "at /ok: expected true or false"},
      {R"({"id":7,"ok":false})", "missing field \"error\""},
      {R"({"id":7,"ok":false,"error":5})", "at /error: expected a string"},
      {R"({"id":7,"ok":false,"error":""})", "at /error: must not be empty"},
      {R"({"id":7,"ok":false,"error":"X","message":{}})", "at /message: expected a string"},
      {R"({"id":7,"ok":true})", "missing field \"packet\""},
      {R"({"id":7,"ok":true,"payload":"00"})", "missing field \"packet\""},
      {R"({"id":7,"ok":true,"packet":12})", "at /packet: expected a string"},
      {R"({"id":7,"ok":true,"packet":"abc"})", "at /packet: bad hex"},
      {R"({"id":7,"ok":true,"packet":"zz"})", "at /packet: bad hex"},
      {R"({"id":7,"ok":true,"packet":"AB"})", "at /packet: bad hex: uppercase"},
      {std::string(300, '[') + std::string(300, ']'), "deeper than 256"},
  };
  for (const Case& c : protect_cases) {
    auto r = decode_response(c.reply, protect_request());
    ASSERT_FALSE(r) << c.reply;
    EXPECT_NE(r.error().what().find(c.reason), std::string::npos)
        << c.reply << " -> " << r.error().what();
    EXPECT_EQ(r.error().file, "reply");
  }
  Request hello;
  hello.id = 1;
  const Case hello_cases[] = {
      {R"({"id":1,"ok":true,"name":"n","version":"v"})", "missing field \"schemes\""},
      {R"({"id":1,"ok":true,"name":"n","version":"v","schemes":"sframe"})",
       "at /schemes: expected an array"},
      {R"({"id":1,"ok":true,"name":"n","version":"v","schemes":[1]})",
       "at /schemes/0: expected a string"},
      {R"({"id":1,"ok":true,"name":"n","version":"v","schemes":[],"features":"batch"})",
       "at /features: expected an array"},
      {R"({"id":1,"ok":true,"version":"v","schemes":[]})", "missing field \"name\""},
  };
  for (const Case& c : hello_cases) {
    auto r = decode_response(c.reply, hello);
    ASSERT_FALSE(r) << c.reply;
    EXPECT_NE(r.error().what().find(c.reason), std::string::npos) << r.error().what();
  }
  const Case batch_cases[] = {
      {R"({"id":10,"ok":true})", "missing field \"responses\""},
      {R"({"id":10,"ok":true,"responses":[{"id":11,"ok":true,"packet":""}]})",
       "at /responses: expected 2 responses, got 1"},
      {R"({"id":10,"ok":true,"responses":[{"id":12,"ok":true},{"id":11,"ok":true}]})",
       "at /responses/0/id: expected id 11, got 12"},
      {R"({"id":10,"ok":true,"responses":[{"id":11,"ok":true,"packet":"0"},{"id":12,"ok":true}]})",
       "at /responses/0/packet: bad hex"},
      {R"({"id":10,"ok":true,"responses":[{"id":11,"ok":true,"packet":""},{"id":12,"ok":true}]})",
       "at /responses/1: missing field \"payload\""},
  };
  for (const Case& c : batch_cases) {
    auto r = decode_response(c.reply, batch_of_two());
    ASSERT_FALSE(r) << c.reply;
    EXPECT_NE(r.error().what().find(c.reason), std::string::npos) << r.error().what();
  }
}

// ---- The server half, in process on the reference ----

class ShimServerTest : public ::testing::Test {
 protected:
  ShimServerTest() : server_(*impl_, Hello{"test", "0", {"agora-builtin"}, {"batch"}}) {}

  nlohmann::json ask(const std::string& line) {
    std::string reply = server_.handle_line(line);
    EXPECT_EQ(reply.find('\n'), std::string::npos);
    return nlohmann::json::parse(reply);
  }

  std::unique_ptr<Implementation> impl_ = make_reference_implementation();
  ShimServer server_;
};

constexpr const char* kConfigure =
    R"({"id":2,"op":"configure","ctx":"c1","scheme":"agora-builtin",)"
    R"("params":{"mode":"AES_128_GCM","key":"0123456789abcdef"}})";

TEST_F(ShimServerTest, ServesTheReference) {
  auto hello = ask(R"({"id":1,"op":"hello","protocol":1})");
  EXPECT_EQ(hello["ok"], true);
  EXPECT_EQ(hello["schemes"], nlohmann::json::array({"agora-builtin"}));
  EXPECT_EQ(ask(kConfigure)["ok"], true);
  auto packet = ask(R"({"id":3,"op":"protect","ctx":"c1","media":"audio","codec":"opus",)"
                    R"("payload":"00112233"})");
  ASSERT_EQ(packet["ok"], true) << packet;
  auto payload = ask(R"({"id":4,"op":"unprotect","ctx":"c1","media":"audio","codec":"opus",)"
                     R"("packet":")" +
                     packet["packet"].get<std::string>() + "\"}");
  EXPECT_EQ(payload["payload"], "00112233");
  auto tampered = ask(R"({"id":5,"op":"unprotect","ctx":"c1","media":"audio","codec":"opus",)"
                      R"("packet":"00"})");
  EXPECT_EQ(tampered["ok"], false);
  EXPECT_EQ(tampered["id"], 5);
  EXPECT_TRUE(tampered["message"].is_string());
  EXPECT_EQ(ask(R"({"id":6,"op":"close","ctx":"c1"})")["ok"], true);
  EXPECT_EQ(ask(R"({"id":7,"op":"close","ctx":"c1"})")["error"], "NOT_INITIALIZED");
  EXPECT_FALSE(server_.done());
  EXPECT_EQ(ask(R"({"id":8,"op":"shutdown"})")["ok"], true);
  EXPECT_TRUE(server_.done());
}

TEST_F(ShimServerTest, AnswersBadRequestsWithoutDying) {
  struct Case {
    std::string line;
    nlohmann::json id;
    const char* code;
    const char* reason;
  };
  const Case cases[] = {
      {"garbage", nullptr, "MALFORMED_REQUEST", "invalid JSON"},
      {"", nullptr, "MALFORMED_REQUEST", "invalid JSON"},
      {"[]", nullptr, "MALFORMED_REQUEST", "expected an object"},
      {R"({"op":"hello","protocol":1})", nullptr, "MALFORMED_REQUEST", "missing field \"id\""},
      {R"({"id":4})", 4, "MALFORMED_REQUEST", "missing field \"op\""},
      {R"({"id":4,"op":"dance"})", 4, "UNIMPLEMENTED", "unknown op"},
      {R"({"id":4,"op":"hello","protocol":2})", 4, "UNIMPLEMENTED", "protocol 2"},
      {R"({"id":4,"op":"protect","ctx":"c1","media":"audio","codec":"opus","payload":"AA"})", 4,
       "MALFORMED_REQUEST", "at /payload: bad hex: uppercase"},
      {R"({"id":4,"op":"protect","ctx":"c1","media":"radio","codec":"opus","payload":""})", 4,
       "MALFORMED_REQUEST", "at /media"},
      {R"({"id":4,"op":"protect","ctx":"c1","media":"audio","codec":"opus","payload":"","ctr":-1})",
       4, "MALFORMED_REQUEST", "at /ctr"},
      {R"({"id":4,"op":"protect","ctx":"nope","media":"audio","codec":"opus","payload":""})", 4,
       "NOT_INITIALIZED", "nope"},
      {R"({"id":4,"op":"configure","ctx":"c2","scheme":"agora-builtin","params":[]})", 4,
       "MALFORMED_REQUEST", "at /params: expected an object"},
      {R"({"id":4,"op":"configure","ctx":"c2","scheme":"no-such","params":{}})", 4, "UNIMPLEMENTED",
       "no-such"},
      {R"({"id":4,"op":"batch","requests":[{"id":5,"op":"shutdown"}]})", 4, "MALFORMED_REQUEST",
       "at /requests/0/op: a batch cannot hold shutdown"},
  };
  for (const Case& c : cases) {
    auto reply = ask(c.line);
    EXPECT_EQ(reply["ok"], false) << c.line;
    EXPECT_EQ(reply["id"], c.id) << c.line;
    EXPECT_EQ(reply["error"], c.code) << c.line << " -> " << reply;
    EXPECT_NE(reply["message"].get<std::string>().find(c.reason), std::string::npos) << reply;
  }
  EXPECT_FALSE(server_.done());
}

TEST_F(ShimServerTest, BatchAnswersMatchSingleAnswers) {
  ask(kConfigure);
  const std::string ops[] = {
      R"({"id":11,"op":"protect","ctx":"c1","media":"video","codec":"vp8","payload":"0102"})",
      R"({"id":12,"op":"unprotect","ctx":"c1","media":"video","codec":"vp8","packet":"00"})",
      R"({"id":13,"op":"protect","ctx":"none","media":"video","codec":"vp8","payload":""})",
  };
  nlohmann::json singles = nlohmann::json::array();
  std::string batch = R"({"id":10,"op":"batch","requests":[)";
  for (const std::string& op : ops) {
    singles.push_back(ask(op));
    batch += (batch.back() == '[' ? "" : ",") + op;
  }
  auto reply = ask(batch + "]}");
  EXPECT_EQ(reply["id"], 10);
  EXPECT_EQ(reply["ok"], true);
  // AES-GCM packets carry a random nonce: compare the shape, and the failures exactly.
  ASSERT_EQ(reply["responses"].size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(reply["responses"][i]["id"], singles[i]["id"]);
    EXPECT_EQ(reply["responses"][i]["ok"], singles[i]["ok"]);
    EXPECT_EQ(reply["responses"][i].value("error", ""), singles[i].value("error", ""));
  }
}

TEST(ShimServe, OneLinePerRequestUntilEndOfInput) {
  auto impl = make_reference_implementation();
  ShimServer server(*impl, Hello{"test", "0", {}, {}});
  std::istringstream in(
      "{\"id\":1,\"op\":\"hello\",\"protocol\":1}\nnot json\n\n{\"id\":2,\"op\":"
      "\"close\",\"ctx\":\"x\"}");
  std::ostringstream out;
  EXPECT_EQ(serve(server, in, out), 0);
  std::istringstream lines(out.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    EXPECT_NO_THROW((void)nlohmann::json::parse(line)) << line;
    ++count;
  }
  EXPECT_EQ(count, 4);
}

// Lines longer than the server's read chunk, and ones that end exactly at a chunk's end.
TEST(ShimServe, ReadsLongLinesWhole) {
  auto impl = make_reference_implementation();
  ShimServer server(*impl, Hello{"test", "0", {}, {}});
  std::string input = R"({"id":1,"op":"configure","ctx":"c","scheme":"agora-builtin","params":)"
                      R"({"mode":"AES_128_GCM","key":"0123456789abcdef0123456789abcdef"}})"
                      "\n";
  for (size_t size : {size_t{8191}, size_t{8192}, size_t{40000}}) {
    Request r;
    r.id = static_cast<int64_t>(size);
    r.op = Op::Protect;
    r.ctx = "c";
    r.payload.assign(size, 0x5a);
    input += encode_request(r) + "\n";
  }
  std::istringstream in(input);
  std::ostringstream out;
  EXPECT_EQ(serve(server, in, out), 0);
  std::istringstream lines(out.str());
  std::string line;
  std::vector<nlohmann::json> replies;
  while (std::getline(lines, line)) replies.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(replies.size(), 4u);
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(replies[i]["ok"], true) << replies[i].dump().substr(0, 200);
    EXPECT_GT(replies[i]["packet"].get<std::string>().size(), 16000u);
  }
}

TEST(ShimServe, StopsAfterShutdown) {
  auto impl = make_reference_implementation();
  ShimServer server(*impl, Hello{"test", "0", {}, {}});
  std::istringstream in("{\"id\":1,\"op\":\"shutdown\"}\n{\"id\":2,\"op\":\"shutdown\"}\n");
  std::ostringstream out;
  EXPECT_EQ(serve(server, in, out), 0);
  EXPECT_EQ(out.str(), "{\"id\":1,\"ok\":true}\n");
}

}  // namespace
}  // namespace rtcseal::shim
