// Self-checking testbench for lfsr: the reference model computes the feedback
// from tap masks (parity of state & taps) rather than from explicit bit XORs.
// Every output is checked before and after every clock edge. Covers reset
// values, full periods in every mode (the wrap pulse must appear exactly once
// per period), zero and out-of-range seeds, mode switches mid-run, random
// stimulus and an asynchronous reset in mid-cycle.
module tb_lfsr;
    logic        clk = 1'b0, rst_n = 1'b0;
    logic        en = 1'b0, load = 1'b0;
    logic [1:0]  mode = 2'd0;
    logic [15:0] seed = '0;
    logic [15:0] state, seed_q;
    logic        bit_out, wrapped;

    lfsr dut (.clk(clk), .rst_n(rst_n), .en(en), .load(load), .mode(mode), .seed(seed),
              .state(state), .bit_out(bit_out), .wrapped(wrapped), .seed_q(seed_q));

    always #5 clk = ~clk;

    // reference model state
    logic [15:0] m_state = 16'hACE1, m_seed = 16'hACE1;
    logic        m_wrap = 1'b0;
    int          cyc = 0, wraps = 0;

    function automatic logic [15:0] wmask(input logic [1:0] md);
        return md == 2'd1 ? 16'h00FF : md == 2'd2 ? 16'h000F : 16'hFFFF;
    endfunction

    function automatic logic [15:0] model_next(input logic [15:0] s, input logic [1:0] md);
        logic [15:0] taps;
        logic        fb;
        if (md == 2'd3) return (s >> 1) | (s << 15);
        taps = md == 2'd0 ? 16'b1011_0100_0000_0000 :
               md == 2'd1 ? 16'b0000_0000_1011_1000 : 16'b0000_0000_0000_1100;
        fb = ^(s & taps);
        return ((s << 1) | 16'(fb)) & wmask(md);
    endfunction

    function automatic logic model_bit(input logic [15:0] s, input logic [1:0] md);
        case (md)
            2'd0: return s[15];
            2'd1: return s[7];
            2'd2: return s[3];
            default: return s[0];
        endcase
    endfunction

    task automatic check(input string where);
        if (state !== m_state || seed_q !== m_seed || wrapped !== m_wrap ||
            bit_out !== model_bit(m_state, mode)) begin
            $display("FAIL: %s cyc=%0d mode=%0d en=%b load=%b seed=%h got state=%h seed_q=%h wrapped=%b bit=%b exp state=%h seed_q=%h wrapped=%b bit=%b",
                     where, cyc, mode, en, load, seed, state, seed_q, wrapped, bit_out,
                     m_state, m_seed, m_wrap, model_bit(m_state, mode));
            $fatal(1);
        end
    endtask

    task automatic step();
        logic [15:0] s, nx;
        #1 check("pre-edge");
        @(posedge clk);
        if (load) begin
            s = seed & wmask(mode);
            if (s == 0) s = 16'd1;
            m_state = s; m_seed = s; m_wrap = 1'b0;
        end else if (en) begin
            nx = model_next(m_state, mode);
            m_wrap = (nx == m_seed);
            m_state = nx;
        end else begin
            m_wrap = 1'b0;
        end
        if (m_wrap) wraps++;
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic do_load(input logic [1:0] md, input logic [15:0] sd);
        load = 1'b1; en = 1'b0; mode = md; seed = sd;
        step();
        load = 1'b0;
    endtask

    // run one full period from a load; the wrap pulse must come at exactly `period`
    task automatic full_period(input logic [1:0] md, input logic [15:0] sd, input int period);
        int w0;
        do_load(md, sd);
        en = 1'b1;
        w0 = wraps;
        repeat (period - 1) step();
        if (wraps != w0) begin $display("FAIL: early wrap mode=%0d", md); $fatal(1); end
        step();
        if (wraps != w0 + 1 || !m_wrap) begin $display("FAIL: no wrap mode=%0d", md); $fatal(1); end
        if (sd[0]) begin
            load = 1'b1; seed = sd ^ 16'h0005;   // load straight after the wrap pulse
            step();
            load = 1'b0;
        end
        repeat (3) step();
        en = 1'b0;
        step();
    endtask

    initial begin
        void'($urandom(32'd1));
        // reset held with load/en active: must not matter
        load = 1'b1; en = 1'b1; seed = 16'h1234;
        repeat (2) @(posedge clk);
        for (int md = 0; md < 4; md++) begin mode = md[1:0]; #1 check("in reset"); end
        @(negedge clk);
        rst_n = 1'b1; load = 1'b0; en = 1'b0; mode = 2'd0;
        step(); step();
        // free run from the reset value
        en = 1'b1;
        repeat (40) step();

        // full periods: 16-bit, 8-bit, 4-bit, rotate
        full_period(2'd0, 16'h0001, 65535);
        full_period(2'd1, 16'hFF5A, 255);
        full_period(2'd2, 16'hFFF9, 15);
        full_period(2'd3, 16'h8001, 16);
        full_period(2'd3, 16'h0F00, 16);
        full_period(2'd2, 16'h0003, 15);
        full_period(2'd1, 16'h0081, 255);
        full_period(2'd3, 16'h1231, 16);

        // zero seeds (masked to zero too) in every mode, then a few steps
        for (int md = 0; md < 4; md++) begin
            do_load(md[1:0], 16'h0000); en = 1'b1; repeat (20) step();
            do_load(md[1:0], 16'hFF00 << (md * 4)); en = 1'b1; repeat (20) step();
            do_load(md[1:0], 16'hFFFF); en = 1'b1; repeat (20) step();
        end
        // walking-one seeds in every mode
        for (int md = 0; md < 4; md++)
            for (int b = 0; b < 16; b++) begin
                do_load(md[1:0], 16'h0001 << b); en = 1'b1; repeat (6) step();
                en = 1'b0; step();
            end
        // mode switches without a load
        do_load(2'd0, 16'hBEEF); en = 1'b1;
        for (int k = 0; k < 400; k++) begin mode = k[6:5]; step(); end

        // random stimulus
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = $urandom;
            en = r[2:0] != 3'b000;
            load = r[8:3] == 6'd0;
            if (k % 200 == 0) mode = r[10:9];
            seed = $urandom;
            if (r[11] && r[12]) seed = {8'h00, seed[7:0]};
            step();
        end
        // short periods again with random enables so wrap meets en gaps
        for (int k = 0; k < 600; k++) begin
            if (k % 150 == 0) do_load(k[9:8], $urandom);
            en = $urandom % 3 != 0;
            mode = 2'((k / 150) % 4);
            step();
        end

        // asynchronous reset in mid-cycle
        // ... taken exactly while the wrap pulse is high
        do_load(2'd2, 16'h0009); en = 1'b1; repeat (15) step();
        if (!m_wrap) begin $display("FAIL: expected wrap before reset"); $fatal(1); end
        @(negedge clk); #2;
        rst_n = 1'b0;
        #1;
        m_state = 16'hACE1; m_seed = 16'hACE1; m_wrap = 1'b0;
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        @(negedge clk);
        rst_n = 1'b1; mode = 2'd0;
        repeat (10) step();
        $display("PASS");
        $finish;
    end
endmodule
