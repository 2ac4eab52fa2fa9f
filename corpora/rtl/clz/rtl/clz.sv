// clz: count leading zeros of a 16-bit word by a 4-step binary search
// (8, 4, 2, 1). The mode picks the word that is searched:
//   0: in            -> leading zeros
//   1: ~in           -> leading ones
//   2: in reversed   -> trailing zeros
//   3: {in[7:0], 8'hFF} -> leading zeros of the low byte (0..8)
// count is 16 when the searched word is all zeros (zero = 1); msb = 15 - n is
// the position of its highest set bit; norm is the word shifted left by n.
module clz (
    input  logic [15:0] in,
    input  logic [1:0]  mode,
    output logic [4:0]  count,
    output logic [3:0]  msb,
    output logic [15:0] norm,
    output logic        zero
);
    logic [15:0] v, x;
    logic [3:0]  n;

    always_comb begin
        case (mode)
            2'd0: v = in;
            2'd1: v = ~in;
            2'd2: for (int i = 0; i < 16; i++) v[i] = in[15 - i];
            default: v = {in[7:0], 8'hFF};
        endcase
        x = v;
        n = 4'd0;
        if (x[15:8] == 8'h00) begin
            n[3] = 1'b1;
            x    = x << 8;
        end
        if (x[15:12] == 4'h0) begin
            n[2] = 1'b1;
            x    = x << 4;
        end
        if (x[15:14] == 2'b00) begin
            n[1] = 1'b1;
            x    = x << 2;
        end
        if (x[15] == 1'b0) begin
            n[0] = 1'b1;
            x    = x << 1;
        end
    end

    // after the last step x[15] is set unless the searched word was all zeros
    assign zero  = ~x[15];
    assign count = zero ? 5'd16 : {1'b0, n};
    assign msb   = 4'd15 - n;
    assign norm  = x;
endmodule
