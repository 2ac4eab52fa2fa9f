// A 4-bit ALU for the integration tests. Its testbench checks ops 0..2 only, so mutants in
// the default branch go to formal; the masked constant in `shl` makes one mutant equivalent.
module tiny_alu (
    input  logic [3:0] a,
    input  logic [3:0] b,
    input  logic [1:0] op,
    output logic [3:0] y,
    output logic [3:0] shl,
    output logic       zero
);
    always_comb begin
        case (op)
            2'd0: y = a + b;
            2'd1: y = a - b;
            2'd2: y = a & b;
            default: y = a | b;
        endcase
    end
    assign shl = {a[2:0], 1'b0} & 4'b1110;
    assign zero = (y == 4'd0);
endmodule
