// Self-checking testbench for fir4: the reference model keeps the last four
// accepted samples as integers and computes the dot product with the taps
// (3, -5, 7, 2) and the rounding/saturation with integer arithmetic. Every
// output is checked before and after every clock edge. Covers reset values,
// impulse responses (positive and negative), steps at both extremes
// (saturation both ways), gaps in in_valid, and random samples.
module tb_fir4;
    logic              clk = 1'b0, rst_n = 1'b0;
    logic              in_valid = 1'b0;
    logic signed [7:0] x = '0;
    logic signed [12:0] y;
    logic signed [7:0] y_sat;
    logic              out_valid;

    fir4 dut (.clk(clk), .rst_n(rst_n), .in_valid(in_valid), .x(x), .y(y), .y_sat(y_sat),
              .out_valid(out_valid));

    always #5 clk = ~clk;

    int h[4] = '{3, -5, 7, 2};
    int d[4];             // d[0] newest accepted sample
    int m_y = 0, cyc = 0;
    logic m_pend = 0, m_ov = 0;

    function automatic int sat_of(input int v);
        int r;
        r = v + 2;
        r = (r >= 0) ? r / 4 : -((-r + 3) / 4);   // floor division by 4
        return r > 127 ? 127 : r < -128 ? -128 : r;
    endfunction

    task automatic check(input string where);
        if (int'(y) != m_y || int'(y_sat) != sat_of(m_y) || out_valid !== m_ov) begin
            $display("FAIL: %s cyc=%0d in_valid=%b x=%0d got y=%0d y_sat=%0d out_valid=%b exp y=%0d y_sat=%0d out_valid=%b",
                     where, cyc, in_valid, x, y, y_sat, out_valid, m_y, sat_of(m_y), m_ov);
            $fatal(1);
        end
    endtask

    task automatic step();
        int acc;
        #1 check("pre-edge");
        @(posedge clk);
        acc = 0;
        for (int i = 0; i < 4; i++) acc += h[i] * d[i];
        if (m_pend) m_y = acc;
        m_ov = m_pend;
        m_pend = in_valid;
        if (in_valid) begin
            d[3] = d[2]; d[2] = d[1]; d[1] = d[0]; d[0] = int'(x);
        end
        cyc++;
        #1 check("post-edge");
        @(negedge clk);
    endtask

    task automatic push(input int v);
        in_valid = 1'b1; x = 8'(v);
        step();
    endtask

    task automatic model_reset();
        for (int i = 0; i < 4; i++) d[i] = 0;
        m_y = 0; m_pend = 0; m_ov = 0;
    endtask

    initial begin
        void'($urandom(32'd4));
        model_reset();
        in_valid = 1'b1; x = 8'sd100;          // ignored in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
        // first samples after reset see zeros in the older taps
        push(1); push(-1); push(2); push(3); push(0);
        // impulse responses
        for (int a = 0; a < 6; a++) begin
            int amp;
            amp = a == 0 ? 1 : a == 1 ? -1 : a == 2 ? 127 : a == 3 ? -128 : a == 4 ? 37 : -91;
            repeat (4) push(0);
            push(amp);
            repeat (5) push(0);
        end
        // held extremes: saturation in both directions, alternating extremes
        repeat (6) push(127);
        repeat (6) push(-128);
        for (int k = 0; k < 12; k++) push(k % 2 ? 127 : -128);
        for (int k = 0; k < 12; k++) push(k % 3 == 1 ? -128 : 127);
        for (int k = 0; k < 12; k++) push(k % 2 ? -128 : 127);
        // every sample value through every tap position
        for (int v = -128; v < 128; v++) begin
            push(v);
            if (v % 5 == 0) begin in_valid = 1'b0; x = 8'($urandom); step(); end
        end
        // gaps: in_valid low for a while (y must hold), x changing meanwhile
        for (int k = 0; k < 200; k++) begin
            in_valid = ($urandom % 3 == 0);
            x = 8'($urandom);
            step();
        end
        // random samples, mostly valid
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = $urandom;
            in_valid = r[3:0] != 0;
            x = (k % 500 < 100) ? (r[8] ? 8'sd127 - r[10:9] : -8'sd128 + r[10:9]) : r[23:16];
            step();
        end
        // asynchronous reset mid-cycle with a full delay line and pending output
        push(55); push(-77); push(99);
        #2 rst_n = 1'b0;
        #1 model_reset();
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        @(negedge clk);
        rst_n = 1'b1;
        push(9); push(0); push(0); push(0); push(0);
        $display("PASS");
        $finish;
    end
endmodule
