// Self-checking testbench for saturating_add: exhaustive over a, b, sub and
// is_signed (2^18 vectors). The reference model computes the exact result with
// integers (signed or unsigned interpretation) and clamps it to the range;
// every output is checked for every vector.
module tb_saturating_add;
    logic [7:0] a = '0, b = '0, y;
    logic       sub = 1'b0, is_signed = 1'b0, sat, zero, neg;

    saturating_add dut (.a(a), .b(b), .sub(sub), .is_signed(is_signed), .y(y), .sat(sat),
                        .zero(zero), .neg(neg));

    int n = 0;

    task automatic check();
        int va, vb, r, lo, hi, e;
        logic es;
        va = is_signed ? int'($signed(a)) : int'(a);
        vb = is_signed ? int'($signed(b)) : int'(b);
        r  = sub ? va - vb : va + vb;
        lo = is_signed ? -128 : 0;
        hi = is_signed ? 127 : 255;
        es = (r < lo) || (r > hi);
        e  = r < lo ? lo : r > hi ? hi : r;
        if (y !== 8'(e) || sat !== es || zero !== (e == 0) || neg !== (e < 0)) begin
            $display("FAIL: a=%0d b=%0d sub=%b signed=%b got y=%h sat=%b zero=%b neg=%b exp y=%h sat=%b zero=%b neg=%b",
                     a, b, sub, is_signed, y, sat, zero, neg, 8'(e), es, e == 0, e < 0);
            $fatal(1);
        end
        n++;
    endtask

    initial begin
        for (int m = 0; m < 4; m++)
            for (int i = 0; i < 256; i++)
                for (int j = 0; j < 256; j++) begin
                    is_signed = m[1]; sub = m[0]; a = i[7:0]; b = j[7:0];
                    #1 check();
                end
        if (n != 262144) begin $display("FAIL: %0d vectors", n); $fatal(1); end
        $display("PASS");
        $finish;
    end
endmodule
