// Self-checking testbench for b_fixed_mac. The reference accumulates in
// 64-bit integers, clamps to the 18-bit range, and derives the rounded or
// truncated, clipped Q1.7 result with integer arithmetic. acc, y, y_sat,
// acc_sat and vld are checked after every clock edge and y / y_sat again
// for both rounding modes. Phases bias the operands so that both
// accumulator limits are hit and left again.
module tb_b_fixed_mac;
    localparam longint ACC_MAX = (64'sd1 <<< 17) - 1;
    localparam longint ACC_MIN = -(64'sd1 <<< 17);

    logic              clk = 1'b0, rst_n = 1'b0;
    logic              en = 1'b0, clr = 1'b0, sub = 1'b0, rnd_en = 1'b0;
    logic signed [7:0] a = '0, b = '0;
    logic signed [17:0] acc;
    logic signed [7:0] y;
    logic              y_sat, acc_sat, vld;

    b_fixed_mac #(.DW(8), .FRAC(7), .ACC_W(18)) dut (
        .clk(clk), .rst_n(rst_n), .en(en), .clr(clr), .sub(sub), .rnd_en(rnd_en),
        .a(a), .b(b), .acc(acc), .y(y), .y_sat(y_sat), .acc_sat(acc_sat), .vld(vld)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h7777_1234;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    longint m_acc;
    bit     m_sat, m_vld;
    int     cyc = 0, n_pos_sat = 0, n_neg_sat = 0, n_yclip = 0;

    task automatic model_reset();
        m_acc = 0; m_sat = 0; m_vld = 0;
    endtask

    task automatic model_edge(input bit e, input bit c, input bit s,
                              input logic signed [7:0] x, input logic signed [7:0] z);
        longint p, t;
        bit ovf;
        p = longint'(x) * longint'(z);
        if (s) p = -p;
        t = (c ? 0 : m_acc) + p;
        ovf = 0;
        if (t > ACC_MAX) begin t = ACC_MAX; ovf = 1; if (e) n_pos_sat++; end
        if (t < ACC_MIN) begin t = ACC_MIN; ovf = 1; if (e) n_neg_sat++; end
        if (e) m_acc = t;
        else if (c) m_acc = 0;
        if (c) m_sat = e && ovf;
        else if (e && ovf) m_sat = 1;
        m_vld = e;
    endtask

    function automatic longint exp_y(input bit r, output bit clip);
        longint q;
        q = r ? ((m_acc + 64) >>> 7) : (m_acc >>> 7);
        clip = 0;
        if (q > 127)  begin q = 127;  clip = 1; end
        if (q < -128) begin q = -128; clip = 1; end
        return q;
    endfunction

    task automatic check(input string where);
        longint ey;
        bit eclip;
        if (longint'(acc) != m_acc || acc_sat !== m_sat || vld !== m_vld) begin
            $display("FAIL: %s cyc=%0d acc=%0d acc_sat=%b vld=%b exp acc=%0d acc_sat=%b vld=%b",
                     where, cyc, acc, acc_sat, vld, m_acc, m_sat, m_vld);
            $fatal(1);
        end
        ey = exp_y(rnd_en, eclip);
        if (longint'(y) != ey || y_sat !== eclip) begin
            $display("FAIL: %s cyc=%0d acc=%0d rnd_en=%b y=%0d y_sat=%b exp y=%0d y_sat=%b",
                     where, cyc, acc, rnd_en, y, y_sat, ey, eclip);
            $fatal(1);
        end
        if (eclip) n_yclip++;
    endtask

    task automatic step();
        bit e, c, s;
        logic signed [7:0] x, z;
        e = en; c = clr; s = sub; x = a; z = b;
        @(posedge clk);
        if (rst_n) model_edge(e, c, s, x, z);
        cyc++;
        #1 check("post-edge");
        rnd_en = ~rnd_en;
        #1 check("other rounding mode");
        rnd_en = ~rnd_en;
    endtask

    initial begin
        model_reset();
        en = 1; clr = 0; a = 8'sd100; b = 8'sd100;     // ignored in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;

        // directed: small products, rounding ties, negative values
        en = 1; clr = 1; sub = 0; a = 8'sd1; b = 8'sd64; rnd_en = 1; step();   // acc = 64
        clr = 0; a = 8'sd0; step();
        sub = 1; a = 8'sd1; b = 8'sd1; step();                                 // 63
        a = 8'sd1; b = 8'sd127; repeat (3) step();                              // negative
        a = -8'sd128; b = 8'sd1; sub = 0; step();
        rnd_en = 0; repeat (2) step();
        // drive to the positive limit and beyond, then back
        clr = 1; a = -8'sd128; b = -8'sd128; sub = 0; step();
        clr = 0; repeat (10) step();
        sub = 1; a = 8'sd127; b = 8'sd127; repeat (20) step();                   // to negative limit
        en = 0; repeat (2) step();
        clr = 1; step();                                                       // clear without en
        clr = 0; en = 1; sub = 0; a = 8'sd127; b = -8'sd128; repeat (12) step();  // negative limit by add
        a = 8'sd90; b = 8'sd90; repeat (12) step();

        // random
        for (int k = 0; k < 8000; k++) begin
            logic [31:0] r;
            int ph;
            r = rnd();
            ph = (k / 64) % 4;
            en     = (r[2:0] != 0);
            clr    = (r[8:4] == 0);
            rnd_en = r[9];
            a      = r[23:16];
            b      = r[31:24];
            case (ph)
                0: sub = r[10];                                       // random walk
                1: begin sub = 0; a = {1'b0, a[6:0]}; b = {1'b0, b[6:0]}; end   // grow positive
                2: begin sub = 0; a = {1'b1, a[6:0]}; b = {1'b0, b[6:0]}; end   // grow negative
                default: begin sub = 1; a = {r[11], a[6:0]}; b = {1'b0, b[6:0]}; end
            endcase
            step();
            if (k == 5000) begin
                #2 rst_n = 1'b0;
                #1 model_reset();
                check("async reset");
                @(posedge clk);
                #1 check("in reset");
                @(negedge clk);
                rst_n = 1'b1;
            end
        end
        if (n_pos_sat < 20 || n_neg_sat < 20 || n_yclip < 100) begin
            $display("FAIL: weak coverage pos_sat=%0d neg_sat=%0d yclip=%0d", n_pos_sat, n_neg_sat, n_yclip);
            $fatal(1);
        end
        $display("PASS (sat +%0d -%0d, clipped y %0d)", n_pos_sat, n_neg_sat, n_yclip);
        $finish;
    end
endmodule
