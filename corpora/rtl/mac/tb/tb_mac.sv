// Self-checking testbench for mac: the reference accumulates in a 64-bit
// integer, wraps to 20 bits, and flags overflow when the exact sum leaves
// the 20-bit signed range. Outputs are checked before and after every
// edge; operand phases push the accumulator into positive and negative
// overflow, and through count saturation.
module tb_mac;
    localparam int ACC_W = 20;
    localparam longint LIM = 64'sd1 << (ACC_W - 1);

    logic                    clk = 1'b0, rst_n = 1'b0;
    logic                    en = 1'b0, clear = 1'b0;
    logic signed [7:0]       a = '0, b = '0;
    logic signed [ACC_W-1:0] acc;
    logic                    ovf;
    logic [5:0]              count;

    mac #(.ACC_W(ACC_W)) dut (
        .clk(clk), .rst_n(rst_n), .en(en), .clear(clear), .a(a), .b(b),
        .acc(acc), .ovf(ovf), .count(count)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h3141_5926;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    longint m_acc = 0;
    bit     m_ovf = 0;
    int     m_cnt = 0, cyc = 0, n_ovf_events = 0;

    function automatic longint wrap(input longint v);
        longint r;
        r = v % (2 * LIM);
        if (r < 0) r += 2 * LIM;
        if (r >= LIM) r -= 2 * LIM;
        return r;
    endfunction

    task automatic check(input string where);
        if (longint'(acc) != m_acc || ovf !== m_ovf || int'(count) != m_cnt) begin
            $display("FAIL: %s cyc=%0d en=%b clr=%b a=%0d b=%0d got acc=%0d ovf=%b cnt=%0d exp acc=%0d ovf=%b cnt=%0d",
                     where, cyc, en, clear, a, b, acc, ovf, count, m_acc, m_ovf, m_cnt);
            $fatal(1);
        end
    endtask

    task automatic step();
        longint p, s;
        #1 check("pre-edge");
        @(posedge clk);
        p = longint'(int'(a) * int'(b));
        if (clear) begin
            m_acc = en ? p : 0; m_ovf = 0; m_cnt = en ? 1 : 0;
        end else if (en) begin
            s = m_acc + p;
            if (s >= LIM || s < -LIM) begin m_ovf = 1; n_ovf_events++; end
            m_acc = wrap(s);
            if (m_cnt < 63) m_cnt++;
        end
        cyc++;
        #1 check("post-edge");
    endtask

    initial begin
        en = 1'b1; a = 8'sd100; b = 8'sd100;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; en = 1'b0;
        step();
        // extreme operand pairs
        for (int i = 0; i < 6; i++) begin
            for (int j = 0; j < 6; j++) begin
                int vals [6] = '{-128, -127, -1, 0, 1, 127};
                clear = 1'b1; en = 1'b1; a = 8'(vals[i]); b = 8'(vals[j]); step();
                clear = 1'b0; en = 1'b1; step();
                en = 1'b0; step();
            end
        end
        // drive into positive overflow and beyond, then negative overflow
        clear = 1'b1; en = 1'b0; step(); clear = 1'b0;
        en = 1'b1; a = -8'sd128; b = -8'sd128;
        repeat (70) step();
        clear = 1'b1; step(); clear = 1'b0;
        a = 8'sd127; b = -8'sd128;
        repeat (70) step();
        // random operands, with phases of same-sign products to reach overflow
        for (int k = 0; k < 5000; k++) begin
            logic [31:0] r;
            int ph;
            r = rnd();
            ph = (k / 250) % 4;
            en    = (r[1:0] != 0);
            clear = (ph == 3) ? (r[5:2] == 0) : (r[9:2] == 0);
            a     = r[15:8];
            b     = r[23:16];
            if (ph == 0) begin a = {1'b0, a[6:0]}; b = {1'b0, b[6:0]} | 8'h40; end   // positive
            if (ph == 1) begin a = {1'b1, a[6:0]}; b = {1'b0, b[6:0]} | 8'h40; end   // negative
            step();
        end
        // asynchronous reset in mid-cycle, with the overflow flag set
        clear = 1'b1; en = 1'b0; step();
        clear = 1'b0; en = 1'b1; a = -8'sd128; b = -8'sd128;
        repeat (40) step();
        if (ovf !== 1'b1 || count == 6'd0) begin
            $display("FAIL: overflow/count not set before reset test");
            $fatal(1);
        end
        @(negedge clk); #2 rst_n = 1'b0;
        #1 m_acc = 0; m_ovf = 0; m_cnt = 0;
        check("async reset");
        @(negedge clk); rst_n = 1'b1;
        repeat (5) step();
        if (n_ovf_events < 10) begin
            $display("FAIL: overflow exercised only %0d times", n_ovf_events);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
