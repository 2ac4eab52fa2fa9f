#!/usr/bin/env python3
"""TEST FIXTURE ONLY: a scripted stand-in for an OpenAI-compatible chat-completions server.

It is not an LLM and not a mock of any real service's behaviour beyond the wire format. The
llm_client tests start it as a separate process, talk real HTTP to it, and stop it.

Usage:
    fixture_llm_server.py [--scenario NAME] [--record FILE] [--hang-seconds S]

It binds 127.0.0.1 on an ephemeral port and prints "PORT <n>" on stdout once it listens.
Every POST to /v1/chat/completions gets the reply of a scenario: the one named by a
"[[fixture:NAME]]" marker in any message of the request, else --scenario (default good-patch).
With --record, each request is appended to FILE as one JSON line (path, headers, body), before
the reply is sent, so a test can check exactly what the client sent.

Scenarios (counters are per scenario and per server process):
    good-patch         200, prose plus a ```diff block fixing rtl/counter.sv
    good-structured    200, content is a JSON object {"diff": ..., "explanation": ...}
    outside-design     200, a diff that edits ../secrets.txt (must be rejected by the parser)
    echo               200, content is the request body as JSON (sorted keys)
    malformed-json     200, a body that is not JSON
    missing-content    200, valid JSON without choices
    rate-limit-then-ok 429 with Retry-After: 1 on the first request, then good-patch
    error-then-ok      500 on the first request, then good-patch
    always-503         503 on every request
    retry-after-long   429 with Retry-After: 3600
    bad-request        400 with an OpenAI-style error object
    hang               accepts the request and sends nothing for --hang-seconds
    truncated          200 with a Content-Length larger than the bytes it sends, then closes
  Debug-loop scenarios (tests/debug_test.cpp; the design is tests/data/debug/llm_counter):
    debug-wrong-then-good  a patch that still fails first, then good-patch
    debug-system           a patch that also adds `$system` to the design
    debug-testbench        a patch that edits the testbench tb/tb_counter.sv
    debug-port-change      a patch that also widens the `count` port
    debug-syntax-error     a patch whose fixed line lost its `;`
  Optimize scenarios (tests/optimize_test.cpp; the design is tests/data/optimize/tick10):
    optimize-good            narrows the counter to 4 bits (equivalent, smaller)
    optimize-wrong-then-good narrows it to 3 bits first (never reaches 9: not equivalent),
                             then optimize-good
    optimize-syntax-error    a narrowing whose declaration lost its `;`
  Assert scenario (tests/assert_test.cpp; the design is tests/data/optimize/tick10):
    assert-mixed             four properties: one that holds, one false on the design, one
                             that does not parse, one naming something that is not a signal
"""

import argparse
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COUNTER_DIFF = """--- a/rtl/counter.sv
+++ b/rtl/counter.sv
@@ -5,6 +5,6 @@
 );
     always_ff @(posedge clk or negedge rst_n) begin
         if (!rst_n) count <= 8'd0;
-        else        count <= count - 8'd1;
+        else        count <= count + 8'd1;
     end
 endmodule
"""

OUTSIDE_DIFF = """--- a/../secrets.txt
+++ b/../secrets.txt
@@ -1 +1 @@
-token = none
+token = stolen
"""

TICK10_DIFF = """--- a/rtl/tick10.sv
+++ b/rtl/tick10.sv
@@ -6,7 +6,7 @@
     input  logic en,
     output logic tick
 );
-    logic [7:0] cnt;
+    logic [3:0] cnt;
 
     assign tick = en && (cnt >= 8'd9);
 
"""

TICK10_WRONG_DIFF = TICK10_DIFF.replace("logic [3:0] cnt;", "logic [2:0] cnt;")
TICK10_SYNTAX_DIFF = TICK10_DIFF.replace("logic [3:0] cnt;", "logic [3:0] cnt")

