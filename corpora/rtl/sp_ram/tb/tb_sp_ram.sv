// Self-checking testbench for sp_ram: a byte-array reference memory plus a
// model of the output register. rdata/rvalid are checked after every edge
// (and before, to catch glitches); random byte-enable patterns are used for
// partial writes, with read-back of every address at intervals.
module tb_sp_ram;
    localparam int DW = 32, AW = 4, DEPTH = 16;

    logic          clk = 1'b0, rst_n = 1'b0;
    logic          en = 1'b0, we = 1'b0;
    logic [3:0]    be = '0;
    logic [AW-1:0] addr = '0;
    logic [DW-1:0] wdata = '0, rdata;
    logic          rvalid;

    sp_ram #(.DW(DW), .AW(AW)) dut (
        .clk(clk), .rst_n(rst_n), .en(en), .we(we), .be(be), .addr(addr),
        .wdata(wdata), .rdata(rdata), .rvalid(rvalid)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h5A5A_1357;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    byte unsigned m [DEPTH][4];
    logic [31:0] m_rdata = '0;
    bit          m_rvalid = 0;
    int          cyc = 0;

    task automatic check(input string where);
        if (rdata !== m_rdata || rvalid !== m_rvalid) begin
            $display("FAIL: %s cyc=%0d en=%b we=%b be=%04b addr=%0d got rdata=%08h rvalid=%b exp %08h %b",
                     where, cyc, en, we, be, addr, rdata, rvalid, m_rdata, m_rvalid);
            $fatal(1);
        end
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        m_rvalid = en && !we;
        if (en) m_rdata = {m[addr][3], m[addr][2], m[addr][1], m[addr][0]};
        if (en && we)
            for (int b = 0; b < 4; b++) if (be[b]) m[addr][b] = wdata[8*b +: 8];
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic read(input int a);
        en = 1'b1; we = 1'b0; addr = a[AW-1:0]; wdata = rnd(); be = 4'(rnd()); step();
    endtask

    task automatic write(input int a, input logic [31:0] d, input logic [3:0] bemask);
        en = 1'b1; we = 1'b1; addr = a[AW-1:0]; wdata = d; be = bemask; step();
    endtask

    initial begin
        en = 1'b1; we = 1'b0; addr = 4'd7;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
        // full-word initialisation of every location
        for (int a = 0; a < DEPTH; a++) write(a, 32'h0101_0101 * (a + 1) ^ 32'hF00D_0000, 4'hF);
        for (int a = 0; a < DEPTH; a++) read(a);
        // each single byte lane, then read back (read-first on the write itself)
        for (int a = 0; a < DEPTH; a++) begin
            write(a, 32'hA1B2_C3D4 + a, 4'b0001 << (a % 4));
            write(a, ~(32'hA1B2_C3D4 + a), 4'b1000 >> (a % 4));
            read(a);
        end
        // all 16 byte-enable patterns on one address
        for (int p = 0; p < 16; p++) begin
            write(9, 32'h1111_1111 * p, p[3:0]);
            read(9);
        end
        // disabled cycles must not change anything
        en = 1'b0; we = 1'b1; be = 4'hF; wdata = 32'hDEAD_BEEF;
        for (int a = 0; a < DEPTH; a++) begin addr = a[AW-1:0]; step(); end
        for (int a = 0; a < DEPTH; a++) read(a);
        // random traffic
        for (int k = 0; k < 4000; k++) begin
            logic [31:0] r;
            r = rnd();
            en    = (r[1:0] != 0);
            we    = r[2];
            be    = r[7:4];
            addr  = r[11:8];
            wdata = rnd();
            step();
            if (k % 1000 == 999) for (int a = 0; a < DEPTH; a++) read(a);
        end
        // asynchronous reset clears only the output register
        read(3);
        @(negedge clk); #2 rst_n = 1'b0;
        #1 m_rdata = '0; m_rvalid = 0;
        check("async reset");
        en = 1'b0;
        @(negedge clk); rst_n = 1'b1;
        for (int a = 0; a < DEPTH; a++) read(a);
        $display("PASS");
        $finish;
    end
endmodule
