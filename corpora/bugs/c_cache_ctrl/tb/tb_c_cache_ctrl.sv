// Self-checking testbench for c_cache_ctrl.
//
// The testbench plays both the CPU and the memory. It keeps
//   * a flat reference memory (gmem) of what every CPU read must return,
//   * a reference model of the cache (tags, valid, dirty, data) from which it
//     predicts hit / miss / write-back for every access and therefore the exact
//     sequence of memory transactions (write-backs, refills, uncached accesses)
//     and the statistics counters,
//   * the backing memory the controller talks to.
// Grants and read latencies are random, spurious mem_gnt / mem_rvalid pulses
// are sent when nothing is pending, and the CPU-side inputs are scrambled while
// a request is in flight (the controller must have captured them).
module tb_c_cache_ctrl;
    logic        clk = 1'b0, rst_n = 1'b0;
    logic        cpu_req = 1'b0, cpu_we = 1'b0;
    logic [3:0]  cpu_be = 4'h0;
    logic [15:0] cpu_addr = 16'h0;
    logic [31:0] cpu_wdata = 32'h0;
    logic        cpu_ready, cpu_busy;
    logic [31:0] cpu_rdata;
    logic        flush_req = 1'b0, flush_done;
    logic        mem_req, mem_we;
    logic [3:0]  mem_be;
    logic [15:0] mem_addr;
    logic [31:0] mem_wdata;
    logic        mem_gnt = 1'b0, mem_rvalid = 1'b0;
    logic [31:0] mem_rdata = 32'h0;
    logic [15:0] stat_hits, stat_misses, stat_wbacks;

    c_cache_ctrl dut (
        .clk(clk), .rst_n(rst_n),
        .cpu_req(cpu_req), .cpu_we(cpu_we), .cpu_be(cpu_be), .cpu_addr(cpu_addr),
        .cpu_wdata(cpu_wdata), .cpu_ready(cpu_ready), .cpu_rdata(cpu_rdata), .cpu_busy(cpu_busy),
        .flush_req(flush_req), .flush_done(flush_done),
        .mem_req(mem_req), .mem_we(mem_we), .mem_be(mem_be), .mem_addr(mem_addr),
        .mem_wdata(mem_wdata), .mem_gnt(mem_gnt), .mem_rvalid(mem_rvalid), .mem_rdata(mem_rdata),
        .stat_hits(stat_hits), .stat_misses(stat_misses), .stat_wbacks(stat_wbacks)
    );

    always #5 clk = ~clk;

    localparam logic [9:0] UC_TAG = 10'h3FF;

    logic [31:0] rs = 32'hC0FF_EE11;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    logic [31:0] mem  [0:65535];     // backing memory seen by the controller
    logic [31:0] gmem [0:65535];     // what the CPU must observe

    bit          m_valid [16];
    bit          m_dirty [16];
    logic [9:0]  m_tag   [16];
    logic [31:0] m_data  [64];
    int          m_hits = 0, m_misses = 0, m_wbacks = 0;

    bit          eq_we   [$];
    logic [15:0] eq_addr [$];
    logic [3:0]  eq_be   [$];
    logic [31:0] eq_data [$];

    bit          rd_pend = 0;
    int          rd_delay = 0;
    logic [15:0] rd_addr = 16'h0;
    int          gnt_pct = 70;
    int          cyc = 0;
    int          n_txn = 0, n_acc = 0, n_flush = 0;

    task automatic fail(input string msg);
        $display("FAIL: %s (cycle %0d)", msg, cyc);
        $fatal(1);
    endtask

    function automatic logic [31:0] merge(input logic [31:0] old, input logic [31:0] nw,
                                          input logic [3:0] be);
        logic [31:0] r;
        r = old;
        for (int i = 0; i < 4; i++) if (be[i]) r[8*i +: 8] = nw[8*i +: 8];
        return r;
    endfunction

    task automatic push(input bit we, input logic [15:0] a, input logic [3:0] be,
                        input logic [31:0] d);
        eq_we.push_back(we); eq_addr.push_back(a); eq_be.push_back(be); eq_data.push_back(d);
    endtask

    // one clock: drive the memory side for the coming edge, then advance to
    // the next falling edge (all checks happen at falling edges)
    task automatic cycle();
        logic [31:0] r;
        r = rnd();
        mem_gnt    = 1'b0;
        mem_rvalid = 1'b0;
        mem_rdata  = rnd();
        if (rd_pend) begin
            if (rd_delay == 0) begin
                mem_rvalid = 1'b1;
                mem_rdata  = mem[rd_addr];
                rd_pend    = 0;
            end else begin
                rd_delay--;
            end
        end else if (r[2:0] == 3'd0) begin
            mem_rvalid = 1'b1;                       // spurious, must be ignored
        end
        if (mem_req) begin
            if (int'(r[15:8]) * 100 < gnt_pct * 256) begin
                if (eq_we.size() == 0)
                    fail($sformatf("unexpected memory request we=%b addr=%04h", mem_we, mem_addr));
                if (mem_we !== eq_we[0] || mem_addr !== eq_addr[0] || mem_be !== eq_be[0] ||
                    (eq_we[0] && mem_wdata !== eq_data[0]))
                    fail($sformatf("memory transaction we=%b addr=%04h be=%h wdata=%08h, expected we=%b addr=%04h be=%h wdata=%08h",
                                   mem_we, mem_addr, mem_be, mem_wdata,
                                   eq_we[0], eq_addr[0], eq_be[0], eq_data[0]));
                void'(eq_we.pop_front()); void'(eq_addr.pop_front());
                void'(eq_be.pop_front()); void'(eq_data.pop_front());
                if (mem_we) begin
                    mem[mem_addr] = merge(mem[mem_addr], mem_wdata, mem_be);
                end else begin
                    rd_pend  = 1;
                    rd_addr  = mem_addr;
                    rd_delay = int'(r[17:16]) % 3;
                end
                mem_gnt = 1'b1;
                n_txn++;
            end
        end else if (r[20:18] == 3'd0) begin
            mem_gnt = 1'b1;                          // spurious, must be ignored
        end
        @(posedge clk);
        @(negedge clk);
        cyc++;
    endtask

    task automatic check_stats(input string where);
        if (stat_hits !== 16'(m_hits) || stat_misses !== 16'(m_misses) ||
            stat_wbacks !== 16'(m_wbacks))
            fail($sformatf("%s: stats hits=%0d misses=%0d wbacks=%0d, expected %0d/%0d/%0d",
                           where, stat_hits, stat_misses, stat_wbacks, m_hits, m_misses, m_wbacks));
        if (eq_we.size() != 0)
            fail($sformatf("%s: %0d expected memory transactions never happened (next addr %04h)",
                           where, eq_we.size(), eq_addr[0]));
        if (rd_pend)
            fail($sformatf("%s: read data for %04h never taken", where, rd_addr));
    endtask

    task automatic scramble_cpu();
        logic [31:0] r;
        r = rnd();
        cpu_req   = r[0];
        cpu_we    = r[1];
        cpu_be    = r[5:2];
        flush_req = r[6];
        cpu_addr  = r[31:16];
        cpu_wdata = rnd();
    endtask

    task automatic cpu_access(input bit we, input logic [3:0] be, input logic [15:0] addr,
                              input logic [31:0] wdata, input bit with_flush);
        logic [9:0]  tag;
        logic [3:0]  idx;
        logic [31:0] exp_rd;
        int n;
        tag = addr[15:6];
        idx = addr[5:2];
        n_acc++;

        // flat reference
        exp_rd = gmem[addr];
        if (we) gmem[addr] = merge(gmem[addr], wdata, be);

        // cache model -> expected memory traffic and counters
        if (tag == UC_TAG) begin
            push(we, addr, be, wdata);
        end else begin
            if (m_valid[idx] && m_tag[idx] == tag) begin
                m_hits++;
            end else begin
                m_misses++;
                if (m_valid[idx] && m_dirty[idx]) begin
                    m_wbacks++;
                    for (int b = 0; b < 4; b++)
                        push(1'b1, {m_tag[idx], idx, 2'(b)}, 4'hF, m_data[{idx, 2'(b)}]);
                end
                for (int b = 0; b < 4; b++) begin
                    push(1'b0, {tag, idx, 2'(b)}, 4'hF, 32'h0);
                    m_data[{idx, 2'(b)}] = mem[{tag, idx, 2'(b)}];
                end
                m_tag[idx]   = tag;
                m_valid[idx] = 1;
                m_dirty[idx] = 0;
            end
            if (we) begin
                m_data[{idx, addr[1:0]}] = merge(m_data[{idx, addr[1:0]}], wdata, be);
                m_dirty[idx] = 1;
            end else if (m_data[{idx, addr[1:0]}] !== exp_rd) begin
                fail($sformatf("testbench model disagrees with itself at %04h", addr));
            end
        end

        if (cpu_busy) fail("busy before a request");
        cpu_req = 1'b1; cpu_we = we; cpu_be = be; cpu_addr = addr; cpu_wdata = wdata;
        flush_req = with_flush;
        n = 0;
        forever begin
            cycle();
            n++;
            if (cpu_ready) break;
            if (flush_done) fail("flush_done during a CPU access");
            if (!cpu_busy) fail($sformatf("controller idle without answering access to %04h", addr));
            if (n > 300) fail($sformatf("access to %04h never answered", addr));
            scramble_cpu();
        end
        if (cpu_busy) fail("busy together with cpu_ready");
        if (!we && cpu_rdata !== exp_rd)
            fail($sformatf("read %04h returned %08h, expected %08h", addr, cpu_rdata, exp_rd));
        check_stats($sformatf("after %s %04h", we ? "write" : "read", addr));
        cpu_req = 1'b0; flush_req = 1'b0;
    endtask

    task automatic do_flush();
        int n;
        n_flush++;
        for (int i = 0; i < 16; i++) begin
            if (m_valid[i] && m_dirty[i]) begin
                m_wbacks++;
                for (int b = 0; b < 4; b++)
                    push(1'b1, {m_tag[i], 4'(i), 2'(b)}, 4'hF, m_data[{4'(i), 2'(b)}]);
                m_dirty[i] = 0;
            end
        end
        if (cpu_busy) fail("busy before a flush");
        cpu_req = 1'b0; flush_req = 1'b1;
        n = 0;
        forever begin
            cycle();
            n++;
            if (flush_done) break;
            if (cpu_ready) fail("cpu_ready during a flush");
            if (!cpu_busy) fail("controller idle without flush_done");
            if (n > 400) fail("flush never finished");
            scramble_cpu();
        end
        if (cpu_busy) fail("busy together with flush_done");
        check_stats("after flush");
        cpu_req = 1'b0; flush_req = 1'b0;
    endtask

    task automatic idle(input int n);
        for (int i = 0; i < n; i++) begin
            logic [31:0] r;
            r = rnd();
            cpu_req = 1'b0; flush_req = 1'b0;
            cpu_we = r[0]; cpu_be = r[4:1]; cpu_addr = r[31:16]; cpu_wdata = rnd();
            cycle();
            if (cpu_ready || flush_done || cpu_busy || mem_req)
                fail($sformatf("activity while idle ready=%b done=%b busy=%b mem_req=%b",
                               cpu_ready, flush_done, cpu_busy, mem_req));
        end
    endtask

    task automatic do_reset();
        rst_n = 1'b0;
        for (int i = 0; i < 16; i++) begin m_valid[i] = 0; m_dirty[i] = 0; end
        m_hits = 0; m_misses = 0; m_wbacks = 0;
        for (int a = 0; a < 65536; a++) gmem[a] = mem[a];   // dirty data is lost
        repeat (3) cycle();
        if (cpu_ready || cpu_busy || flush_done || mem_req || cpu_rdata !== 32'h0)
            fail("outputs not cleared by reset");
        check_stats("in reset");
        cpu_req = 1'b0; flush_req = 1'b0;
        rst_n = 1'b1;
        cycle();
    endtask

    logic [9:0] tag_pool [5] = '{10'h000, 10'h001, 10'h155, 10'h2AA, UC_TAG};

    function automatic logic [15:0] pick_addr(input int phase);
        logic [31:0] r;
        logic [9:0]  tag;
        logic [3:0]  idx;
        r = rnd();
        case (phase)
            0: begin tag = tag_pool[r[2:0] % 5]; idx = {2'b00, r[4:3]}; end
            1: begin tag = tag_pool[r[2:0] % 4]; idx = r[6:3];          end
            default: begin
                tag = (r[9:7] == 0) ? UC_TAG : r[25:16] % 10'd8;
                idx = r[6:3];
            end
        endcase
        return {tag, idx, r[11:10]};
    endfunction

    initial begin
        for (int a = 0; a < 65536; a++) begin
            mem[a]  = {a[15:0] ^ 16'hA5C3, ~a[15:0]} * 32'h9E37_79B1;
            gmem[a] = mem[a];
        end

        // reset, with the CPU side already asking (must be ignored)
        cpu_req = 1'b1; flush_req = 1'b1;
        do_reset();

        // directed: cold miss on tag 0, hits, byte writes, dirty eviction
        cpu_access(0, 4'hF, 16'h0000, 32'h0, 0);
        cpu_access(0, 4'hF, 16'h0001, 32'h0, 0);
        cpu_access(1, 4'h3, 16'h0002, 32'h1234_5678, 0);
        cpu_access(0, 4'hF, 16'h0002, 32'h0, 0);
        cpu_access(1, 4'hC, 16'h0003, 32'hDEAD_BEEF, 1);     // flush_req loses to cpu_req
        cpu_access(0, 4'hF, 16'h0043, 32'h0, 0);             // same index, tag 1: write-back
        cpu_access(0, 4'hF, 16'h0003, 32'h0, 0);             // back again: clean victim
        cpu_access(1, 4'h1, 16'h0047, 32'h0000_00AA, 0);     // write miss (allocate)
        cpu_access(0, 4'hF, 16'h0047, 32'h0, 0);
        // uncached window (tag 10'h3FF: 16'hFFC0..16'hFFFF)
        cpu_access(0, 4'hF, 16'hFFD0, 32'h0, 0);
        cpu_access(1, 4'h5, 16'hFFD0, 32'h5555_AAAA, 0);
        cpu_access(0, 4'hF, 16'hFFD0, 32'h0, 0);
        cpu_access(0, 4'hF, 16'hFFC7, 32'h0, 0);
        idle(3);
        // flushes
        do_flush();
        do_flush();
        for (int i = 0; i < 16; i++)
            cpu_access(1, 4'hF, {10'h155, 4'(i), 2'(i)}, 32'h1000_0000 + i, 0);
        do_flush();
        for (int i = 0; i < 16; i++)
            cpu_access(0, 4'hF, {10'h2AA, 4'(i), 2'(i + 1)}, 32'h0, 0);
        for (int i = 0; i < 16; i++)
            cpu_access(0, 4'hF, {10'h155, 4'(i), 2'(i)}, 32'h0, 0);
        idle(2);

        // random traffic
        for (int k = 0; k < 4000; k++) begin
            logic [31:0] r;
            int phase;
            phase = (k / 300) % 3;
            gnt_pct = ((k / 500) % 2 == 0) ? 75 : 30;
            r = rnd();
            if (r[5:0] == 0) begin
                do_flush();
            end else begin
                cpu_access(r[6], (r[9:7] == 0) ? r[13:10] : 4'hF, pick_addr(phase), rnd(), r[14]);
            end
            r = rnd();
            if (r[1:0] == 0) idle(int'(r[3:2]));
            if (k == 2000) begin
                do_reset();
                cpu_access(0, 4'hF, 16'h0000, 32'h0, 0);
            end
        end

        // write everything back and compare the whole memory
        do_flush();
        idle(2);
        for (int a = 0; a < 65536; a++)
            if (mem[a] !== gmem[a])
                fail($sformatf("memory %04h = %08h after final flush, expected %08h", a, mem[a], gmem[a]));

        $display("cache: %0d accesses, %0d flushes, %0d memory transactions, %0d cycles",
                 n_acc, n_flush, n_txn, cyc);
        $display("PASS");
        $finish;
    end
endmodule
