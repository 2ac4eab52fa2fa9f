// Self-checking testbench for pwm: a cycle model with its own counter, shadow
// and active registers. Every output is checked before and after every clock
// edge. Covers reset values (the first period runs on them), duty 0 / equal to
// top / above top, period 1 (top = 0) and 256 (top = 255), writes that land on
// the last cycle of a period, enable gaps, polarity changes and random stimulus.
module tb_pwm;
    logic       clk = 1'b0, rst_n = 1'b0;
    logic       en = 1'b0, wr = 1'b0, invert = 1'b0;
    logic [7:0] duty = '0, top = '0;
    logic [7:0] cnt;
    logic       pwm_out, period_end, half;

    pwm dut (.clk(clk), .rst_n(rst_n), .en(en), .wr(wr), .invert(invert), .duty(duty),
             .top(top), .cnt(cnt), .pwm_out(pwm_out), .period_end(period_end), .half(half));

    always #5 clk = ~clk;

    int m_cnt, m_duty_s, m_top_s, m_duty, m_top, cyc = 0, periods = 0;

    task automatic model_reset();
        m_cnt = 0; m_duty_s = 40; m_top_s = 99; m_duty = 40; m_top = 99;
    endtask

    task automatic check(input string where);
        logic e_out, e_end, e_half;
        e_end  = en && (m_cnt == m_top);
        e_out  = en ? ((m_cnt < m_duty) != invert) : invert;
        e_half = (m_cnt == m_top / 2);
        if (int'(cnt) != m_cnt || pwm_out !== e_out || period_end !== e_end || half !== e_half) begin
            $display("FAIL: %s cyc=%0d en=%b wr=%b inv=%b duty=%0d top=%0d got cnt=%0d out=%b end=%b half=%b exp cnt=%0d out=%b end=%b half=%b (duty_q=%0d top_q=%0d)",
                     where, cyc, en, wr, invert, duty, top, cnt, pwm_out, period_end, half,
                     m_cnt, e_out, e_end, e_half, m_duty, m_top);
            $fatal(1);
        end
    endtask

    task automatic step();
        logic wrap;
        #1 check("pre-edge");
        @(posedge clk);
        wrap = !en || (m_cnt == m_top);
        if (wrap) begin
            m_cnt = 0; m_duty = m_duty_s; m_top = m_top_s;
            if (en) periods++;
        end else begin
            m_cnt++;
        end
        if (wr) begin m_duty_s = duty; m_top_s = top; end
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic prog(input int d, input int t);
        wr = 1'b1; duty = d[7:0]; top = t[7:0];
        step();
        wr = 1'b0;
        duty = $urandom; top = $urandom;   // must not matter after the write
    endtask

    // write, then run until the new settings have been live for n periods
    task automatic run_periods(input int n);
        int p0;
        p0 = periods;
        while (periods < p0 + n + 1) step();
    endtask

    initial begin
        void'($urandom(32'd3));
        model_reset();
        en = 1'b1; wr = 1'b1; duty = 8'd7; top = 8'd9;   // ignored in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; wr = 1'b0;
        // two full periods on the reset settings
        repeat (205) step();
        // corner settings, both polarities
        for (int inv = 0; inv < 2; inv++) begin
            invert = inv[0];
            prog(0, 9);    run_periods(2);
            prog(9, 9);    run_periods(2);
            prog(10, 9);   run_periods(2);
            prog(200, 9);  run_periods(1);
            prog(1, 0);    run_periods(3);
            prog(0, 0);    run_periods(3);
            prog(5, 1);    run_periods(3);
            prog(128, 255); run_periods(1);
            prog(255, 255); run_periods(1);
            prog(254, 255); run_periods(1);
            prog(3, 7);    run_periods(2);
            prog(4, 8);    run_periods(2);
        end
        // writes that land exactly on the last cycle of a period, and one cycle early
        invert = 1'b0;
        prog(2, 5); run_periods(1);
        for (int k = 0; k < 12; k++) begin
            while (!(m_cnt == m_top - (k % 2))) step();
            prog(k, 3 + k % 5);
            run_periods(2);
        end
        // enable gaps with pending writes
        for (int k = 0; k < 20; k++) begin
            prog($urandom % 16, $urandom % 16);
            repeat ($urandom % 8) step();
            en = 1'b0;
            repeat (1 + $urandom % 3) step();
            if (k % 3 == 0) prog($urandom % 16, $urandom % 16);
            en = 1'b1;
            repeat ($urandom % 30) step();
        end
        // random stimulus, small periods so many wraps happen
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = $urandom;
            en = r[3:0] != 4'd0;
            wr = r[9:4] == 6'd0;
            invert = (k % 700 < 350) ? 1'b0 : r[10] | r[11];
            duty = r[23:16] % 20;
            top = r[31:24] % 18;
            step();
        end
        wr = 1'b0;
        // asynchronous reset in mid-cycle, then the reset settings again
        @(negedge clk); #2;
        rst_n = 1'b0;
        #1 model_reset();
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        @(negedge clk);
        rst_n = 1'b1; en = 1'b1; invert = 1'b0;
        repeat (120) step();
        $display("PASS");
        $finish;
    end
endmodule
