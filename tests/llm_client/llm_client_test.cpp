// Tests of the chat client and its cache against tests/llm_client/fixture_llm_server.py, a
// scripted OpenAI-compatible server started per test on an ephemeral port: real HTTP, real
// timeouts, real retries (with the backoff sleep injected so nothing waits for long).

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "fixture_server.h"
#include "llm_client/cache.h"
#include "llm_client/client.h"
#include "llm_client/patch.h"
#include "llm_client/retry.h"
#include "llm_client/sha256.h"

namespace veriloop::llm {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using fixture::FixtureServer;
namespace fs = std::filesystem;

/// The design the fixture's patches are written against.
const std::vector<SourceFile> kCounterDesign = {
    {"rtl/counter.sv", R"(module counter (
    input  logic       clk,
    input  logic       rst_n,
    output logic [7:0] count
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) count <= 8'd0;
        else        count <= count - 8'd1;
    end
endmodule
)"},
    {"tb/tb_counter.sv", "module tb_counter; endmodule\n"},
};

ChatRequest repairRequest(const std::string& marker = {})
{
    return ChatRequest{{{"system", "You fix RTL bugs."},
                        {"user", "The counter counts down; fix it. " + marker}},
                       std::nullopt};
}

class LlmClientTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!fixture::fixtureAvailable()) GTEST_SKIP() << "no Python 3 for the fixture server";
        // A proxy from the environment must not intercept requests to the local fixture.
        setenv("NO_PROXY", "127.0.0.1,localhost", 1);
        setenv("no_proxy", "127.0.0.1,localhost", 1);
        std::string pattern = (fs::temp_directory_path() / "veriloop-llm-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir = pattern;
    }

    void TearDown() override
    {
        server.reset();
        if (!dir.empty()) fs::remove_all(dir);
    }

    void startServer(const std::string& scenario, double hangSeconds = 30)
    {
        std::string error;
        server = FixtureServer::start(scenario, dir / "requests.jsonl", error, hangSeconds);
        ASSERT_TRUE(server) << error;
    }

    LlmConfig config() const
    {
        LlmConfig c;
        c.baseUrl = server ? server->baseUrl() : "";
        c.model = "fixture-model";
        c.apiKey = "test-key";
        c.temperature = 0.2;
        c.topP = 0.9;
        c.seed = 1234;
        c.maxTokens = 512;
        c.connectTimeout = 2000ms;
        c.totalTimeout = 5000ms;
        c.maxRetries = 3;
        c.backoffInitial = 100ms;
        c.backoffMax = 1000ms;
        return c;
    }

    /// Hooks that record every backoff instead of sleeping.
    ClientHooks recordingHooks()
    {
        ClientHooks hooks;
        hooks.sleep = [this](milliseconds d) { sleeps.push_back(d); };
        hooks.jitterSeed = 7;
        return hooks;
    }

    fs::path dir;
    std::optional<FixtureServer> server;
    std::vector<milliseconds> sleeps;
};

