// xor_fold: 16-bit conditional datapath. y starts as a and is rewritten in
// place: xor with c when b, inverted when inv, rotated left by one when
// rot[0], rotated left by a nibble when rot[1] (applied in that order).
// fold is the xor of y's four nibbles, par the parity of y, and lead the
// index of the highest set bit of fold (0 when fold is zero), zero_nib the
// number of all-zero nibbles in y.
module xor_fold (
    input  logic [15:0] a,
    input  logic        b,
    input  logic [15:0] c,
    input  logic        inv,
    input  logic [1:0]  rot,
    output logic [15:0] y,
    output logic [3:0]  fold,
    output logic        par,
    output logic [1:0]  lead,
    output logic [2:0]  zero_nib
);
    integer i;

    always @* begin
        y = a;
        if (b) y = y ^ c;
        if (inv) y = ~y;
        if (rot[0]) y = {y[14:0], y[15]};
        if (rot[1]) y = {y[11:0], y[15:12]};
    end

    always @* begin
        fold = 4'h0;
        for (i = 0; i < 4; i = i + 1)
            fold = fold ^ y[4*i +: 4];
        par  = ^fold;
        lead = 2'd0;
        for (i = 0; i < 4; i = i + 1)
            if (fold[i]) lead = i[1:0];
    end

    always @* begin
        zero_nib = 3'd0;
        for (i = 0; i < 4; i = i + 1)
            if (y[4*i +: 4] == 4'h0) zero_nib = zero_nib + 3'd1;
    end
endmodule
