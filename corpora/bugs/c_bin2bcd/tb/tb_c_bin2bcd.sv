// Self-checking testbench for c_bin2bcd. The expected digits come from
// repeated division by ten; a cycle-level model (17 clocks from the edge that
// takes start to done) predicts busy / done / bcd every cycle. All 65536
// input values are converted once, then random traffic with start pulses
// while busy (ignored) and bin changing during a conversion (captured).
module tb_c_bin2bcd;
    logic        clk = 1'b0, rst = 1'b1;
    logic        start = 1'b0;
    logic [15:0] bin = 16'h0;
    logic        busy, done;
    logic [19:0] bcd;

    c_bin2bcd dut (.clk(clk), .rst(rst), .start(start), .bin(bin),
                   .busy(busy), .done(done), .bcd(bcd));

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h0BCD_2019;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    function automatic logic [19:0] to_bcd(input int v);
        logic [19:0] r;
        for (int d = 0; d < 5; d++) begin
            r[4*d +: 4] = 4'(v % 10);
            v = v / 10;
        end
        return r;
    endfunction

    bit          m_busy = 0, m_done = 0;
    int          m_left = 0;
    logic [15:0] m_bin = 0;
    logic [19:0] m_bcd = 0;
    int          cyc = 0, n_conv = 0;

    task automatic check(input string where);
        if (busy !== m_busy || done !== m_done || bcd !== m_bcd) begin
            $display("FAIL: %s cycle %0d: busy=%b done=%b bcd=%05h, expected busy=%b done=%b bcd=%05h (bin=%0d)",
                     where, cyc, busy, done, bcd, m_busy, m_done, m_bcd, m_bin);
            $fatal(1);
        end
    endtask

    task automatic step();
        @(posedge clk);
        m_done = 0;
        if (rst) begin
            m_busy = 0; m_left = 0; m_bcd = 0;
        end else if (m_busy) begin
            m_left--;
            if (m_left == 0) begin
                m_busy = 0;
                m_done = 1;
                m_bcd  = to_bcd(m_bin);
                n_conv++;
            end
        end else if (start) begin
            m_busy = 1;
            m_left = 17;
            m_bin  = bin;
        end
        @(negedge clk);
        cyc++;
        check("after edge");
    endtask

    initial begin
        start = 1'b1; bin = 16'd9999;          // ignored in reset
        repeat (2) step();
        rst = 1'b0; start = 1'b0;
        step();

        // every value, start held high (back-to-back conversions)
        for (int v = 0; v < 65536; v++) begin
            bin = 16'(v); start = 1'b1;
            step();
            start = 1'(rnd() & 1);
            while (m_busy) begin
                bin = rnd();
                step();
            end
        end

        // random traffic with a synchronous reset in the middle
        for (int k = 0; k < 30000; k++) begin
            logic [31:0] r;
            r = rnd();
            start = (r[1:0] == 0);
            bin   = r[31:16];
            if (k == 15000) rst = 1'b1;
            if (k == 15003) rst = 1'b0;
            step();
        end

        $display("%0d conversions checked", n_conv);
        $display("PASS");
        $finish;
    end
endmodule
