// popcount: 16-bit population count using the SWAR reduction (pairs,
// nibbles, bytes, halves), plus parity, zero and a majority flag.
module popcount (
    input  logic [15:0] x,
    output logic [4:0]  count,
    output logic        parity,     // 1 when an odd number of bits is set
    output logic        zero,       // no bit set
    output logic        majority    // more than half of the bits set
);
    logic [15:0] c1, c2, c3;

    always_comb begin
        c1 = (x  & 16'h5555) + ((x  >> 1) & 16'h5555);   // 2-bit counts
        c2 = (c1 & 16'h3333) + ((c1 >> 2) & 16'h3333);   // 4-bit counts
        c3 = (c2 & 16'h0F0F) + ((c2 >> 4) & 16'h0F0F);   // 8-bit counts
        count = c3[4:0] + c3[12:8];
    end

    assign parity   = ^x;
    assign zero     = (x == 16'h0000);
    assign majority = (count > 5'd8);
endmodule
