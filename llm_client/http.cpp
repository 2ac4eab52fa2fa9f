// The libcurl transport. Every curl failure is sorted into a kind and a retry decision here,
// so the policy in client.cpp reads as a table: connection trouble and truncated bodies are
// worth retrying, a malformed URL or a failed certificate check is not.

#include "llm_client/http.h"

#include <cctype>
#include <memory>
#include <mutex>
#include <string_view>

#include <curl/curl.h>
#include <fmt/format.h>

namespace veriloop::llm {

namespace {

struct CurlDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

void globalInitOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    std::string body;
    std::string retryAfter;
    size_t maxBytes = 0;
    bool tooLarge = false;
};

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    size_t bytes = size * count;
    if (transfer->body.size() + bytes > transfer->maxBytes) {
        transfer->tooLarge = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    transfer->body.append(data, bytes);
    return bytes;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    std::string_view line(data, size * count);
    if (startsWithNoCase(line, "HTTP/")) {
        transfer->retryAfter.clear();  // a new response (after 100 Continue) starts afresh
    } else if (startsWithNoCase(line, "retry-after:")) {
        std::string_view value = line.substr(12);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
            value.remove_suffix(1);
        transfer->retryAfter = std::string(value);
    }
    return size * count;
}

HttpFailure classify(CURLcode code, CURL* curl, const HttpPost& post, const Transfer& transfer,
                     const char* detail)
{
    std::string what = detail[0] ? detail : curl_easy_strerror(code);
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT: {
        curl_off_t connectMicros = 0;
        curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connectMicros);
        if (connectMicros == 0)
            return {LlmErrorKind::Timeout, true,
                    fmt::format("could not connect to {} within {} ms (connect timeout)",
                                post.url, post.connectTimeout.count())};
        return {LlmErrorKind::Timeout, false,
                fmt::format("no complete reply from {} within {} ms (total timeout)", post.url,
                            post.totalTimeout.count())};
    }
    case CURLE_PARTIAL_FILE:
        return {LlmErrorKind::Connection, true,
                fmt::format("reply from {} was truncated after {} bytes: {}", post.url,
                            transfer.body.size(), what)};
    case CURLE_WRITE_ERROR:
        if (transfer.tooLarge)
            return {LlmErrorKind::MalformedResponse, false,
                    fmt::format("reply from {} is larger than {} bytes", post.url,
                                post.maxResponseBytes)};
        break;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return {LlmErrorKind::Config, false, fmt::format("bad URL `{}`: {}", post.url, what)};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        return {LlmErrorKind::Connection, false,
                fmt::format("TLS check failed for {}: {}", post.url, what)};
    default: break;
    }
    return {LlmErrorKind::Connection, true,
            fmt::format("request to {} failed: {}", post.url, what)};
}

}  // namespace

tl::expected<HttpReply, HttpFailure> httpPost(const HttpPost& post)
{
    globalInitOnce();
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        return tl::unexpected(HttpFailure{LlmErrorKind::Connection, false,
                                          "could not create a libcurl handle"});
    curl_slist* list = nullptr;
    for (const std::string& header : post.headers) {
        curl_slist* grown = curl_slist_append(list, header.c_str());
        if (!grown) {
            curl_slist_free_all(list);
            return tl::unexpected(HttpFailure{LlmErrorKind::Connection, false,
                                              "out of memory building HTTP headers"});
        }
        list = grown;
    }
    std::unique_ptr<curl_slist, SlistDeleter> headers(list);

    Transfer transfer;
    transfer.maxBytes = post.maxResponseBytes;
    char detail[CURL_ERROR_SIZE] = {0};
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, post.url.c_str());
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, post.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post.body.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(post.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(post.totalTimeout.count()));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
#ifdef VERILOOP_VERSION
    curl_easy_setopt(h, CURLOPT_USERAGENT, "veriloop/" VERILOOP_VERSION);
#else
    curl_easy_setopt(h, CURLOPT_USERAGENT, "veriloop");
#endif

    CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) return tl::unexpected(classify(code, h, post, transfer, detail));

    HttpReply reply;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
    reply.body = std::move(transfer.body);
    reply.retryAfter = std::move(transfer.retryAfter);
    return reply;
}

}  // namespace veriloop::llm
