// barrel_shifter: 16-bit barrel shifter / rotator.
// Right operations shift a double-width word {fill, din}; left operations
// shift {din, fill} the other way and keep the upper half.
module barrel_shifter #(
    parameter int W = 16,
    parameter int SW = 4          // shift-amount width, W == 2**SW
) (
    input  logic [W-1:0]  din,
    input  logic [SW-1:0] shamt,
    input  logic [2:0]    op,
    output logic [W-1:0]  dout,
    output logic          zero
);
    localparam logic [2:0] OP_SLL = 3'd0;
    localparam logic [2:0] OP_SRL = 3'd1;
    localparam logic [2:0] OP_SRA = 3'd2;
    localparam logic [2:0] OP_ROL = 3'd3;
    localparam logic [2:0] OP_ROR = 3'd4;

    logic [W-1:0]   fill;
    logic [2*W-1:0] wide;

    always_comb begin
        // sign fill only for arithmetic right shifts of negative values
        fill = (op == OP_SRA && din[W-1]) ? {W{1'b1}} : {W{1'b0}};
        wide = '0;
        case (op)
            OP_SLL: begin
                wide = {din, {W{1'b0}}} << shamt;
                dout = wide[2*W-1:W];
            end
            OP_ROL: begin
                wide = {din, din} << shamt;
                dout = wide[2*W-1:W];
            end
            OP_SRL, OP_SRA: begin
                wide = {fill, din} >> shamt;
                dout = wide[W-1:0];
            end
            OP_ROR: begin
                wide = {din, din} >> shamt;
                dout = wide[W-1:0];
            end
            default: dout = din;
        endcase
    end

    assign zero = (dout == {W{1'b0}});
endmodule
