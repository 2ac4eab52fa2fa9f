// saturating_add: y = a + b or a - b on 8 bits, clamped instead of wrapping.
// Unsigned: clamps to 255 on carry out, to 0 on borrow. Signed (two's
// complement): clamps to 127 / -128 on overflow. `sat` flags a clamped result,
// `zero` a zero result, `neg` a negative signed result.
module saturating_add (
    input  logic [7:0] a,
    input  logic [7:0] b,
    input  logic       sub,
    input  logic       is_signed,
    output logic [7:0] y,
    output logic       sat,
    output logic       zero,
    output logic       neg
);
    logic [7:0] bx, raw;
    logic [8:0] sum;

    always_comb begin
        bx  = sub ? ~b : b;                          // a - b = a + ~b + 1
        sum = {1'b0, a} + {1'b0, bx} + {8'd0, sub};
        raw = sum[7:0];
        case ({is_signed, sub})
            2'b00: begin                             // unsigned add: carry out
                sat = sum[8];
                y   = sat ? 8'hFF : raw;
            end
            2'b01: begin                             // unsigned sub: no carry = borrow
                sat = ~sum[8];
                y   = sat ? 8'h00 : raw;
            end
            default: begin                           // signed: same-sign operands, sign flip
                sat = (a[7] == bx[7]) && (raw[7] != a[7]);
                y   = sat ? {~raw[7], {7{raw[7]}}} : raw;
            end
        endcase
    end

    assign zero = (y == 8'h00);
    assign neg  = is_signed & y[7];
endmodule
