// Self-checking testbench for debouncer: a cycle model of the synchronizer
// pipeline and of the run length of the synchronized level against `clean`.
// Every output is checked before and after every clock edge. Stimulus: bounce
// bursts with run lengths around LIMIT, long stable holds, fully random input,
// and repeated asynchronous resets (so the saturating glitch counter is
// exercised from zero several times).
module tb_debouncer;
    localparam int LIMIT = 5;

    logic       clk = 1'b0, rst_n = 1'b0, noisy = 1'b0;
    logic       clean, rise, fall, busy;
    logic [3:0] glitches;

    debouncer dut (.clk(clk), .rst_n(rst_n), .noisy(noisy), .clean(clean), .rise(rise),
                   .fall(fall), .busy(busy), .glitches(glitches));

    always #5 clk = ~clk;

    // model
    logic m_s1, m_s2, m_clean, m_rise, m_fall;
    int   m_run, m_gl, cyc = 0;

    task automatic model_reset();
        m_s1 = 0; m_s2 = 0; m_clean = 0; m_rise = 0; m_fall = 0; m_run = 0; m_gl = 0;
    endtask

    task automatic check(input string where);
        if (clean !== m_clean || rise !== m_rise || fall !== m_fall ||
            busy !== (m_run != 0) || int'(glitches) != m_gl) begin
            $display("FAIL: %s cyc=%0d noisy=%b got clean=%b rise=%b fall=%b busy=%b glitches=%0d exp clean=%b rise=%b fall=%b busy=%b glitches=%0d",
                     where, cyc, noisy, clean, rise, fall, busy, glitches,
                     m_clean, m_rise, m_fall, m_run != 0, m_gl);
            $fatal(1);
        end
    endtask

    task automatic step();
        logic lvl;
        #1 check("pre-edge");
        @(posedge clk);
        lvl = m_s2;           // level seen by the debouncer at this edge
        m_s2 = m_s1;
        m_s1 = noisy;
        m_rise = 0; m_fall = 0;
        if (lvl == m_clean) begin
            if (m_run != 0 && m_gl < 15) m_gl++;
            m_run = 0;
        end else if (m_run + 1 >= LIMIT) begin
            m_run = 0;
            m_rise = lvl & ~m_clean;
            m_fall = m_clean & ~lvl;
            m_clean = lvl;
        end else begin
            m_run++;
        end
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic hold(input logic v, input int n);
        noisy = v;
        repeat (n) step();
    endtask

    task automatic async_reset();
        @(negedge clk); #2;
        rst_n = 1'b0;
        #1 model_reset();
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        noisy = ~noisy;
        @(posedge clk); #1 check("async reset held 2");
        @(negedge clk);
        rst_n = 1'b1;
    endtask

    initial begin
        void'($urandom(32'd7));
        model_reset();
        noisy = 1'b1;   // input high during reset must not leak through
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
        // settle high, then runs of every length around LIMIT in both polarities
        hold(1'b1, 12);
        hold(1'b0, 12);
        for (int len = 1; len <= LIMIT + 3; len++) begin
            hold(1'b1, len); hold(1'b0, 12);
        end
        hold(1'b1, 12);
        for (int len = 1; len <= LIMIT + 3; len++) begin
            hold(1'b0, len); hold(1'b1, 12);
        end
        // glitch counter up to saturation and beyond
        for (int k = 0; k < 20; k++) begin hold(1'b0, 1 + k % 3); hold(1'b1, 6); end
        for (int k = 0; k < 20; k++) begin hold(1'b1, 1 + k % 4); hold(1'b0, 7); end

        // several bounce sessions separated by asynchronous resets
        for (int s = 0; s < 6; s++) begin
            async_reset();
            for (int k = 0; k < 120; k++) begin
                int r;
                r = $urandom % 10;
                if (r < 6) hold($urandom % 2, LIMIT - 2 + $urandom % 4);
                else if (r < 8) hold($urandom % 2, 1 + $urandom % 2);
                else hold($urandom % 2, 10 + $urandom % 10);
            end
        end
        // fully random input
        for (int k = 0; k < 1500; k++) begin
            noisy = ($urandom % 4 == 0) ? ~noisy : noisy;
            step();
        end
        async_reset();
        hold(1'b0, 20);
        // reset exactly while a rise strobe, then a fall strobe, is high
        noisy = 1'b1;
        while (!m_rise) step();
        async_reset();
        noisy = 1'b1;
        repeat (20) step();
        noisy = 1'b0;
        while (!m_fall) step();
        async_reset();
        hold(1'b1, 20);
        $display("PASS");
        $finish;
    end
endmodule
