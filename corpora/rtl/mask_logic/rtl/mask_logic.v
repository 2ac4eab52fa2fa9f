// mask_logic: small masked logic unit. Each basic function sits in its own
// single-statement always @* begin ... end block; y_sel picks one of them
// (or the inverted mask) and is forced to zero when the mask is empty.
//   any_hit: some masked bit is set in both a and b
//   all_set: every masked bit is set in a or b
//   only_a:  some masked bit is set in a but not in b
// Non-ANSI port list with output reg declarations.
module mask_logic (a, b, m, sel, y_and, y_or, y_xm, y_andn, y_sel, any_hit, all_set, only_a);
    input  [3:0] a;
    input  [3:0] b;
    input  [3:0] m;
    input  [1:0] sel;
    output reg [3:0] y_and;
    output reg [3:0] y_or;
    output reg [3:0] y_xm;
    output reg [3:0] y_andn;
    output reg [3:0] y_sel;
    output reg       any_hit;
    output reg       all_set;
    output reg       only_a;

    always @* begin y_and = a & b; end

    always @* begin y_or = a | b; end

    always @* begin y_xm = (a ^ b) & m; end

    always @* begin y_andn = a & ~b; end

    always @* begin only_a = |(y_andn & m); end

    always @* begin any_hit = |(y_and & m); end

    always @* begin all_set = &(y_or | ~m); end

    always @* begin
        case (sel)
            2'd0:    y_sel = y_and;
            2'd1:    y_sel = y_or;
            2'd2:    y_sel = y_xm;
            default: y_sel = ~m;
        endcase
        if (m == 4'b0000)
            y_sel = 4'b0000;
    end
endmodule
