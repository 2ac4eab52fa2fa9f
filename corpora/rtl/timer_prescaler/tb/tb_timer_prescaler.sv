// Self-checking testbench for timer_prescaler: a cycle model with integer
// counters. Every output is checked before and after every clock edge. Covers
// reset values, prescaler values 0/1/small/255, presc lowered below the
// running pcnt, cmp 0 and 1, all four modes, one-shot stop and re-arm,
// cmp changed below the running count, enable gaps, restart in every state,
// 16-bit wrap in free-running mode, and random stimulus.
module tb_timer_prescaler;
    logic        clk = 1'b0, rst_n = 1'b0;
    logic        en = 1'b0, restart = 1'b0;
    logic [1:0]  mode = '0;
    logic [7:0]  presc = '0, pcnt;
    logic [15:0] cmp = '0, count;
    logic        tick, match, irq, running;

    timer_prescaler dut (.clk(clk), .rst_n(rst_n), .en(en), .restart(restart), .mode(mode),
                         .presc(presc), .cmp(cmp), .pcnt(pcnt), .tick(tick), .count(count),
                         .match(match), .irq(irq), .running(running));

    always #5 clk = ~clk;

    int   m_p = 0, m_c = 0, cyc = 0, n_match = 0;
    logic m_match = 0, m_irq = 0, m_run = 1;

    task automatic model_reset();
        m_p = 0; m_c = 0; m_match = 0; m_irq = 0; m_run = 1;
    endtask

    function automatic logic m_tick();
        return en && m_run && m_p >= int'(presc);
    endfunction

    task automatic check(input string where);
        if (int'(pcnt) != m_p || tick !== m_tick() || int'(count) != m_c || match !== m_match ||
            irq !== m_irq || running !== m_run) begin
            $display("FAIL: %s cyc=%0d en=%b rs=%b mode=%0d presc=%0d cmp=%0d got pcnt=%0d tick=%b count=%0d match=%b irq=%b run=%b exp pcnt=%0d tick=%b count=%0d match=%b irq=%b run=%b",
                     where, cyc, en, restart, mode, presc, cmp, pcnt, tick, count, match, irq, running,
                     m_p, m_tick(), m_c, m_match, m_irq, m_run);
            $fatal(1);
        end
    endtask

    task automatic step();
        logic t, h, old_match;
        #1 check("pre-edge");
        t = m_tick();
        h = m_c >= int'(cmp);
        @(posedge clk);
        if (restart) model_reset();
        else begin
            old_match = m_match;
            m_match = 0;
            if (t) begin
                m_p = 0;
                case (mode)
                    2'd0: begin m_match = h; m_c = h ? 0 : m_c + 1; end
                    2'd1: begin m_match = h; m_run = !h; if (!h) m_c++; end
                    2'd2: begin m_match = (m_c == 0); m_c = (m_c == 0) ? int'(cmp) : m_c - 1; end
                    default: m_c = (m_c + 1) % 65536;
                endcase
            end else if (en && m_run) m_p++;
            m_irq = m_irq || old_match;
            if (m_match) n_match++;
        end
        cyc++;
        #1 check("post-edge");
        @(negedge clk);
    endtask

    task automatic do_restart();
        restart = 1'b1; step(); restart = 1'b0;
    endtask

    initial begin
        void'($urandom(32'd37));
        model_reset();
        en = 1'b1; restart = 1'b1;            // ignored in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; restart = 1'b0; en = 1'b0;
        step();
        // every mode with a few prescaler/compare settings
        for (int md = 0; md < 4; md++)
            for (int s = 0; s < 6; s++) begin
                mode = md[1:0];
                presc = s == 0 ? 0 : s == 1 ? 1 : s == 2 ? 3 : s == 3 ? 0 : s == 4 ? 2 : 5;
                cmp = s == 3 ? 0 : s == 4 ? 1 : 3 + s;
                do_restart();
                en = 1'b1;
                repeat (60) step();
                en = 1'b0; repeat (3) step(); en = 1'b1;
                repeat (20) step();
            end
        // presc 255 for a few ticks
        mode = 2'd0; presc = 8'd255; cmp = 16'd2; do_restart(); en = 1'b1;
        repeat (1030) step();
        // presc lowered below the running prescaler count
        presc = 8'd9; do_restart(); repeat (7) step(); presc = 8'd2; repeat (10) step();
        // cmp lowered below the running count (>= compare), up modes
        for (int md = 0; md < 2; md++) begin
            mode = md[1:0]; presc = 0; cmp = 16'd20; do_restart();
            repeat (12) step(); cmp = 16'd4; repeat (6) step();
            cmp = 16'd7; repeat (10) step();
        end
        // one-shot stop, stays stopped, restart re-arms; restart while match is high
        mode = 2'd1; presc = 1; cmp = 3; do_restart();
        repeat (30) step();
        do_restart(); while (!m_match) step();
        do_restart(); repeat (3) step();
        // free-running wrap at 65535
        mode = 2'd3; presc = 0; do_restart();
        repeat (65540) step();
        // irq stays set across modes until restart
        mode = 2'd2; cmp = 2; presc = 0; do_restart(); repeat (10) step();
        mode = 2'd3; repeat (5) step();
        // random stimulus
        for (int k = 0; k < 4000; k++) begin
            logic [31:0] r;
            r = $urandom;
            en = r[3:0] != 0;
            restart = r[11:4] == 0;
            if (r[15:12] == 0) mode = r[17:16];
            if (r[21:18] == 0) presc = r[23:22];
            if (r[27:24] == 0) cmp = r[30:28];
            step();
        end
        // asynchronous reset in mid-cycle with irq set, counters running, one-shot stopped
        restart = 1'b0; en = 1'b1; mode = 2'd1; presc = 1; cmp = 2; do_restart();
        repeat (12) step();
        if (m_run || !m_irq) begin $display("FAIL: setup"); $fatal(1); end
        #2 rst_n = 1'b0;
        #1 model_reset();
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        @(negedge clk);
        rst_n = 1'b1; mode = 2'd0;
        repeat (10) step();
        // and once more while match is high
        mode = 2'd0; presc = 0; cmp = 1; do_restart();
        while (!m_match) step();
        #2 rst_n = 1'b0;
        #1 model_reset();
        check("async reset 2");
        @(negedge clk);
        rst_n = 1'b1;
        repeat (5) step();
        // and once more with the prescaler count mid-way
        mode = 2'd3; presc = 8'd6; do_restart();
        repeat (11) step();
        if (m_p == 0) begin $display("FAIL: setup 3"); $fatal(1); end
        #2 rst_n = 1'b0;
        #1 model_reset();
        check("async reset 3");
        @(negedge clk);
        rst_n = 1'b1;
        repeat (9) step();
        if (n_match < 200) begin $display("FAIL: only %0d matches", n_match); $fatal(1); end
        $display("PASS");
        $finish;
    end
endmodule
