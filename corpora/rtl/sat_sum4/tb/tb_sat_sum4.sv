// Self-checking testbench for sat_sum4. The reference sums the lanes as
// integers (sign taken from the top bit by subtracting 256) and clamps.
// Stimulus: each lane alone over all 256 values with every mask/neg
// setting, boundary pairs around +127/-128, then seeded random vectors
// biased towards large magnitudes so both saturation flags are exercised.
module tb_sat_sum4;
    reg  [31:0] x;                     // start at x so the first apply is an event
    reg  [3:0]  mask, neg;
    wire [7:0]  sum;
    wire [10:0] raw;
    wire        pos_sat, neg_sat;

    sat_sum4 dut (.x(x), .mask(mask), .neg(neg), .sum(sum), .raw(raw), .pos_sat(pos_sat),
                  .neg_sat(neg_sat));

    reg [31:0] rs = 32'hDEAD_BEEF;
    integer    n_pos = 0, n_neg = 0, n_edge = 0;

    function [31:0] xs32(input [31:0] v);
        reg [31:0] t;
        begin
            t = v ^ (v << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    task apply(input [31:0] vx, input [3:0] vm, input [3:0] vn);
        integer k, lv, tot, es;
        reg ep, en;
        begin
            x = vx; mask = vm; neg = vn;
            #1;
            tot = 0;
            for (k = 0; k < 4; k = k + 1) begin
                lv = (vx >> (8 * k)) & 255;
                if (lv > 127) lv = lv - 256;
                if (vm[k]) tot = vn[k] ? tot - lv : tot + lv;
            end
            ep = (tot > 127);
            en = (tot < -128);
            es = ep ? 127 : (en ? -128 : tot);
            if (sum !== es[7:0] || raw !== tot[10:0] || pos_sat !== ep || neg_sat !== en) begin
                $display("FAIL: x=%h mask=%b neg=%b got sum=%h raw=%h ps=%b ns=%b exp sum=%h raw=%h ps=%b ns=%b (tot=%0d)",
                         vx, vm, vn, sum, raw, pos_sat, neg_sat, es[7:0], tot[10:0], ep, en, tot);
                $fatal(1);
            end
            if (ep) n_pos = n_pos + 1;
            if (en) n_neg = n_neg + 1;
            if (tot == 127 || tot == 128 || tot == -128 || tot == -129) n_edge = n_edge + 1;
        end
    endtask

    integer l, v, i, m;
    initial begin
        for (l = 0; l < 4; l = l + 1)
            for (v = 0; v < 256; v = v + 1)
                for (m = 0; m < 4; m = m + 1)
                    apply(v << (8 * l), {3'b000, m[0]} << l, {3'b000, m[1]} << l);
        for (v = -3; v <= 3; v = v + 1) begin
            apply({8'd0, 8'd0, 8'd100, 8'd27 + v[7:0]}, 4'b0011, 4'b0000);
            apply({8'd0, 8'd0, 8'd100, 8'd28 + v[7:0]}, 4'b0011, 4'b0011);
            apply({8'd0, 8'd0, 8'h80, v[7:0]}, 4'b0011, 4'b0000);
        end
        apply(32'h8080_8080, 4'b1111, 4'b1111);       // +512, the widest sum
        apply(32'h8080_8080, 4'b1111, 4'b0000);       // -512
        apply(32'h7F7F_7F7F, 4'b1111, 4'b0000);       // +508
        for (i = 0; i < 6000; i = i + 1) begin
            rs = xs32(rs);
            apply(rs[8] ? (rs & 32'hC7C7_C7C7) : rs, rs[3:0] | rs[7:4], rs[11:8] & rs[15:12]);
        end
        if (n_pos < 50 || n_neg < 50 || n_edge < 8) begin
            $display("FAIL: weak stimulus pos=%0d neg=%0d edge=%0d", n_pos, n_neg, n_edge);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