ASSERT_MIXED = """Here are assertions for tick10:
```text
tick_at_nine: tick |-> cnt == 8'd9
never_above_five: cnt <= 8'd5
broken: tick |-> (cnt ==
uses_state: tick |-> cnt == LAST
```
The first one is the terminal count."""

WRONG_DIFF = COUNTER_DIFF.replace("count + 8'd1", "count - 8'd2")

SYSTEM_DIFF = """--- a/rtl/counter.sv
+++ b/rtl/counter.sv
@@ -5,6 +5,7 @@
 );
     always_ff @(posedge clk or negedge rst_n) begin
         if (!rst_n) count <= 8'd0;
-        else        count <= count - 8'd1;
+        else        count <= count + 8'd1;
     end
+    initial $system("echo pwned > /tmp/veriloop-pwned");
 endmodule
"""

SYNTAX_DIFF = """--- a/rtl/counter.sv
+++ b/rtl/counter.sv
@@ -5,6 +5,6 @@
 );
     always_ff @(posedge clk or negedge rst_n) begin
         if (!rst_n) count <= 8'd0;
-        else        count <= count - 8'd1;
+        else        count <= count + 8'd1
     end
 endmodule
"""

TESTBENCH_DIFF = """--- a/tb/tb_counter.sv
+++ b/tb/tb_counter.sv
@@ -1,3 +1,3 @@
-module tb_counter;
+module tb_counter; initial begin $display("PASS"); $finish; end
"""

PORT_DIFF = """--- a/rtl/counter.sv
+++ b/rtl/counter.sv
@@ -1,9 +1,9 @@
 module counter (
     input  logic       clk,
     input  logic       rst_n,
-    output logic [7:0] count
+    output logic [8:0] count
 );
     always_ff @(posedge clk or negedge rst_n) begin
         if (!rst_n) count <= 8'd0;
-        else        count <= count - 8'd1;
+        else        count <= count + 8'd1;
     end
"""

MARKER = re.compile(r"\[\[fixture:([a-z0-9-]+)\]\]")


def fenced(diff, note):
    return f"{note}\n\n```diff\n{diff}```\n\nThat should fix it."


def completion(content, request):
    """A chat.completion object with usage counted in whitespace-separated words."""
    prompt_words = sum(len(str(m.get("content", "")).split())
                       for m in request.get("messages", []) if isinstance(m, dict))
    completion_words = len(content.split())
    return {
        "id": "chatcmpl-fixture",
        "object": "chat.completion",
        "created": 0,
        "model": request.get("model", "fixture-model"),
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_words, "completion_tokens": completion_words,
                  "total_tokens": prompt_words + completion_words},
    }


