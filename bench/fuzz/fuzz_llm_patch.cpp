// Fuzzes the reading of LLM replies into design edits (llm_client/patch.h): extractDiff,
// parseUnifiedDiff, resolvePatchPath and applyPatch, on a small fixed in-memory design with an
// LF file, a CRLF file and an empty file. The input is an untrusted reply; whatever it says,
// a successful patch may only change allow-listed files, and the step-by-step API must agree
// with applyReply.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "llm_client/patch.h"

namespace {

namespace llm = veriloop::llm;

void require(bool ok, const char* what)
{
    if (ok) return;
    std::fprintf(stderr, "fuzz_llm_patch: invariant violated: %s\n", what);
    std::abort();
}

const std::vector<veriloop::SourceFile>& design()
{
    static const std::vector<veriloop::SourceFile> files = {
        {"rtl/top.sv",
         "module top (\n"
         "    input  logic       clk,\n"
         "    input  logic       rst_n,\n"
         "    input  logic [7:0] a,\n"
         "    output logic [7:0] y\n"
         ");\n"
         "    always_ff @(posedge clk or negedge rst_n) begin\n"
         "        if (!rst_n) y <= 8'd0;\n"
         "        else y <= a + 8'd1;\n"
         "    end\n"
         "endmodule\n"},
        {"rtl/pkg.sv", "package pkg;\r\n    localparam int W = 8;\r\nendpackage\r\n"},
        {"rtl/empty.sv", ""},
    };
    return files;
}

void checkResult(const llm::PatchResult& result)
{
    const auto& files = design();
    require(result.files.size() == files.size(), "no file added or dropped");
    require(!result.changed.empty(), "a successful patch changes something");
    for (size_t i = 0; i < files.size(); ++i) {
        require(result.files[i].path == files[i].path, "paths kept in order");
        const bool changed = std::find(result.changed.begin(), result.changed.end(),
                                       files[i].path) != result.changed.end();
        require(changed == (result.files[i].text != files[i].text), "changed lists the edits");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view reply(reinterpret_cast<const char*>(data), size);
    const auto& files = design();
    std::vector<std::string> allowed;
    for (const auto& f : files) allowed.push_back(f.path);

    auto whole = llm::applyReply(reply, files);
    if (whole) checkResult(*whole);
    else (void)whole.error().format();

    auto diff = llm::extractDiff(reply);
    if (!diff) {
        require(!whole, "applyReply agrees with extractDiff");
        return 0;
    }
    auto patches = llm::parseUnifiedDiff(*diff);
    if (!patches) {
        require(!whole, "applyReply agrees with parseUnifiedDiff");
        return 0;
    }
    for (const auto& patch : *patches)
        for (const std::string* path : {&patch.oldPath, &patch.newPath})
            if (auto resolved = llm::resolvePatchPath(*path, allowed))
                require(std::find(allowed.begin(), allowed.end(), *resolved) != allowed.end(),
                        "a resolved path is on the allow-list");
    auto stepwise = llm::applyPatch(*patches, files);
    require(stepwise.has_value() == whole.has_value(), "applyReply agrees with applyPatch");
    if (stepwise)
        for (size_t i = 0; i < files.size(); ++i)
            require(stepwise->files[i].text == whole->files[i].text, "same patched text");
    return 0;
}
