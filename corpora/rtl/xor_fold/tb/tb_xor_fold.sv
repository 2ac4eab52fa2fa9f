// Self-checking testbench for xor_fold. The reference builds y bit by bit
// from index arithmetic (source bit of each output bit after the rotates),
// and fold/parity/lead/zero-nibble count from bit counts. Every control combination is run
// on corner operands, then seeded random operands with random controls.
module tb_xor_fold;
    logic [15:0] a, c;                 // start at x so the first apply is an event
    logic        b, inv;
    logic [1:0]  rot;
    logic [15:0] y;
    logic [3:0]  fold;
    logic        par;
    logic [1:0]  lead;
    logic [2:0]  zero_nib;

    xor_fold dut (.a(a), .b(b), .c(c), .inv(inv), .rot(rot), .y(y), .fold(fold), .par(par),
                  .lead(lead), .zero_nib(zero_nib));

    reg [31:0] rs = 32'h3C3C_A5A5;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    task apply(input [15:0] va, input vb, input [15:0] vc, input vi, input [1:0] vr);
        reg [15:0] pre, ey;
        reg [3:0]  ef;
        integer    k, src, ones, el, ez;
        begin
            a = va; b = vb; c = vc; inv = vi; rot = vr;
            #1;
            pre = vb ? (va ^ vc) : va;
            if (vi) pre = ~pre;
            for (k = 0; k < 16; k = k + 1) begin
                src = k - (vr[0] ? 1 : 0) - (vr[1] ? 4 : 0);
                if (src < 0) src = src + 16;
                ey[k] = pre[src];
            end
            for (k = 0; k < 4; k = k + 1)
                ef[k] = ey[k] ^ ey[k + 4] ^ ey[k + 8] ^ ey[k + 12];
            ones = 0;
            for (k = 0; k < 16; k = k + 1) ones = ones + ey[k];
            el = 0;
            for (k = 3; k >= 0; k = k - 1) if (ef[k] && el == 0) el = k;
            ez = 0;
            for (k = 0; k < 16; k = k + 4) if (ey[k] == 0 && ey[k+1] == 0 && ey[k+2] == 0 && ey[k+3] == 0) ez = ez + 1;
            if (y !== ey || fold !== ef || par !== ones[0] || lead !== el[1:0] || zero_nib !== ez[2:0]) begin
                $display("FAIL: a=%h b=%b c=%h inv=%b rot=%b got y=%h fold=%h par=%b lead=%0d zn=%0d exp y=%h fold=%h par=%b lead=%0d zn=%0d",
                         va, vb, vc, vi, vr, y, fold, par, lead, zero_nib, ey, ef, ones[0], el, ez);
                $fatal(1);
            end
        end
    endtask

    reg [15:0] corner [0:5];
    integer i, j, ctl;
    initial begin
        corner[0] = 16'h0000; corner[1] = 16'hFFFF; corner[2] = 16'h8001;
        corner[3] = 16'h1234; corner[4] = 16'hF000; corner[5] = 16'h0008;
        for (i = 0; i < 6; i = i + 1)
            for (j = 0; j < 6; j = j + 1)
                for (ctl = 0; ctl < 16; ctl = ctl + 1)
                    apply(corner[i], ctl[0], corner[j], ctl[1], ctl[3:2]);
        for (i = 0; i < 16; i = i + 1)
            for (ctl = 0; ctl < 16; ctl = ctl + 1)
                apply(16'h0001 << i, ctl[0], 16'h0000, ctl[1], ctl[3:2]);
        for (i = 0; i < 5000; i = i + 1) begin
            rs = xs32(rs);
            ctl = rs[3:0];
            apply(rs[31:16], ctl[0], rs[15:0] ^ {rs[7:0], rs[31:24]}, ctl[1], ctl[3:2]);
        end
        $display("PASS");
        $finish;
    end
endmodule
