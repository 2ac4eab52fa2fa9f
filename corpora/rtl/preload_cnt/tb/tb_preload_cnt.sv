// Self-checking testbench for preload_cnt. The model tracks count, reload
// and the period number with integers. Runs the reset preload down to zero
// (tick held), then random ticks with occasional small reload writes so many
// wraps happen; synchronous reset is re-applied mid-run and the preload is
// checked on the cycle right after each release.
module tb_preload_cnt;
    reg         clk = 1'b0, reset = 1'b1, tick = 1'b0, wr = 1'b0, wr_now = 1'b0;
    reg  [15:0] wdata = 16'd0;
    wire [15:0] count, reload;
    wire        tc, zero;
    wire [7:0]  periods;

    preload_cnt dut (.clk(clk), .reset(reset), .tick(tick), .wr(wr), .wr_now(wr_now),
                     .wdata(wdata), .count(count), .reload(reload), .tc(tc), .zero(zero),
                     .periods(periods));

    always #5 clk = ~clk;

    integer    m_cnt = 200, m_rl = 200, m_per = 1, cyc = 0, n_tc = 0;
    reg [31:0] rs = 32'h0F1E_2D3C;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    task check(input string where);
        begin
            if (count !== m_cnt[15:0] || reload !== m_rl[15:0] || zero !== (m_cnt == 0) ||
                tc !== (tick && m_cnt == 0) || periods !== m_per[7:0]) begin
                $display("FAIL: %s cyc=%0d tick=%b wr=%b/%b wdata=%0d got count=%0d reload=%0d tc=%b zero=%b periods=%0d exp %0d %0d %b %b %0d",
                         where, cyc, tick, wr, wr_now, wdata, count, reload, tc, zero, periods,
                         m_cnt, m_rl, tick && m_cnt == 0, m_cnt == 0, m_per % 256);
                $fatal(1);
            end
        end
    endtask

    task model_edge;
        begin
            if (reset) begin
                m_cnt = 200; m_rl = 200; m_per = 1;
            end else begin
                if (wr && wr_now) m_cnt = wdata;
                else if (tick) begin
                    if (m_cnt == 0) begin
                        m_cnt = m_rl; m_per = (m_per + 1) % 256; n_tc = n_tc + 1;
                    end else m_cnt = m_cnt - 1;
                end
                if (wr) m_rl = wdata;
            end
        end
    endtask

    task step;
        begin
            #1 check("pre-edge");
            @(posedge clk);
            model_edge;
            cyc = cyc + 1;
            #1 check("post-edge");
            @(negedge clk);
        end
    endtask

    integer i;
    initial begin
        tick = 1'b1; wr = 1'b1; wr_now = 1'b1; wdata = 16'd7;   // ignored in reset
        @(negedge clk);
        step();
        reset = 1'b0; wr = 1'b0; wr_now = 1'b0;
        repeat (205) step();                  // preload runs down and wraps
        for (i = 0; i < 8000; i = i + 1) begin
            rs = xs32(rs);
            tick   = rs[0] | rs[1];
            wr     = (rs[7:2] == 6'd0);
            wr_now = rs[8];
            wdata  = rs[9] ? {12'd0, rs[13:10]} : rs[31:16];
            reset  = (i == 4000) || (rs[31:20] == 12'hABC);
            step();
        end
        if (n_tc < 100) begin
            $display("FAIL: weak stimulus, only %0d wraps", n_tc);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