class FixtureState:
    def __init__(self, default_scenario, record_path, hang_seconds):
        self.default_scenario = default_scenario
        self.record_path = record_path
        self.hang_seconds = hang_seconds
        self.counts = {}
        self.lock = threading.Lock()

    def next_count(self, scenario):
        with self.lock:
            self.counts[scenario] = self.counts.get(scenario, 0) + 1
            return self.counts[scenario]

    def record(self, entry):
        if not self.record_path:
            return
        with self.lock, open(self.record_path, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry, sort_keys=True) + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # set in main()

    def log_message(self, format, *args):  # keep test output clean
        pass

    def send_json(self, status, obj, extra_headers=()):
        data = json.dumps(obj).encode()
        self.send_raw(status, data, extra_headers)

    def send_raw(self, status, data, extra_headers=()):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra_headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def scenario_for(self, body):
        for message in (body or {}).get("messages", []) if isinstance(body, dict) else []:
            match = MARKER.search(str(message.get("content", "")))
            if match:
                return match.group(1)
        return self.state.default_scenario

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length).decode("utf-8", errors="replace")
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        scenario = self.scenario_for(body)
        self.state.record({
            "path": self.path,
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "body": body,
            "scenario": scenario,
        })
        if self.path != "/v1/chat/completions":
            self.send_json(404, {"error": {"message": f"no route {self.path}"}})
            return
        if not isinstance(body, dict):
            self.send_json(400, {"error": {"message": "request body is not a JSON object"}})
            return
        self.reply(scenario, self.state.next_count(scenario), body)

    def reply(self, scenario, count, body):
        good = completion(fenced(COUNTER_DIFF, "The counter decrements; it must increment."),
                          body)
        if scenario == "good-patch":
            self.send_json(200, good)
        elif scenario == "good-structured":
            content = json.dumps({"diff": COUNTER_DIFF,
                                  "explanation": "The counter decremented."})
            self.send_json(200, completion(content, body))
        elif scenario == "outside-design":
            self.send_json(200, completion(fenced(OUTSIDE_DIFF, "Also update secrets."), body))
        elif scenario == "echo":
            self.send_json(200, completion(json.dumps(body, sort_keys=True), body))
        elif scenario == "malformed-json":
            self.send_raw(200, b'{"choices": [{"message": {"content": "trunc')
        elif scenario == "missing-content":
            self.send_json(200, {"id": "x", "object": "chat.completion", "choices": []})
        elif scenario == "rate-limit-then-ok":
            if count == 1:
                self.send_json(429, {"error": {"message": "rate limited, slow down"}},
                               [("Retry-After", "1")])
            else:
                self.send_json(200, good)
        elif scenario == "error-then-ok":
            if count == 1:
                self.send_json(500, {"error": {"message": "internal fixture error"}})
            else:
                self.send_json(200, good)
        elif scenario == "debug-wrong-then-good":
            if count == 1:
                self.send_json(200, completion(fenced(WRONG_DIFF, "Off by one, I think."), body))
            else:
                self.send_json(200, good)
        elif scenario == "debug-system":
            self.send_json(200, completion(fenced(SYSTEM_DIFF, "Fixed, with logging."), body))
        elif scenario == "debug-testbench":
            self.send_json(200, completion(fenced(TESTBENCH_DIFF, "The test is wrong."), body))
        elif scenario == "debug-port-change":
            self.send_json(200, completion(fenced(PORT_DIFF, "Wider is safer."), body))
        elif scenario == "debug-syntax-error":
            self.send_json(200, completion(fenced(SYNTAX_DIFF, "Increment."), body))
        elif scenario == "optimize-good":
            self.send_json(200, completion(fenced(TICK10_DIFF, "cnt never passes 9."), body))
        elif scenario == "optimize-wrong-then-good":
            diff = TICK10_WRONG_DIFF if count == 1 else TICK10_DIFF
            self.send_json(200, completion(fenced(diff, "Narrower is smaller."), body))
        elif scenario == "optimize-syntax-error":
            self.send_json(200, completion(fenced(TICK10_SYNTAX_DIFF, "Narrower."), body))
        elif scenario == "assert-mixed":
            self.send_json(200, completion(ASSERT_MIXED, body))
        elif scenario == "always-503":
            self.send_json(503, {"error": {"message": "overloaded"}})
        elif scenario == "retry-after-long":
            self.send_json(429, {"error": {"message": "quota exhausted"}},
                           [("Retry-After", "3600")])
        elif scenario == "bad-request":
            self.send_json(400, {"error": {"message": "unknown model 'nope'"}})
        elif scenario == "hang":
            time.sleep(self.state.hang_seconds)
            self.close_connection = True
        elif scenario == "truncated":
            data = json.dumps(good).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data) + 500))
            self.end_headers()
            self.wfile.write(data[:40])
            self.wfile.flush()
            self.close_connection = True
        else:
            self.send_json(500, {"error": {"message": f"fixture has no scenario {scenario!r}"}})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="good-patch")
    parser.add_argument("--record", default="")
    parser.add_argument("--hang-seconds", type=float, default=30.0)
    args = parser.parse_args()

    Handler.state = FixtureState(args.scenario, args.record, args.hang_seconds)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
