// Self-checking testbench for min_max_tracker: the reference model keeps the
// extremes as integers in the chosen interpretation (signed or unsigned) and
// compares with integer arithmetic. Every output is checked before and after
// every clock edge. Covers reset values, first sample after clear, ties,
// monotonic streams both ways, values around the signed/unsigned boundary,
// count saturation, valid gaps, and random sessions in both modes.
module tb_min_max_tracker;
    logic       clk = 1'b0, rst_n = 1'b0;
    logic       valid = 1'b0, clear = 1'b0, sgn = 1'b0;
    logic [7:0] sample = '0;
    logic [7:0] min_v, max_v, range, count;
    logic       new_min, new_max;

    min_max_tracker dut (.clk(clk), .rst_n(rst_n), .valid(valid), .clear(clear), .sgn(sgn),
                         .sample(sample), .min_v(min_v), .max_v(max_v), .range(range),
                         .count(count), .new_min(new_min), .new_max(new_max));

    always #5 clk = ~clk;

    int m_min = 0, m_max = 0, m_cnt = 0, cyc = 0;   // extremes as raw 8-bit patterns
    logic m_nmin = 0, m_nmax = 0;

    function automatic int val(input logic [7:0] v);
        return sgn ? int'($signed(v)) : int'(v);
    endfunction

    task automatic check(input string where);
        if (int'(min_v) != m_min || int'(max_v) != m_max || int'(count) != m_cnt ||
            range !== 8'(m_max - m_min) || new_min !== m_nmin || new_max !== m_nmax) begin
            $display("FAIL: %s cyc=%0d valid=%b clear=%b sgn=%b sample=%h got min=%h max=%h range=%h count=%0d nmin=%b nmax=%b exp min=%h max=%h range=%h count=%0d nmin=%b nmax=%b",
                     where, cyc, valid, clear, sgn, sample, min_v, max_v, range, count, new_min, new_max,
                     8'(m_min), 8'(m_max), 8'(m_max - m_min), m_cnt, m_nmin, m_nmax);
            $fatal(1);
        end
    endtask

    task automatic model_clear();
        m_min = 0; m_max = 0; m_cnt = 0; m_nmin = 0; m_nmax = 0;
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        if (clear) model_clear();
        else begin
            m_nmin = valid && (m_cnt == 0 || val(sample) < val(8'(m_min)));
            m_nmax = valid && (m_cnt == 0 || val(sample) > val(8'(m_max)));
            if (m_nmin) m_min = int'(sample);
            if (m_nmax) m_max = int'(sample);
            if (valid && m_cnt < 255) m_cnt++;
        end
        cyc++;
        #1 check("post-edge");
        @(negedge clk);
    endtask

    task automatic put(input int v);
        valid = 1'b1; sample = 8'(v);
        step();
    endtask

    task automatic restart(input logic s);
        clear = 1'b1; valid = 1'b1; sample = $urandom;   // clear wins over valid
        step();
        clear = 1'b0; sgn = s;
    endtask

    initial begin
        void'($urandom(32'd31));
        valid = 1'b1; sample = 8'h80;        // ignored in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; valid = 1'b0;
        step();
        for (int s = 0; s < 2; s++) begin
            // first sample sets both, then ties and new extremes
            restart(s[0]);
            put(8'h40); put(8'h40); put(8'h3F); put(8'h41); put(8'h3F); put(8'h41);
            valid = 1'b0; sample = 8'h00; step(); sample = 8'hFF; step();
            // across the signed/unsigned boundary
            put(8'h7F); put(8'h80); put(8'hFF); put(8'h00); put(8'h01); put(8'h81);
            // monotonic streams
            restart(s[0]);
            for (int v = 0; v < 256; v += 5) put(v);
            restart(s[0]);
            for (int v = 255; v >= 0; v -= 7) put(v);
            // first sample at each extreme value
            restart(s[0]); put(8'h00); put(8'h01); put(8'hFF);
            restart(s[0]); put(8'hFF); put(8'hFE); put(8'h00);
            restart(s[0]); put(8'h80); put(8'h7F); put(8'h81);
            restart(s[0]); put(8'h7F); put(8'h80); put(8'h7E);
        end
        // count saturation
        restart(1'b0);
        for (int k = 0; k < 300; k++) put($urandom);
        valid = 1'b0; repeat (3) step();
        // random sessions in both modes
        for (int sess = 0; sess < 40; sess++) begin
            restart(sess % 2);
            for (int k = 0; k < 60; k++) begin
                valid = ($urandom % 4 != 0);
                sample = (sess % 4 < 2) ? $urandom : 8'h80 + ($urandom % 9) - 4;
                step();
            end
        end
        // asynchronous reset in mid-cycle with everything non-zero
        restart(1'b1); put(8'hE0); put(8'h20); restart(1'b0); put(8'h90);   // new_min and new_max both high
        if (!m_nmin || !m_nmax) begin $display("FAIL: setup"); $fatal(1); end
        #2 rst_n = 1'b0;
        #1 model_clear();
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        @(negedge clk);
        rst_n = 1'b1;
        put(8'h33); put(8'h11);
        $display("PASS");
        $finish;
    end
endmodule
