// eq_cmp_flags: combinational 16-bit comparator with a full set of flags.
// Unsigned and two's-complement orderings, equality, zero / all-ones
// detection and "one bit apart" (a and b differ in exactly one bit).
// Most flags are zero for random operands, which is the point: a wrong
// flag only shows up for operands that are equal or nearly so.
// Non-ANSI port list; single-statement always @* blocks.
module eq_cmp_flags (a, b, eq, ne, ltu, gtu, leu, geu, lts, gts, a_zero, b_zero,
                     both_zero, a_ones, hamm1);
    parameter W = 16;

    input  [W-1:0] a;
    input  [W-1:0] b;
    output         eq;
    output         ne;
    output         ltu;
    output         gtu;
    output         leu;
    output         geu;
    output         lts;
    output         gts;
    output         a_zero;
    output         b_zero;
    output         both_zero;
    output         a_ones;
    output         hamm1;

    reg            eq, ne, ltu, gtu, lts, gts, both_zero;
    wire   [W-1:0] diff;

    assign diff = a ^ b;

    always @* begin eq = (a == b); end
    always @* begin ne = |diff; end
    always @* begin ltu = (a < b); end
    always @* begin gtu = (a > b); end
    always @* begin both_zero = a_zero & b_zero; end

    // signed order: differing sign bits decide, otherwise the unsigned order
    always @* begin
        if (a[W-1] != b[W-1]) begin
            lts = a[W-1];
            gts = b[W-1];
        end else begin
            lts = ltu;
            gts = gtu;
        end
    end

    assign leu    = ltu | eq;
    assign geu    = ~ltu;
    assign a_zero = (a == {W{1'b0}});
    assign b_zero = ~|b;
    assign a_ones = &a;
    assign hamm1  = ne && ((diff & (diff - 1'b1)) == {W{1'b0}});
endmodule
