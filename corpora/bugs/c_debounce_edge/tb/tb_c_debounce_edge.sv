// Self-checking testbench for c_debounce_edge (CW = 4: 16 stable clocks).
// din changes at falling edges; the expected level / rise / fall are computed
// by a clock-by-clock model of the synchroniser and the stability rule and
// checked at every falling edge (the design's unit-delay registers have
// settled by then) and again shortly after it (nothing may change there). Stimulus: clean steps, bounces shorter than, equal to and
// longer than the threshold, random noise, and an asynchronous reset.
`timescale 1ns/1ps

module tb_c_debounce_edge;
    localparam int N = 16;                     // 2**CW

    logic clk = 1'b0, rst_n = 1'b0, din = 1'b0;
    logic level, rise, fall;

    c_debounce_edge dut (.clk(clk), .rst_n(rst_n), .din(din),
                         .level(level), .rise(rise), .fall(fall));

    always #5 clk = ~clk;

    logic [31:0] rs = 32'hDEB0_0CE5;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    // model
    bit m_s1 = 0, m_s2 = 0, m_level = 0, m_rise = 0, m_fall = 0;
    int m_run = 0;                             // clocks the synchronised input has differed
    int cyc = 0, n_rise = 0, n_fall = 0;

    task automatic check(input string where);
        if (level !== m_level || rise !== m_rise || fall !== m_fall) begin
            $display("FAIL: %s cycle %0d: level=%b rise=%b fall=%b, expected level=%b rise=%b fall=%b",
                     where, cyc, level, rise, fall, m_level, m_rise, m_fall);
            $fatal(1);
        end
    endtask

    task automatic model_reset();
        m_s1 = 0; m_s2 = 0; m_level = 0; m_rise = 0; m_fall = 0; m_run = 0;
    endtask

    task automatic step();
        bit d;
        d = din;
        @(posedge clk);
        if (rst_n) begin
            m_rise = 0; m_fall = 0;
            if (m_s2 == m_level) begin
                m_run = 0;
            end else if (m_run == N - 1) begin
                m_run   = 0;
                m_level = m_s2;
                if (m_s2) begin m_rise = 1; n_rise++; end
                else      begin m_fall = 1; n_fall++; end
            end else begin
                m_run++;
            end
            m_s2 = m_s1;
            m_s1 = d;
        end
        @(negedge clk);
        cyc++;
        check("after edge");
        #2 check("before the next edge");     // nothing may move between edges
    endtask

    task automatic hold(input bit v, input int n);
        din = v;
        repeat (n) step();
    endtask

    initial begin
        din = 1'b1;
        repeat (3) step();                     // in reset
        rst_n = 1'b1;

        // clean steps
        hold(1, 30); hold(0, 30); hold(1, 25); hold(0, 25);

        // pulses around the threshold (synchroniser adds latency, so the
        // pulse length that just passes is found by sweeping)
        for (int len = 10; len <= 22; len++) begin
            hold(~level, len);
            hold(level, 40);
        end
        for (int len = 10; len <= 22; len++) begin
            hold(1, 40);
            hold(0, len);
            hold(1, 40);
        end

        // bouncing edges: a burst of random toggles, then a settle
        for (int k = 0; k < 300; k++) begin
            logic [31:0] r;
            bit tgt;
            r = rnd();
            tgt = r[0];
            for (int i = 0; i < int'(r[5:1]); i++) begin
                din = rnd() & 1;
                step();
            end
            hold(tgt, (r[9:6] == 0) ? int'(r[13:10]) : 20 + int'(r[12:10]));
        end

        // noise with different toggle rates
        for (int k = 0; k < 20000; k++) begin
            logic [31:0] r;
            r = rnd();
            case ((k / 2000) % 4)
                0:       if (r[3:0] == 0) din = ~din;
                1:       if (r[5:0] == 0) din = ~din;
                2:       din = r[0];
                default: if (r[6:0] == 0) din = ~din;
            endcase
            step();
            if (k == 12345) begin
                rst_n = 1'b0;                  // asynchronous reset between edges
                model_reset();
                #2 check("async reset");
                step();
                rst_n = 1'b1;
            end
        end

        if (n_rise < 50 || n_fall < 50) begin
            $display("FAIL: too few edges exercised (%0d rise, %0d fall)", n_rise, n_fall);
            $fatal(1);
        end
        $display("%0d rise / %0d fall pulses checked", n_rise, n_fall);
        $display("PASS");
        $finish;
    end
endmodule