TEST_F(LlmClientTest, GoodPatchReplyIsParsedAndAppliedToTheDesign)
{
    ASSERT_NO_FATAL_FAILURE(startServer("good-patch"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->attempts, 1);
    EXPECT_FALSE(result->fromCache);
    EXPECT_EQ(result->finishReason, "stop");
    EXPECT_EQ(result->model, "fixture-model");
    EXPECT_GT(result->usage.promptTokens, 0);
    EXPECT_GT(result->usage.completionTokens, 0);
    EXPECT_EQ(result->usage.totalTokens,
              result->usage.promptTokens + result->usage.completionTokens);
    EXPECT_EQ(result->requestKey.size(), 64u);

    auto patched = applyReply(result->content, kCounterDesign);
    ASSERT_TRUE(patched) << patched.error().format();
    EXPECT_EQ(patched->changed, std::vector<std::string>{"rtl/counter.sv"});
    EXPECT_NE(patched->files[0].text.find("count <= count + 8'd1;"), std::string::npos);
    EXPECT_EQ(patched->files[0].text.find("count - 8'd1"), std::string::npos);
    EXPECT_EQ(patched->files[1].text, kCounterDesign[1].text);
    EXPECT_TRUE(sleeps.empty());
}

TEST_F(LlmClientTest, StructuredReplySendsJsonSchemaAndCarriesTheDiff)
{
    ASSERT_NO_FATAL_FAILURE(startServer("good-structured"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    ChatRequest request = repairRequest();
    request.responseFormat = diffResponseFormat();
    auto result = client->complete(request);
    ASSERT_TRUE(result) << result.error().format();

    auto sent = server->requests();
    ASSERT_EQ(sent.size(), 1u);
    const auto& format = sent[0]["body"]["response_format"];
    EXPECT_EQ(format["type"], "json_schema");
    EXPECT_EQ(format["json_schema"]["name"], "patch");
    EXPECT_EQ(format["json_schema"]["strict"], true);
    EXPECT_EQ(format["json_schema"]["schema"]["required"], nlohmann::json({"diff", "explanation"}));

    auto patched = applyReply(result->content, kCounterDesign);
    ASSERT_TRUE(patched) << patched.error().format();
    EXPECT_NE(patched->files[0].text.find("count + 8'd1"), std::string::npos);
}

TEST_F(LlmClientTest, RequestBodyCarriesModelAndSamplingParameters)
{
    ASSERT_NO_FATAL_FAILURE(startServer("echo"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_TRUE(result) << result.error().format();

    auto sent = server->requests();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0]["path"], "/v1/chat/completions");
    EXPECT_EQ(sent[0]["headers"]["authorization"], "Bearer test-key");
    EXPECT_EQ(sent[0]["headers"]["content-type"], "application/json");
    const auto& body = sent[0]["body"];
    EXPECT_EQ(body["model"], "fixture-model");
    EXPECT_DOUBLE_EQ(body["temperature"].get<double>(), 0.2);
    EXPECT_DOUBLE_EQ(body["top_p"].get<double>(), 0.9);
    EXPECT_EQ(body["seed"], 1234);
    EXPECT_EQ(body["max_tokens"], 512);
    ASSERT_EQ(body["messages"].size(), 2u);
    EXPECT_EQ(body["messages"][0]["role"], "system");
    EXPECT_FALSE(body.contains("response_format"));
    // The fixture echoes what it parsed: the client sent exactly the canonical request.
    auto echoed = nlohmann::json::parse(result->content);
    EXPECT_EQ(echoed, buildRequestJson(config(), repairRequest()));
    EXPECT_EQ(result->requestKey,
              sha256Hex(canonicalJson(buildRequestJson(config(), repairRequest()))));
}

TEST_F(LlmClientTest, DefaultTemperatureAndTopPAreAlwaysSent)
{
    ASSERT_NO_FATAL_FAILURE(startServer("echo"));
    LlmConfig c;
    c.baseUrl = server->baseUrl();
    c.model = "fixture-model";
    auto client = LlmClient::create(c, recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    ASSERT_TRUE(client->complete(repairRequest()));
    auto sent = server->requests();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_TRUE(sent[0]["body"].contains("temperature"));
    EXPECT_TRUE(sent[0]["body"].contains("top_p"));
    EXPECT_FALSE(sent[0]["body"].contains("seed"));
    EXPECT_FALSE(sent[0]["headers"].contains("authorization"));
}

TEST_F(LlmClientTest, MalformedJsonBodyIsAMalformedResponseAndNotRetried)
{
    ASSERT_NO_FATAL_FAILURE(startServer("malformed-json"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::MalformedResponse);
    EXPECT_NE(result.error().message.find("not JSON"), std::string::npos);
    EXPECT_EQ(result.error().attempts, 1);
    EXPECT_EQ(server->requests().size(), 1u);
    EXPECT_TRUE(sleeps.empty());
}

TEST_F(LlmClientTest, ReplyWithoutChoicesIsAMalformedResponse)
{
    ASSERT_NO_FATAL_FAILURE(startServer("missing-content"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::MalformedResponse);
    EXPECT_NE(result.error().message.find("choices"), std::string::npos);
}

TEST_F(LlmClientTest, RateLimitHonorsRetryAfterThenSucceeds)
{
    ASSERT_NO_FATAL_FAILURE(startServer("rate-limit-then-ok"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->attempts, 2);
    EXPECT_EQ(server->requests().size(), 2u);
    // Retry-After: 1 wins over the 100 ms exponential backoff.
    EXPECT_EQ(sleeps, std::vector<milliseconds>{1000ms});
}

TEST_F(LlmClientTest, BackoffScaleShortensRealSleeps)
{
    ASSERT_NO_FATAL_FAILURE(startServer("rate-limit-then-ok"));
    LlmConfig c = config();
    c.backoffScale = 0.01;  // Retry-After: 1 s becomes 10 ms
    auto client = LlmClient::create(c);  // the real sleep
    ASSERT_TRUE(client) << client.error().format();
    auto begin = std::chrono::steady_clock::now();
    auto result = client->complete(repairRequest());
    auto elapsed = std::chrono::steady_clock::now() - begin;
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->attempts, 2);
    EXPECT_GE(elapsed, 10ms);
    EXPECT_LT(elapsed, 900ms);
}

TEST_F(LlmClientTest, ServerErrorThenSuccessRetriesWithJitteredBackoff)
{
    ASSERT_NO_FATAL_FAILURE(startServer("error-then-ok"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->attempts, 2);
    EXPECT_EQ(server->requests().size(), 2u);
    ASSERT_EQ(sleeps.size(), 1u);
    EXPECT_GE(sleeps[0], 50ms);
    EXPECT_LE(sleeps[0], 100ms);
}

TEST_F(LlmClientTest, PersistentServerErrorGivesUpAfterMaxRetries)
{
    ASSERT_NO_FATAL_FAILURE(startServer("always-503"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::HttpStatus);
    EXPECT_EQ(result.error().httpStatus, 503);
    EXPECT_EQ(result.error().attempts, 4);
    EXPECT_NE(result.error().message.find("overloaded"), std::string::npos);
    EXPECT_NE(result.error().message.find("gave up after 4 attempts"), std::string::npos);
    EXPECT_EQ(server->requests().size(), 4u);
    ASSERT_EQ(sleeps.size(), 3u);  // exponential: nominal 100, 200, 400 ms, jittered to [d/2, d]
    for (size_t i = 0; i < sleeps.size(); ++i) {
        milliseconds nominal = 100ms * (1 << i);
        EXPECT_GE(sleeps[i], nominal / 2) << "retry " << i;
        EXPECT_LE(sleeps[i], nominal) << "retry " << i;
    }
}

TEST_F(LlmClientTest, RetryAfterBeyondTheLimitGivesUpAtOnce)
{
    ASSERT_NO_FATAL_FAILURE(startServer("retry-after-long"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::HttpStatus);
    EXPECT_EQ(result.error().httpStatus, 429);
    EXPECT_EQ(result.error().attempts, 1);
    EXPECT_NE(result.error().message.find("3600000 ms"), std::string::npos);
    EXPECT_TRUE(sleeps.empty());
}

TEST_F(LlmClientTest, ClientErrorStatusIsNotRetried)
{
    ASSERT_NO_FATAL_FAILURE(startServer("bad-request"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::HttpStatus);
    EXPECT_EQ(result.error().httpStatus, 400);
    EXPECT_NE(result.error().message.find("unknown model 'nope'"), std::string::npos);
    EXPECT_EQ(server->requests().size(), 1u);
}

TEST_F(LlmClientTest, HangPastTotalTimeoutReturnsTimeoutPromptly)
{
    ASSERT_NO_FATAL_FAILURE(startServer("hang"));
    LlmConfig c = config();
    c.totalTimeout = 300ms;
    auto client = LlmClient::create(c, recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto begin = std::chrono::steady_clock::now();
    auto result = client->complete(repairRequest());
    auto elapsed = std::chrono::steady_clock::now() - begin;
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::Timeout);
    EXPECT_NE(result.error().message.find("total timeout"), std::string::npos);
    EXPECT_EQ(result.error().attempts, 1);  // a hung generation is not retried by default
    EXPECT_GE(elapsed, 250ms);
    EXPECT_LT(elapsed, 2s);
}

TEST_F(LlmClientTest, HangIsRetriedOnlyWhenRetryOnTimeoutIsSet)
{
    ASSERT_NO_FATAL_FAILURE(startServer("hang"));
    LlmConfig c = config();
    c.totalTimeout = 200ms;
    c.maxRetries = 1;
    c.retryOnTimeout = true;
    auto client = LlmClient::create(c, recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::Timeout);
    EXPECT_EQ(result.error().attempts, 2);
    EXPECT_EQ(sleeps.size(), 1u);
    EXPECT_EQ(server->requests().size(), 2u);
}

TEST_F(LlmClientTest, TruncatedBodyIsAConnectionErrorAndIsRetried)
{
    ASSERT_NO_FATAL_FAILURE(startServer("truncated"));
    LlmConfig c = config();
    c.maxRetries = 1;
    auto client = LlmClient::create(c, recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::Connection);
    EXPECT_NE(result.error().message.find("truncated"), std::string::npos);
    EXPECT_EQ(result.error().attempts, 2);
    EXPECT_EQ(server->requests().size(), 2u);
}

TEST_F(LlmClientTest, RefusedConnectionIsAConnectionError)
{
    ASSERT_NO_FATAL_FAILURE(startServer("good-patch"));
    LlmConfig c = config();  // the URL of a server that is no longer there
    server->stop();
    c.maxRetries = 1;
    auto client = LlmClient::create(c, recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::Connection);
    EXPECT_EQ(result.error().attempts, 2);
    EXPECT_EQ(sleeps.size(), 1u);
}

TEST_F(LlmClientTest, ReplyPatchingAFileOutsideTheDesignIsRejected)
{
    ASSERT_NO_FATAL_FAILURE(startServer("outside-design"));
    auto client = LlmClient::create(config(), recordingHooks());
    ASSERT_TRUE(client) << client.error().format();
    auto result = client->complete(repairRequest());
    ASSERT_TRUE(result) << result.error().format();  // the transport is fine; the content is not
    auto patched = applyReply(result->content, kCounterDesign);
    ASSERT_FALSE(patched);
    EXPECT_EQ(patched.error().kind, PatchErrorKind::PathRejected);
    EXPECT_NE(patched.error().message.find("leaves the design folder"), std::string::npos);
}

TEST_F(LlmClientTest, CacheReadWriteThenReplayGivesTheIdenticalResultWithTheServerStopped)
{
    ASSERT_NO_FATAL_FAILURE(startServer("good-patch"));
    LlmConfig c = config();
    c.cacheMode = CacheMode::ReadWrite;
    c.cachePath = dir / "cache" / "llm.sqlite";
    ChatResult first;
    {
        auto client = LlmClient::create(c, recordingHooks());
        ASSERT_TRUE(client) << client.error().format();
        auto fresh = client->complete(repairRequest());
        ASSERT_TRUE(fresh) << fresh.error().format();
        EXPECT_FALSE(fresh->fromCache);
        EXPECT_EQ(fresh->attempts, 1);
        first = *fresh;
        auto again = client->complete(repairRequest());
        ASSERT_TRUE(again) << again.error().format();
        EXPECT_TRUE(again->fromCache);
        EXPECT_EQ(again->content, first.content);
        EXPECT_EQ(server->requests().size(), 1u);  // the second answer came from the cache
    }
    server->stop();

    c.cacheMode = CacheMode::Replay;
    c.baseUrl.clear();  // replay needs no server at all
    auto replay = LlmClient::create(c, recordingHooks());
    ASSERT_TRUE(replay) << replay.error().format();
    auto replayed = replay->complete(repairRequest());
    ASSERT_TRUE(replayed) << replayed.error().format();
    EXPECT_TRUE(replayed->fromCache);
    EXPECT_EQ(replayed->attempts, 0);
    EXPECT_EQ(replayed->content, first.content);
    EXPECT_EQ(replayed->usage, first.usage);
    EXPECT_EQ(replayed->finishReason, first.finishReason);
    EXPECT_EQ(replayed->model, first.model);
    EXPECT_EQ(replayed->requestKey, first.requestKey);
}

TEST_F(LlmClientTest, ReplayMissIsAnErrorAndTouchesNoServer)
{
    ASSERT_NO_FATAL_FAILURE(startServer("good-patch"));
    LlmConfig c = config();
    c.cacheMode = CacheMode::ReadWrite;
    c.cachePath = dir / "llm.sqlite";
    {
        auto client = LlmClient::create(c, recordingHooks());
        ASSERT_TRUE(client) << client.error().format();
        ASSERT_TRUE(client->complete(repairRequest()));
    }
    c.cacheMode = CacheMode::Replay;
    c.temperature = 0.7;  // a different request: nothing cached for it
    auto replay = LlmClient::create(c, recordingHooks());
    ASSERT_TRUE(replay) << replay.error().format();
    auto result = replay->complete(repairRequest());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, LlmErrorKind::CacheMiss);
    EXPECT_EQ(result.error().message, "no cached response for this request (replay mode)");
    EXPECT_EQ(server->requests().size(), 1u);  // only the read-write call reached the server
}

TEST_F(LlmClientTest, ReplayWithoutACacheFileFailsAtCreate)
{
    LlmConfig c = config();
    c.cacheMode = CacheMode::Replay;
    c.cachePath = dir / "missing.sqlite";
    auto client = LlmClient::create(c, recordingHooks());
    ASSERT_FALSE(client);
    EXPECT_EQ(client.error().kind, LlmErrorKind::CacheError);
    EXPECT_NE(client.error().message.find("no such file"), std::string::npos);
    EXPECT_FALSE(fs::exists(c.cachePath));
}

TEST_F(LlmClientTest, CacheSchemaIsVersionedAndUsesWal)
{
    fs::path path = dir / "schema.sqlite";
    {
        auto cache = ResponseCache::open(path, true);
        ASSERT_TRUE(cache) << cache.error().format();
        ASSERT_TRUE(cache->store("k", "request", "response", "m"));
        EXPECT_EQ(cache->size().value_or(-1), 1);
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    auto pragma = [&](const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        std::string value;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        return value;
    };
    EXPECT_EQ(pragma("PRAGMA user_version"), std::to_string(ResponseCache::kSchemaVersion));
    EXPECT_EQ(pragma("PRAGMA journal_mode"), "wal");
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);

    auto newer = ResponseCache::open(path, true);
    ASSERT_FALSE(newer);
    EXPECT_EQ(newer.error().kind, LlmErrorKind::CacheError);
    EXPECT_NE(newer.error().message.find("schema version 99 is newer"), std::string::npos);
}

TEST_F(LlmClientTest, CacheLookupChecksTheWholeRequestNotJustTheKey)
{
    auto cache = ResponseCache::open(dir / "collide.sqlite", true);
    ASSERT_TRUE(cache) << cache.error().format();
    ASSERT_TRUE(cache->store("same-key", "request A", "reply A", "m"));
    auto hit = cache->lookup("same-key", "request A");
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->value_or(""), "reply A");
    auto collision = cache->lookup("same-key", "request B");
    ASSERT_TRUE(collision);
    EXPECT_FALSE(collision->has_value());
}

// ---- Pure functions: no server needed. ----

TEST(LlmRequest, CacheKeyCoversEverySamplingParameter)
{
    LlmConfig base;
    base.model = "m";
    base.seed = 1;
    base.maxTokens = 100;
    auto key = [](const LlmConfig& c, const ChatRequest& r) {
        return sha256Hex(canonicalJson(buildRequestJson(c, r)));
    };
    ChatRequest request = repairRequest();
    const std::string original = key(base, request);
    EXPECT_EQ(original, key(base, request));

    std::vector<LlmConfig> variants(6, base);
    variants[0].model = "other";
    variants[1].temperature = 0.5;
    variants[2].topP = 0.5;
    variants[3].seed = 2;
    variants[4].maxTokens = 101;
    variants[5].apiKey = "not part of the request";
    for (size_t i = 0; i < 5; ++i) EXPECT_NE(key(variants[i], request), original) << i;
    EXPECT_EQ(key(variants[5], request), original);

    ChatRequest structured = request;
    structured.responseFormat = diffResponseFormat();
    EXPECT_NE(key(base, structured), original);
    ChatRequest otherText = request;
    otherText.messages[1].content += ".";
    EXPECT_NE(key(base, otherText), original);
}

TEST(LlmRequest, CanonicalJsonSurvivesInvalidUtf8)
{
    LlmConfig c;
    c.model = "m";
    ChatRequest request{{{"user", std::string("latin-1 comment: caf\xe9")}}, std::nullopt};
    std::string text = canonicalJson(buildRequestJson(c, request));
    EXPECT_NE(text.find("caf\xef\xbf\xbd"), std::string::npos);  // U+FFFD
}

TEST(LlmResponse, ParsesUsageAndReportsRefusals)
{
    auto ok = parseChatResponse(
        R"({"model":"m","choices":[{"message":{"content":"hi"},"finish_reason":"length"}],
            "usage":{"prompt_tokens":3,"completion_tokens":4}})");
    ASSERT_TRUE(ok) << ok.error().format();
    EXPECT_EQ(ok->content, "hi");
    EXPECT_EQ(ok->finishReason, "length");
    EXPECT_EQ(ok->usage, (TokenUsage{3, 4, 7}));

    auto refused = parseChatResponse(
        R"({"choices":[{"message":{"content":null,"refusal":"I cannot help"}}]})");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, LlmErrorKind::MalformedResponse);
    EXPECT_NE(refused.error().message.find("I cannot help"), std::string::npos);

    auto array = parseChatResponse("[1, 2]");
    ASSERT_FALSE(array);
    EXPECT_EQ(array.error().kind, LlmErrorKind::MalformedResponse);
}

TEST(LlmConfigTest, EnvironmentFillsOnlyWhatIsNotGivenExplicitly)
{
    setenv("VERILOOP_LLM_URL", "http://env-host:1234", 1);
    setenv("VERILOOP_LLM_MODEL", "env-model", 1);
    setenv("OPENAI_API_KEY", "env-key", 1);
    LlmConfig explicitModel;
    explicitModel.model = "cli-model";
    LlmConfig resolved = resolveLlmConfig(explicitModel);
    unsetenv("VERILOOP_LLM_URL");
    unsetenv("VERILOOP_LLM_MODEL");
    unsetenv("OPENAI_API_KEY");
    EXPECT_EQ(resolved.baseUrl, "http://env-host:1234");
    EXPECT_EQ(resolved.model, "cli-model");
    EXPECT_EQ(resolved.apiKey, "env-key");
    EXPECT_EQ(configToJson(resolved)["api_key"], "set");  // never the key itself
}

TEST(LlmConfigTest, EndpointUrlForms)
{
    EXPECT_EQ(chatCompletionsUrl("http://h:8000"), "http://h:8000/v1/chat/completions");
    EXPECT_EQ(chatCompletionsUrl("http://h:8000/"), "http://h:8000/v1/chat/completions");
    EXPECT_EQ(chatCompletionsUrl("https://api.example.com/v1"),
              "https://api.example.com/v1/chat/completions");
    EXPECT_EQ(chatCompletionsUrl("http://h/v1/chat/completions"), "http://h/v1/chat/completions");
}

TEST(LlmConfigTest, UnusableConfigurationsAreRejectedAtCreate)
{
    LlmConfig noModel;
    noModel.baseUrl = "http://127.0.0.1:1";
    auto a = LlmClient::create(noModel);
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().kind, LlmErrorKind::Config);
    EXPECT_NE(a.error().message.find("VERILOOP_LLM_MODEL"), std::string::npos);

    LlmConfig noUrl;
    noUrl.model = "m";
    auto b = LlmClient::create(noUrl);
    ASSERT_FALSE(b);
    EXPECT_NE(b.error().message.find("VERILOOP_LLM_URL"), std::string::npos);

    LlmConfig hot = noModel;
    hot.model = "m";
    hot.temperature = 3;
    ASSERT_FALSE(LlmClient::create(hot));

    LlmConfig cacheWithoutPath = hot;
    cacheWithoutPath.temperature = 0;
    cacheWithoutPath.cacheMode = CacheMode::ReadWrite;
    auto d = LlmClient::create(cacheWithoutPath);
    ASSERT_FALSE(d);
    EXPECT_NE(d.error().message.find("cache file path"), std::string::npos);

    EXPECT_EQ(parseCacheMode("replay"), CacheMode::Replay);
    EXPECT_EQ(parseCacheMode("read-write"), CacheMode::ReadWrite);
    EXPECT_FALSE(parseCacheMode("sometimes"));
}

TEST(LlmRetry, RetryAfterSecondsAndDates)
{
    auto now = std::chrono::system_clock::from_time_t(1'700'000'000);
    EXPECT_EQ(parseRetryAfter("2", now), milliseconds{2000});
    EXPECT_EQ(parseRetryAfter(" 1.5 ", now), milliseconds{1500});
    EXPECT_EQ(parseRetryAfter("0", now), milliseconds{0});
    EXPECT_FALSE(parseRetryAfter("soon", now));
    EXPECT_FALSE(parseRetryAfter("", now));
    // 1700000000 is Tue, 14 Nov 2023 22:13:20 GMT.
    EXPECT_EQ(parseRetryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now), milliseconds{10'000});
    EXPECT_EQ(parseRetryAfter("Tue, 14 Nov 2023 22:00:00 GMT", now), milliseconds{0});
}

TEST(LlmRetry, BackoffDoublesIsCappedAndJittered)
{
    std::mt19937_64 rng(1);
    for (int retry = 0; retry < 12; ++retry) {
        for (int draw = 0; draw < 20; ++draw) {
            milliseconds d = backoffDelay(retry, 100ms, 2000ms, rng);
            milliseconds nominal = std::min(milliseconds{100 << retry}, milliseconds{2000});
            EXPECT_GE(d, nominal / 2);
            EXPECT_LE(d, nominal);
        }
    }
    EXPECT_EQ(backoffDelay(1000, 100ms, 2000ms, rng) <= 2000ms, true);  // no overflow
    EXPECT_TRUE(isRetryableStatus(429));
    EXPECT_TRUE(isRetryableStatus(502));
    EXPECT_TRUE(isRetryableStatus(408));
    EXPECT_FALSE(isRetryableStatus(400));
    EXPECT_FALSE(isRetryableStatus(401));
    EXPECT_FALSE(isRetryableStatus(200));
}

TEST(LlmSha256, KnownVectors)
{
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex(std::string(1000, 'a')),
              "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

}  // namespace
}  // namespace veriloop::llm
