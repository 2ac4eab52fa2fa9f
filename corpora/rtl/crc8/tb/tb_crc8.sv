// Self-checking testbench for crc8. Reference: a 256-entry table built in
// the testbench by polynomial long division of each byte value, used for
// byte updates; serial updates are modelled on a 9-bit dividend. Checks the
// standard check value (CRC-8 of "123456789" = 0xF4), zero remainder after
// appending the CRC, and every output on every cycle under random traffic.
module tb_crc8;
    logic       clk = 1'b0, rst_n = 1'b0;
    logic       init = 1'b0, byte_valid = 1'b0, bit_valid = 1'b0, bit_in = 1'b0;
    logic [7:0] byte_in = '0, crc;
    logic       crc_ok;
    logic [3:0] nbytes;

    crc8 dut (
        .clk(clk), .rst_n(rst_n), .init(init), .byte_valid(byte_valid), .byte_in(byte_in),
        .bit_valid(bit_valid), .bit_in(bit_in), .crc(crc), .crc_ok(crc_ok), .nbytes(nbytes)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'hC8C8_0101;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    int table8 [256];
    int m_crc = 0, m_n = 0, cyc = 0;

    // remainder of (v * x^8) mod (x^8 + 0x07), by long division on a 16-bit value
    function automatic int divide(input int v);
        int r;
        r = v << 8;
        for (int b = 15; b >= 8; b--) if ((r >> b) & 1) r = r ^ (32'h107 << (b - 8));
        return r & 255;
    endfunction

    task automatic check(input string where);
        if (int'(crc) != m_crc || crc_ok !== (m_crc == 0) || int'(nbytes) != m_n) begin
            $display("FAIL: %s cyc=%0d got crc=%02h ok=%b n=%0d exp crc=%02h n=%0d",
                     where, cyc, crc, crc_ok, nbytes, m_crc, m_n);
            $fatal(1);
        end
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        if (init) begin m_crc = 0; m_n = 0; end
        else if (byte_valid) begin
            m_crc = table8[m_crc ^ int'(byte_in)];
            if (m_n < 15) m_n++;
        end else if (bit_valid) begin
            // shift one message bit into the 9-bit dividend and reduce
            int d;
            d = (m_crc << 1) ^ ((bit_in ? 1 : 0) << 8);
            if (d >= 256) d = d ^ 32'h107;
            m_crc = d;
        end
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic send_byte(input logic [7:0] b);
        byte_valid = 1'b1; byte_in = b; step(); byte_valid = 1'b0;
    endtask

    initial begin
        string s = "123456789";
        for (int v = 0; v < 256; v++) table8[v] = divide(v);

        init = 1'b0; byte_valid = 1'b1; byte_in = 8'hFF; bit_valid = 1'b1;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; byte_valid = 1'b0; bit_valid = 1'b0;
        step();
        // standard check value
        for (int i = 0; i < s.len(); i++) send_byte(s[i]);
        if (crc !== 8'hF4) begin
            $display("FAIL: CRC-8(\"123456789\") = %02h, expected F4", crc);
            $fatal(1);
        end
        send_byte(8'hF4);                  // append CRC -> zero remainder
        if (crc_ok !== 1'b1) begin
            $display("FAIL: crc_ok not set after appending CRC");
            $fatal(1);
        end
        init = 1'b1; step(); init = 1'b0;
        // same message fed serially, MSB first, must give the same value
        for (int i = 0; i < s.len(); i++)
            for (int b = 7; b >= 0; b--) begin
                bit_valid = 1'b1; bit_in = s[i][b]; step();
            end
        bit_valid = 1'b0;
        if (crc !== 8'hF4) begin
            $display("FAIL: serial CRC-8(\"123456789\") = %02h, expected F4", crc);
            $fatal(1);
        end
        // every single byte value from a cleared register
        for (int v = 0; v < 256; v++) begin
            init = 1'b1; step(); init = 1'b0;
            send_byte(v[7:0]);
            send_byte(8'(v * 13 + 5));
        end
        // random messages: bytes, bits, idle, init; random CRC appended sometimes
        for (int k = 0; k < 4000; k++) begin
            logic [31:0] r;
            r = rnd();
            init       = (r[5:0] == 0);
            byte_valid = r[6] | r[7];
            bit_valid  = r[8];
            bit_in     = r[9];
            byte_in    = (r[12:10] == 0) ? crc : r[23:16];
            step();
        end
        // asynchronous reset in mid-cycle
        init = 1'b0; byte_valid = 1'b0; bit_valid = 1'b0;
        send_byte(8'h5A);
        @(negedge clk); #2 rst_n = 1'b0;
        #1 m_crc = 0; m_n = 0;
        check("async reset");
        @(negedge clk); rst_n = 1'b1;
        repeat (3) step();
        $display("PASS");
        $finish;
    end
endmodule
