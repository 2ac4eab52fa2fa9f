// Self-checking testbench for seq_detector: the reference model keeps the
// accepted bits in a shift register and derives the match and the matched
// prefix length from the suffix of that history (no state machine). Every
// output is checked before and after every clock edge. Covers reset, every
// 8-bit pattern (exhaustively) fed bit by bit, overlapping matches, valid
// gaps inside patterns, clear, counter saturation and random streams.
module tb_seq_detector;
    logic       clk = 1'b0, rst_n = 1'b0;
    logic       valid = 1'b0, din = 1'b0, clear = 1'b0;
    logic       hit;
    logic [7:0] hits;
    logic [2:0] progress;

    seq_detector dut (.clk(clk), .rst_n(rst_n), .valid(valid), .din(din), .clear(clear),
                      .hit(hit), .hits(hits), .progress(progress));

    always #5 clk = ~clk;

    logic [31:0] hist = '0;   // accepted bits, newest in bit 0
    int          nb = 0, m_hits = 0, cyc = 0;

    // length of the longest prefix of 1101 that ends the history
    function automatic int m_prog();
        if (nb >= 4 && hist[3:0] == 4'b1101) return 4;
        if (nb >= 3 && hist[2:0] == 3'b110) return 3;
        if (nb >= 2 && hist[1:0] == 2'b11) return 2;
        if (nb >= 1 && hist[0] == 1'b1) return 1;
        return 0;
    endfunction

    task automatic check(input string where);
        if (hit !== (m_prog() == 4) || int'(hits) != m_hits || int'(progress) != m_prog()) begin
            $display("FAIL: %s cyc=%0d valid=%b din=%b clear=%b hist=%b got hit=%b hits=%0d progress=%0d exp hit=%b hits=%0d progress=%0d",
                     where, cyc, valid, din, clear, hist[7:0], hit, hits, progress,
                     m_prog() == 4, m_hits, m_prog());
            $fatal(1);
        end
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        if (clear) begin
            hist = '0; nb = 0; m_hits = 0;
        end else if (valid) begin
            hist = {hist[30:0], din};
            nb++;
            if (m_prog() == 4 && m_hits < 255) m_hits++;
        end
        cyc++;
        #1 check("post-edge");
        @(negedge clk);
    endtask

    task automatic feed(input logic b);
        valid = 1'b1; din = b;
        step();
    endtask

    initial begin
        void'($urandom(32'd13));
        valid = 1'b1; din = 1'b1;        // ignored in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
        // right after reset: a match needs four fresh bits
        feed(1); feed(1); feed(0); feed(1); feed(1); feed(0); feed(1);
        // every 8-bit pattern after a clear, with a gap (valid low, din random) inside
        for (int p = 0; p < 256; p++) begin
            clear = 1'b1; valid = p[0]; din = p[1]; step(); clear = 1'b0;
            for (int b = 7; b >= 0; b--) begin
                feed(p[b]);
                if (b == p % 8) begin valid = 1'b0; din = ~din; step(); end
            end
        end
        // long overlapping chains 1101101101...
        for (int k = 0; k < 60; k++) feed(k % 3 != 2);
        // saturation of the hit counter, then clear in the middle of a match
        while (m_hits < 255) begin feed(1); feed(1); feed(0); feed(1); end
        for (int k = 0; k < 8; k++) begin feed(1); feed(1); feed(0); feed(1); end
        feed(1); feed(1); feed(0);
        clear = 1'b1; din = 1'b1; step(); clear = 1'b0;
        feed(1); feed(1); feed(0); feed(1);
        clear = 1'b1; valid = 1'b0; step(); clear = 1'b0;
        // random streams, biased toward ones so matches are frequent
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = $urandom;
            valid = r[2:0] != 0;
            din = (k % 1000 < 500) ? r[3] | r[4] : r[3];
            clear = (r[15:8] == 0);
            step();
        end
        // asynchronous reset in mid-cycle while hit is high
        clear = 1'b0;
        feed(1); feed(1); feed(0); feed(1);
        #2 rst_n = 1'b0;
        #1 begin hist = '0; nb = 0; m_hits = 0; end
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        @(negedge clk);
        rst_n = 1'b1;
        feed(0); feed(1); feed(1); feed(0); feed(1);
        $display("PASS");
        $finish;
    end
endmodule
