// gray_codec: binary -> Gray and Gray -> binary converters, plus a Gray
// increment (next code in the Gray sequence) and an adjacency check that
// says whether two Gray codes differ in exactly one bit.
module gray_codec #(
    parameter int W = 8
) (
    input  logic [W-1:0] bin_in,
    input  logic [W-1:0] gray_in,
    input  logic [W-1:0] gray_b,      // second code for the adjacency check
    output logic [W-1:0] gray_out,    // gray(bin_in)
    output logic [W-1:0] bin_out,     // bin(gray_in)
    output logic [W-1:0] gray_next,   // gray(bin(gray_in) + 1), wraps
    output logic         adjacent     // gray_in and gray_b differ in one bit
);
    logic [W-1:0] diff;

    assign gray_out = bin_in ^ (bin_in >> 1);

    // prefix XOR from the MSB down
    always_comb begin
        bin_out[W-1] = gray_in[W-1];
        for (int i = W - 2; i >= 0; i--) begin
            bin_out[i] = bin_out[i+1] ^ gray_in[i];
        end
    end

    logic [W-1:0] bin_inc;
    assign bin_inc   = bin_out + 1'b1;
    assign gray_next = {bin_inc[W-1], bin_inc[W-1:1] ^ bin_inc[W-2:0]};

    // exactly one bit set: non-zero and a power of two
    assign diff     = gray_in ^ gray_b;
    assign adjacent = (diff != '0) && ((diff & (diff - 1'b1)) == '0);
endmodule
