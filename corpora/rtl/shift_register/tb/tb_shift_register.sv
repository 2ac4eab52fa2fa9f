// Self-checking testbench for shift_register: the reference keeps the
// register as an integer and shifts it arithmetically; every output is
// checked before and after each clock edge.
module tb_shift_register;
    localparam int W = 8;

    logic         clk = 1'b0, rst_n = 1'b0;
    logic         en = 1'b0, clr = 1'b0, dir = 1'b0, sin = 1'b0;
    logic [W-1:0] pout;
    logic         sout, word_done;

    shift_register #(.W(W)) dut (
        .clk(clk), .rst_n(rst_n), .en(en), .clr(clr), .dir(dir), .sin(sin),
        .pout(pout), .sout(sout), .word_done(word_done)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h7777_1234;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    int m_val = 0, m_n = 0, m_done = 0, cyc = 0;

    task automatic check(input string where);
        int es;
        es = dir ? (m_val % 2) : (m_val / 128);
        if (int'(pout) != m_val || int'(sout) != es || int'(word_done) != m_done) begin
            $display("FAIL: %s cyc=%0d en=%b clr=%b dir=%b sin=%b got pout=%02h sout=%b done=%b exp pout=%02h sout=%0d done=%0d",
                     where, cyc, en, clr, dir, sin, pout, sout, word_done, m_val, es, m_done);
            $fatal(1);
        end
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        if (clr) begin
            m_val = 0; m_n = 0; m_done = 0;
        end else begin
            m_done = 0;
            if (en) begin
                if (dir) m_val = m_val / 2 + (sin ? 128 : 0);
                else     m_val = (m_val * 2) % 256 + (sin ? 1 : 0);
                m_n++;
                if (m_n == W) begin m_n = 0; m_done = 1; end
            end
        end
        cyc++;
        #1 check("post-edge");
    endtask

    initial begin
        en = 1'b1; sin = 1'b1;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
        // shift a fixed byte in MSB-first, then LSB-first
        for (int i = 7; i >= 0; i--) begin sin = 8'hA7 >> i; dir = 1'b0; step(); end
        for (int i = 0; i < 8; i++)  begin sin = 8'h3C >> i; dir = 1'b1; step(); end
        en = 1'b0; repeat (3) step();
        // clear in the middle of a word, also with en high
        en = 1'b1; sin = 1'b1; repeat (5) step();
        clr = 1'b1; step(); clr = 1'b0;
        repeat (9) step();
        // random traffic
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = rnd();
            en  = (r[1:0] != 0);
            clr = (r[8:3] == 0);
            dir = (k % 400 < 200) ? (r[9] & r[10]) : (r[9] | r[10]);
            sin = r[11];
            step();
        end
        // asynchronous reset in mid-cycle, while word_done is high
        en = 1'b1; clr = 1'b0; sin = 1'b1;
        do step(); while (m_done == 0);
        @(negedge clk); #2 rst_n = 1'b0;
        #1 m_val = 0; m_n = 0; m_done = 0;
        check("async reset");
        @(negedge clk); rst_n = 1'b1;
        repeat (10) step();
        // asynchronous reset part-way through a word: the bit count restarts
        en = 1'b1; clr = 1'b0; dir = 1'b0;
        repeat (3) step();
        @(negedge clk); #2 rst_n = 1'b0;
        #1 m_val = 0; m_n = 0; m_done = 0;
        check("async reset mid-word");
        @(negedge clk); rst_n = 1'b1;
        repeat (20) step();
        $display("PASS");
        $finish;
    end
endmodule
