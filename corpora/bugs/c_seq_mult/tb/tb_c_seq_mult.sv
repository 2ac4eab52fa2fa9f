// Self-checking testbench for c_seq_mult. A cycle-level reference model
// (latency 16 clocks from the edge that takes start) predicts busy, done and
// p every cycle; the product itself comes from the testbench's own '*'.
// start is also raised while busy (must be ignored) and a, b change while a
// multiply runs (they were captured).
module tb_c_seq_mult;
    logic        clk = 1'b0, rst_n = 1'b0;
    logic        start = 1'b0;
    logic [15:0] a = 16'h0, b = 16'h0;
    logic        busy, done;
    logic [31:0] p;

    c_seq_mult dut (.clk(clk), .rst_n(rst_n), .start(start), .a(a), .b(b),
                    .busy(busy), .done(done), .p(p));

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h2468_ACE1;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    // reference model
    bit          m_busy = 0, m_done = 0;
    int          m_left = 0;
    logic [15:0] m_a = 0, m_b = 0;
    logic [31:0] m_p = 0;
    int          cyc = 0, n_prod = 0;

    task automatic check(input string where);
        if (busy !== m_busy || done !== m_done || p !== m_p) begin
            $display("FAIL: %s cycle %0d: busy=%b done=%b p=%08h, expected busy=%b done=%b p=%08h (a=%04h b=%04h)",
                     where, cyc, busy, done, p, m_busy, m_done, m_p, m_a, m_b);
            $fatal(1);
        end
    endtask

    // inputs are applied at the falling edge; the model steps with the rising edge
    task automatic step();
        @(posedge clk);
        m_done = 0;
        if (rst_n) begin
            if (m_busy) begin
                m_left--;
                if (m_left == 0) begin
                    m_busy = 0;
                    m_done = 1;
                    m_p    = 32'(m_a) * 32'(m_b);
                    n_prod++;
                end
            end else if (start) begin
                m_busy = 1;
                m_left = 16;
                m_a    = a;
                m_b    = b;
            end
        end
        @(negedge clk);
        cyc++;
        check("after edge");
    endtask

    task automatic do_reset(input int n);
        rst_n = 1'b0;
        m_busy = 0; m_done = 0; m_left = 0; m_p = 0;
        #1 check("reset");
        repeat (n) step();
        rst_n = 1'b1;
    endtask

    logic [15:0] corner [6] = '{16'h0000, 16'h0001, 16'hFFFF, 16'h8000, 16'h7FFF, 16'hAAAA};

    initial begin
        start = 1'b1; a = 16'h1234; b = 16'h5678;      // ignored in reset
        do_reset(2);
        start = 1'b0;
        step();

        // corner operands, start held for a single cycle
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++) begin
                a = corner[i]; b = corner[j]; start = 1'b1;
                step();
                start = 1'b0;
                while (m_busy) begin
                    a = rnd(); b = rnd();                // captured already
                    step();
                end
            end

        // start kept high: back-to-back multiplies, start while busy ignored
        start = 1'b1;
        for (int k = 0; k < 200; k++) begin
            a = rnd(); b = rnd();
            step();
        end

        // random start pattern
        for (int k = 0; k < 20000; k++) begin
            logic [31:0] r;
            r = rnd();
            start = (r[1:0] == 0);
            a = (r[4:2] == 0) ? corner[r[7:5] % 6] : rnd();
            b = (r[10:8] == 0) ? corner[r[13:11] % 6] : rnd();
            step();
            if (k == 9000) begin
                #2 rst_n = 1'b0;                // asynchronous reset mid-operation
                m_busy = 0; m_done = 0; m_left = 0; m_p = 0;
                #1 check("async reset");
                step();
                rst_n = 1'b1;
            end
        end

        if (n_prod < 500) begin
            $display("FAIL: only %0d products checked", n_prod);
            $fatal(1);
        end
        $display("%0d products checked", n_prod);
        $display("PASS");
        $finish;
    end
endmodule
