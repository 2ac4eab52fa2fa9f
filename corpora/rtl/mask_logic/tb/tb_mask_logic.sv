// Self-checking testbench for mask_logic: exhaustive over all 2^14 input
// combinations. The reference evaluates every output bit by bit from the
// truth definitions (no vector operators on the operands).
module tb_mask_logic;
    reg  [3:0] a, b, m;                // start at x so the first apply is an event
    reg  [1:0] sel;
    wire [3:0] y_and, y_or, y_xm, y_andn, y_sel;
    wire       any_hit, all_set, only_a;

    mask_logic dut (.a(a), .b(b), .m(m), .sel(sel), .y_and(y_and), .y_or(y_or), .y_xm(y_xm), .y_andn(y_andn),
                    .y_sel(y_sel), .any_hit(any_hit), .all_set(all_set),
                    .only_a(only_a));

    integer v, k;
    reg [3:0] ea, eo, ex, en, es;
    reg       eh, el, eoa;
    initial begin
        for (v = 0; v < 16384; v = v + 1) begin
            {sel, m, b, a} = v[13:0];
            #1;
            eh = 1'b0; el = 1'b1; eoa = 1'b0;
            for (k = 0; k < 4; k = k + 1) begin
                ea[k] = a[k] && b[k];
                eo[k] = a[k] || b[k];
                ex[k] = m[k] && (a[k] != b[k]);
                en[k] = a[k] && !b[k];
                if (m[k] && a[k] && !b[k]) eoa = 1'b1;
                if (m[k] && a[k] && b[k]) eh = 1'b1;
                if (m[k] && !a[k] && !b[k]) el = 1'b0;
            end
            if (m == 0) es = 4'd0;
            else if (sel == 0) es = ea;
            else if (sel == 1) es = eo;
            else if (sel == 2) es = ex;
            else es = 4'd15 - m;
            if (y_and !== ea || y_or !== eo || y_xm !== ex || y_andn !== en || y_sel !== es ||
                any_hit !== eh || all_set !== el || only_a !== eoa) begin
                $display("FAIL: a=%h b=%h m=%h sel=%0d got and=%h or=%h xm=%h andn=%h sel=%h hit=%b all=%b onlya=%b exp %h %h %h %h %h %b %b %b",
                         a, b, m, sel, y_and, y_or, y_xm, y_andn, y_sel, any_hit, all_set, only_a,
                         ea, eo, ex, en, es, eh, el, eoa);
                $fatal(1);
            end
        end
        $display("PASS");
        $finish;
    end
endmodule
