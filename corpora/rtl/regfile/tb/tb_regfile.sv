// Self-checking testbench for regfile: an integer array is the reference.
// Both read ports are checked before and after every clock edge; addresses
// are biased so that same-cycle read-after-write (bypass) and register 0
// are hit often. Also checks reset clearing and an asynchronous reset.
module tb_regfile;
    localparam int W = 16, N = 8;

    logic          clk = 1'b0, rst_n = 1'b0;
    logic          we = 1'b0;
    logic [2:0]    waddr = '0, raddr_a = '0, raddr_b = '0;
    logic [W-1:0]  wdata = '0, rdata_a, rdata_b;

    regfile #(.W(W), .N(N), .AW(3)) dut (
        .clk(clk), .rst_n(rst_n), .we(we), .waddr(waddr), .wdata(wdata),
        .raddr_a(raddr_a), .rdata_a(rdata_a), .raddr_b(raddr_b), .rdata_b(rdata_b)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'hAEAE_0042;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    int m [N];
    int cyc = 0;

    function automatic int expect_rd(input int ra);
        if (ra == 0) return 0;
        if (we && int'(waddr) == ra) return int'(wdata);
        return m[ra];
    endfunction

    task automatic check(input string where);
        int ea, eb;
        ea = expect_rd(int'(raddr_a));
        eb = expect_rd(int'(raddr_b));
        if (int'(rdata_a) != ea || int'(rdata_b) != eb) begin
            $display("FAIL: %s cyc=%0d we=%b wa=%0d wd=%04h ra=%0d rb=%0d got a=%04h b=%04h exp a=%04h b=%04h",
                     where, cyc, we, waddr, wdata, raddr_a, raddr_b, rdata_a, rdata_b, ea, eb);
            $fatal(1);
        end
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        if (we && waddr != 0) m[waddr] = int'(wdata);
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic read_all();
        we = 1'b0;
        for (int i = 0; i < N; i++) begin
            raddr_a = i[2:0]; raddr_b = 3'(N - 1 - i);
            #1 check("read-all");
        end
    endtask

    initial begin
        for (int i = 0; i < N; i++) m[i] = 0;
        we = 1'b1; waddr = 3'd3; wdata = 16'hDEAD;   // ignored during reset
        repeat (2) @(posedge clk);
        we = 1'b0;
        read_all();
        @(negedge clk);
        rst_n = 1'b1;
        // write every register (including the hardwired zero) with distinct values
        for (int i = 0; i < N; i++) begin
            we = 1'b1; waddr = i[2:0]; wdata = 16'(16'h1111 * (i + 1) ^ 16'h8001);
            raddr_a = i[2:0]; raddr_b = 3'(i - 1);
            step();
        end
        we = 1'b0;
        read_all();
        // walking-one data patterns through register 5
        for (int b = 0; b < W; b++) begin
            we = 1'b1; waddr = 3'd5; wdata = 16'h1 << b; raddr_a = 3'd5; raddr_b = 3'd4;
            step();
            we = 1'b0; raddr_b = 3'd5; step();
        end
        // random traffic
        for (int k = 0; k < 4000; k++) begin
            logic [31:0] r;
            r = rnd();
            we      = r[0] | r[1];
            waddr   = r[4:2];
            wdata   = r[31:16];
            raddr_a = r[5] ? waddr : r[8:6];
            raddr_b = r[9] ? waddr : r[12:10];
            step();
            if (k % 500 == 499) read_all();
        end
        // asynchronous reset in mid-cycle
        @(negedge clk); #2 rst_n = 1'b0;
        #1 for (int i = 0; i < N; i++) m[i] = 0;
        read_all();
        @(negedge clk); rst_n = 1'b1;
        for (int k = 0; k < 50; k++) begin
            logic [31:0] r;
            r = rnd();
            we = r[0]; waddr = r[4:2]; wdata = r[31:16]; raddr_a = r[8:6]; raddr_b = r[12:10];
            step();
        end
        $display("PASS");
        $finish;
    end
endmodule
