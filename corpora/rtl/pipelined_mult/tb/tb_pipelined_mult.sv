// Self-checking testbench for pipelined_mult: the reference is a three-slot
// model of the pipeline (valid bit + expected product per stage) advanced
// only on ce. out_valid and p are checked before and after every edge, with
// corner operands, bubbles, stalls and seeded random operands.
module tb_pipelined_mult;
    logic        clk = 1'b0, rst_n = 1'b0;
    logic        ce = 1'b0, in_valid = 1'b0;
    logic [15:0] a = '0, b = '0;
    logic        out_valid;
    logic [31:0] p;

    pipelined_mult dut (
        .clk(clk), .rst_n(rst_n), .ce(ce), .in_valid(in_valid), .a(a), .b(b),
        .out_valid(out_valid), .p(p)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h2718_2818;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    bit              mv [1:3];
    longint unsigned mp [1:3];
    int              cyc = 0, n_out = 0;

    task automatic check(input string where);
        if (out_valid !== mv[3] || longint'(p) != mp[3]) begin
            $display("FAIL: %s cyc=%0d got out_valid=%b p=%08h exp out_valid=%b p=%08h",
                     where, cyc, out_valid, p, mv[3], mp[3]);
            $fatal(1);
        end
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        if (ce) begin
            if (mv[2]) mp[3] = mp[2];
            if (mv[1]) mp[2] = mp[1];
            if (in_valid) mp[1] = longint'(a) * longint'(b);
            mv[3] = mv[2]; mv[2] = mv[1]; mv[1] = in_valid;
            if (mv[3]) n_out++;
        end
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic push(input logic [15:0] x, input logic [15:0] y);
        ce = 1'b1; in_valid = 1'b1; a = x; b = y; step();
    endtask

    initial begin
        for (int i = 1; i <= 3; i++) begin mv[i] = 0; mp[i] = 0; end
        ce = 1'b1; in_valid = 1'b1; a = 16'hFFFF; b = 16'hFFFF;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; in_valid = 1'b0;
        step();
        // corner operands, back to back
        push(16'h0000, 16'h0000);
        push(16'hFFFF, 16'hFFFF);
        push(16'hFFFF, 16'h0001);
        push(16'h0001, 16'hFFFF);
        push(16'h8000, 16'h8000);
        push(16'h00FF, 16'hFF00);
        push(16'hFF00, 16'h00FF);
        push(16'h0100, 16'h0100);
        push(16'h1234, 16'h5678);
        for (int i = 0; i < 16; i++) push(16'h1 << i, 16'hFFFF >> i);
        for (int i = 0; i < 16; i++) push(16'hFFFF, 16'h1 << i);
        in_valid = 1'b0; repeat (4) step();
        // a single item followed by bubbles; a stall in the middle
        push(16'hABCD, 16'h0F0F);
        in_valid = 1'b0; step();
        ce = 1'b0; in_valid = 1'b1; a = 16'h1111; b = 16'h2222; repeat (3) step();
        ce = 1'b1; in_valid = 1'b0; repeat (4) step();
        // random operands, valid and ce patterns
        for (int k = 0; k < 4000; k++) begin
            logic [31:0] r, o;
            r = rnd();
            o = rnd();
            ce       = (r[2:0] != 0);
            in_valid = ((k / 200) % 2) ? r[3] : (r[4:3] != 0);
            a        = o[31:16];
            b        = o[15:0];
            if (r[9:7] == 0) a = {a[15:8], 8'hFF};
            if (r[12:10] == 0) b = {8'hFF, b[7:0]};
            step();
        end
        // asynchronous reset with items in flight
        push(16'h7777, 16'h9999); push(16'h5555, 16'h3333);
        @(negedge clk); #2 rst_n = 1'b0;
        #1 for (int i = 1; i <= 3; i++) begin mv[i] = 0; mp[i] = 0; end
        check("async reset");
        @(negedge clk); rst_n = 1'b1;
        push(16'h4321, 16'h8765); in_valid = 1'b0; repeat (4) step();
        if (n_out < 1500) begin
            $display("FAIL: only %0d results observed", n_out);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
