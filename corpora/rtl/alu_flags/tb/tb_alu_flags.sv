// Self-checking testbench for alu_flags. The reference works on integers:
// results from +/- and bit operations, carry/borrow from range checks,
// overflow from the signed result leaving [-32768, 32767]. Every op is run
// on a grid of corner operands with both carry-in values, on pairs built to
// hit zero and overflow, then on seeded random operands.
module tb_alu_flags;
    logic [15:0] a, b;               // start at x so the first apply is an event
    logic [2:0]  op;
    logic        cin;
    logic [15:0] y;
    logic        zf, nf, cf, vf;

    alu_flags dut (.a(a), .b(b), .op(op), .cin(cin), .y(y), .zf(zf), .nf(nf), .cf(cf), .vf(vf));

    reg [31:0] rs = 32'hA1B2_C3D4;
    integer    nz = 0, nv = 0, nc = 0;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    function integer sx(input [15:0] v);
        sx = v[15] ? v - 65536 : v;
    endfunction

    task apply(input [2:0] vop, input [15:0] va, input [15:0] vb, input vc);
        integer ua, ub, u, s, k;
        reg [15:0] ey;
        reg ec, ev;
        begin
            op = vop; a = va; b = vb; cin = vc;
            #1;
            ua = va; ub = vb; ec = 1'b0; ev = 1'b0;
            case (vop)
                0, 1: begin
                    u = ua + ub + (vop == 1 ? vc : 0);
                    s = sx(va) + sx(vb) + (vop == 1 ? vc : 0);
                    ec = (u > 65535); ev = (s > 32767 || s < -32768);
                end
                2, 3: begin
                    u = ua - ub - (vop == 3 ? vc : 0);
                    s = sx(va) - sx(vb) - (vop == 3 ? vc : 0);
                    ec = (u < 0); ev = (s > 32767 || s < -32768);
                end
                4: u = va & vb;
                5: u = va | vb;
                6: u = va ^ vb;
                default: begin
                    u = ua * 2;
                    ec = va[15];
                    s = sx(va) * 2;
                    ev = (s > 32767 || s < -32768);
                end
            endcase
            ey = u[15:0];
            if (y !== ey || zf !== (ey == 16'h0) || nf !== ey[15] || cf !== ec || vf !== ev) begin
                $display("FAIL: op=%0d a=%h b=%h cin=%b got y=%h z=%b n=%b c=%b v=%b exp y=%h z=%b n=%b c=%b v=%b",
                         vop, va, vb, vc, y, zf, nf, cf, vf, ey, ey == 16'h0, ey[15], ec, ev);
                $fatal(1);
            end
            if (ey == 16'h0) nz = nz + 1;
            if (ev) nv = nv + 1;
            if (ec) nc = nc + 1;
        end
    endtask

    reg [15:0] corner [0:7];
    integer o, i, j, c;
    initial begin
        corner[0] = 16'h0000; corner[1] = 16'h0001; corner[2] = 16'h7FFF; corner[3] = 16'h8000;
        corner[4] = 16'hFFFF; corner[5] = 16'h4000; corner[6] = 16'hC000; corner[7] = 16'h5555;
        for (o = 0; o < 8; o = o + 1)
            for (i = 0; i < 8; i = i + 1)
                for (j = 0; j < 8; j = j + 1)
                    for (c = 0; c < 2; c = c + 1)
                        apply(o, corner[i], corner[j], c);
        for (i = 0; i < 4000; i = i + 1) begin
            rs = xs32(rs);
            o = rs[2:0];
            c = rs[3];
            case (rs[6:4])
                3'd0: apply(o, rs[31:16], rs[31:16], c);            // equal operands
                3'd1: apply(o, rs[31:16], -rs[31:16], c);           // sums to zero
                3'd2: apply(o, {1'b0, rs[30:16]}, {1'b0, rs[14:0]} | 16'h4000, c);
                3'd3: apply(o, {1'b1, rs[30:16]}, {1'b0, rs[14:0]}, c);
                default: apply(o, rs[31:16], rs[15:0], c);
            endcase
        end
        if (nz < 100 || nv < 100 || nc < 100) begin
            $display("FAIL: weak stimulus zero=%0d ovf=%0d carry=%0d", nz, nv, nc);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
