// Self-checking testbench for edge_detector: the reference model keeps the
// previous input and compares lane by lane; the lane count and the saturating
// counter are computed with integers. Every output is checked before and after
// every clock edge, in all four modes, including reset values, the first cycle
// after reset, walking edges on each lane, saturation and clear.
module tb_edge_detector;
    logic       clk = 1'b0, rst_n = 1'b0;
    logic [7:0] sig = '0;
    logic [1:0] mode = '0;
    logic       clear = 1'b0;
    logic [7:0] rise, fall, events, count;
    logic [3:0] lanes;
    logic       any_event;

    edge_detector dut (.clk(clk), .rst_n(rst_n), .sig(sig), .mode(mode), .clear(clear),
                       .rise(rise), .fall(fall), .events(events), .lanes(lanes),
                       .any_event(any_event), .count(count));

    always #5 clk = ~clk;

    logic [7:0] m_prev = '0, m_rise = '0, m_fall = '0;
    int         m_count = 0, cyc = 0;

    function automatic logic [7:0] m_events();
        logic [7:0] e;
        e = '0;
        for (int i = 0; i < 8; i++)
            case (mode)
                2'd0: e[i] = m_rise[i];
                2'd1: e[i] = m_fall[i];
                2'd2: e[i] = m_rise[i] | m_fall[i];
                default: e[i] = 1'b0;
            endcase
        return e;
    endfunction

    function automatic int ones(input logic [7:0] v);
        int n = 0;
        for (int i = 0; i < 8; i++) if (v[i]) n++;
        return n;
    endfunction

    task automatic check(input string where);
        logic [7:0] e;
        e = m_events();
        if (rise !== m_rise || fall !== m_fall || events !== e || int'(lanes) != ones(e) ||
            any_event !== (e != 0) || int'(count) != m_count) begin
            $display("FAIL: %s cyc=%0d sig=%h mode=%0d clear=%b got rise=%h fall=%h ev=%h lanes=%0d any=%b count=%0d exp rise=%h fall=%h ev=%h lanes=%0d any=%b count=%0d",
                     where, cyc, sig, mode, clear, rise, fall, events, lanes, any_event, count,
                     m_rise, m_fall, e, ones(e), e != 0, m_count);
            $fatal(1);
        end
    endtask

    task automatic step();
        int n;
        #1 check("pre-edge");
        n = ones(m_events());
        @(posedge clk);
        for (int i = 0; i < 8; i++) begin
            m_rise[i] = sig[i] && !m_prev[i];
            m_fall[i] = !sig[i] && m_prev[i];
        end
        m_prev = sig;
        if (clear) m_count = 0;
        else m_count = (m_count + n > 255) ? 255 : m_count + n;
        cyc++;
        #1 check("post-edge");
        @(negedge clk);
    endtask

    initial begin
        void'($urandom(32'd9));
        sig = 8'hFF; mode = 2'd2;          // input high during reset
        repeat (2) @(posedge clk);
        for (int md = 0; md < 4; md++) begin mode = md[1:0]; #1 check("in reset"); end
        @(negedge clk);
        rst_n = 1'b1; mode = 2'd2;
        step();                           // first cycle: every lane rises from reset 0
        step();
        // walking edges on each lane in every mode
        for (int md = 0; md < 4; md++) begin
            mode = md[1:0];
            for (int b = 0; b < 8; b++) begin
                sig = 8'h01 << b; step();
                sig = 8'h00; step();
                sig = ~(8'h01 << b); step();
                sig = 8'hFF; step();
            end
        end
        // clear, then saturation by all-lane toggling in "both" mode
        clear = 1'b1; step(); clear = 1'b0;
        mode = 2'd2;
        for (int k = 0; k < 40; k++) begin sig = ~sig; step(); end
        mode = 2'd0;
        for (int k = 0; k < 6; k++) begin sig = ~sig; step(); end
        clear = 1'b1; sig = ~sig; step(); clear = 1'b0;
        // near-saturation increments of every size
        for (int n = 1; n <= 8; n++) begin
            clear = 1'b1; step(); clear = 1'b0;
            mode = 2'd0;
            sig = 8'h00; step();
            while (m_count < 256 - 2 * n) begin sig = 8'hFF; step(); sig = 8'h00; step(); end
            mode = 2'd0;
            for (int k = 0; k < 6; k++) begin
                sig = 8'(((1 << n) - 1) << (8 - n)); step();
                sig = 8'h00; step();
            end
        end
        // random stimulus with random mode switches and clears
        clear = 1'b1; step(); clear = 1'b0;
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = $urandom;
            sig = (r[0] ? sig ^ r[15:8] : r[23:16]);
            if (r[27:24] == 0) mode = r[29:28];
            clear = (r[31:30] == 2'b11) && (k % 64 == 0);
            step();
        end
        // asynchronous reset in mid-cycle with strobes and count non-zero
        mode = 2'd2; sig = 8'h5A; step(); sig = 8'hA5; step();
        #2 rst_n = 1'b0;
        #1 begin m_prev = 0; m_rise = 0; m_fall = 0; m_count = 0; end
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        @(negedge clk);
        rst_n = 1'b1;
        repeat (4) begin sig = $urandom; step(); end
        $display("PASS");
        $finish;
    end
endmodule
