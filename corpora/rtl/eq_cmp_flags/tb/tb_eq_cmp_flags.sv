// Self-checking testbench for eq_cmp_flags. Reference flags are computed
// from integer arithmetic (signed values via sign extension, one-bit-apart
// via a bit count). Stimulus: corner values against each other, equal and
// one-bit-apart pairs, +-1 neighbours, and seeded random pairs.
module tb_eq_cmp_flags;
    reg  [15:0] a, b;                // start at x so the first apply is an event
    wire        eq, ne, ltu, gtu, leu, geu, lts, gts, a_zero, b_zero, both_zero, a_ones, hamm1;

    eq_cmp_flags dut (.a(a), .b(b), .eq(eq), .ne(ne), .ltu(ltu), .gtu(gtu), .leu(leu), .geu(geu),
                      .lts(lts), .gts(gts), .a_zero(a_zero), .b_zero(b_zero),
                      .both_zero(both_zero), .a_ones(a_ones), .hamm1(hamm1));

    reg [31:0] rs = 32'h5EED_0001;
    integer    n = 0;
    integer    hits_eq = 0, hits_h1 = 0;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    task apply(input [15:0] va, input [15:0] vb);
        integer ua, ub, sa, sb, k, pc;
        reg [12:0] e;
        reg [12:0] g;
        begin
            a = va; b = vb;
            #1;
            ua = va; ub = vb;
            sa = va[15] ? ua - 65536 : ua;
            sb = vb[15] ? ub - 65536 : ub;
            pc = 0;
            for (k = 0; k < 16; k = k + 1) if (va[k] != vb[k]) pc = pc + 1;
            e = {ua == ub, ua != ub, ua < ub, ua > ub, ua <= ub, ua >= ub, sa < sb, sa > sb,
                 ua == 0, ub == 0, ua == 0 && ub == 0, ua == 65535, pc == 1};
            g = {eq, ne, ltu, gtu, leu, geu, lts, gts, a_zero, b_zero, both_zero, a_ones, hamm1};
            if (g !== e) begin
                $display("FAIL: a=%h b=%h got eq,ne,ltu,gtu,leu,geu,lts,gts,az,bz,zz,ao,h1=%b exp %b", va, vb, g, e);
                $fatal(1);
            end
            if (e[12]) hits_eq = hits_eq + 1;
            if (e[0]) hits_h1 = hits_h1 + 1;
            n = n + 1;
        end
    endtask

    reg [15:0] corner [0:9];
    integer i, j;
    initial begin
        corner[0] = 16'h0000; corner[1] = 16'h0001; corner[2] = 16'h7FFF; corner[3] = 16'h8000;
        corner[4] = 16'h8001; corner[5] = 16'hFFFF; corner[6] = 16'hFFFE; corner[7] = 16'h7FFE;
        corner[8] = 16'h00FF; corner[9] = 16'h0100;
        for (i = 0; i < 10; i = i + 1)
            for (j = 0; j < 10; j = j + 1)
                apply(corner[i], corner[j]);
        for (i = 0; i < 16; i = i + 1) begin
            apply(16'h0000, 16'h0001 << i);
            apply(16'hFFFF, ~(16'h0001 << i));
            apply(16'h0001 << i, 16'h0001 << i);
            apply(16'h0001 << i, 16'h0000);
        end
        for (i = 0; i < 3000; i = i + 1) begin
            rs = xs32(rs);
            case (rs[18:16])
                3'd0, 3'd1: apply(rs[15:0], rs[15:0]);
                3'd2:       apply(rs[15:0], rs[15:0] ^ (16'h0001 << rs[23:20]));
                3'd3:       apply(rs[15:0], rs[15:0] + 16'd1);
                3'd4:       apply(rs[15:0] + 16'd1, rs[15:0]);
                default:    apply(rs[15:0], rs[31:16]);
            endcase
        end
        if (hits_eq < 100 || hits_h1 < 100) begin
            $display("FAIL: weak stimulus eq=%0d hamm1=%0d", hits_eq, hits_h1);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
