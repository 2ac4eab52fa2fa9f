// Self-checking testbench for window_cmp. The model keeps its own copies of
// the thresholds and of the previous zone. The sample x is steered onto and
// around the thresholds most of the time so the rarely-set flags (at_lo,
// at_hi, bad_win, crossings) are exercised; synchronous reset is re-applied
// mid-run and the reset values are checked right after release.
module tb_window_cmp;
    logic       clk = 1'b0, rst_n = 1'b0, ld_lo = 1'b0, ld_hi = 1'b0;
    logic [7:0] thr = 8'h00, x = 8'h00;
    logic [7:0] lo, hi;
    logic       below, in_win, above, at_lo, at_hi, bad_win, cross_up, cross_dn;
    logic [1:0] zone_q;

    window_cmp dut (.clk(clk), .rst_n(rst_n), .ld_lo(ld_lo), .ld_hi(ld_hi), .thr(thr), .x(x),
                    .lo(lo), .hi(hi), .below(below), .in_win(in_win), .above(above), .at_lo(at_lo),
                    .at_hi(at_hi), .bad_win(bad_win), .zone_q(zone_q), .cross_up(cross_up),
                    .cross_dn(cross_dn));

    always #5 clk = ~clk;

    integer    m_lo = 64, m_hi = 192, m_zq = 1, cyc = 0;
    reg        m_up = 1'b0, m_dn = 1'b0;
    reg [31:0] rs = 32'h7777_1357;
    integer    n_cross = 0, n_at = 0;

    function [31:0] xs32(input [31:0] v);
        reg [31:0] t;
        begin
            t = v ^ (v << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    function integer zone_of(input integer v);
        if (v < m_lo) zone_of = 0;
        else if (v > m_hi) zone_of = 2;
        else zone_of = 1;
    endfunction

    task check(input string where);
        integer z, xv;
        reg [10:0] e, g;
        begin
            xv = x;
            z = zone_of(xv);
            e = {z == 0, z == 1, z == 2, xv == m_lo, xv == m_hi, m_lo > m_hi, m_zq[1:0], m_up, m_dn};
            g = {below, in_win, above, at_lo, at_hi, bad_win, zone_q, cross_up, cross_dn};
            if (g !== e || lo !== m_lo[7:0] || hi !== m_hi[7:0]) begin
                $display("FAIL: %s cyc=%0d x=%h lo=%h hi=%h got flags=%b exp %b (model lo=%h hi=%h)",
                         where, cyc, x, lo, hi, g, e, m_lo[7:0], m_hi[7:0]);
                $fatal(1);
            end
            if (at_lo || at_hi) n_at = n_at + 1;
        end
    endtask

    task model_edge;
        integer z;
        begin
            z = zone_of(x);
            if (!rst_n) begin
                m_lo = 64; m_hi = 192; m_zq = 1; m_up = 1'b0; m_dn = 1'b0;
            end else begin
                m_up = (z == 2) && (m_zq != 2);
                m_dn = (z == 0) && (m_zq != 0);
                m_zq = z;
                if (ld_lo) m_lo = thr;
                if (ld_hi) m_hi = thr;
                if (m_up || m_dn) n_cross = n_cross + 1;
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

    task pick_x;
        begin
            rs = xs32(rs);
            case (rs[3:0])
                4'd0: x = m_lo;
                4'd1: x = m_lo - 1;
                4'd2: x = m_lo + 1;
                4'd3: x = m_hi;
                4'd4: x = m_hi - 1;
                4'd5: x = m_hi + 1;
                4'd6: x = 8'h00;
                4'd7: x = 8'hFF;
                default: x = rs[15:8];
            endcase
        end
    endtask

    integer i, v;
    initial begin
        ld_lo = 1'b1; ld_hi = 1'b1; thr = 8'h11; x = 8'hFF;    // loads ignored in reset
        @(negedge clk);
        step();
        step();
        rst_n = 1'b1; ld_lo = 1'b0; ld_hi = 1'b0;
        // sweep every x against the reset thresholds
        for (v = 0; v < 256; v = v + 1) begin
            x = v;
            step();
        end
        for (i = 0; i < 5000; i = i + 1) begin
            pick_x();
            ld_lo = (rs[22:19] == 4'd0);
            ld_hi = (rs[26:23] == 4'd0);
            thr   = rs[31] ? rs[30:23] : (rs[30] ? m_hi : m_lo) + {{6{rs[29]}}, rs[28:27]};
            rst_n = !(i == 2500 || i == 2501 || rs[31:20] == 12'h123);
            step();
        end
        rst_n = 1'b0; step();
        rst_n = 1'b1;
        for (v = 0; v < 256; v = v + 1) begin
            x = 8'hFF - v;
            step();
        end
        if (n_cross < 100 || n_at < 100) begin
            $display("FAIL: weak stimulus crossings=%0d at=%0d", n_cross, n_at);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
