// alu: small combinational ALU with status flags.
// carry is the carry-out for ADD and the borrow for SUB; overflow is the
// signed (two's complement) overflow for ADD/SUB. zero/negative follow y.
module alu #(
    parameter int W = 8
) (
    input  logic [W-1:0] a,
    input  logic [W-1:0] b,
    input  logic [3:0]   op,
    output logic [W-1:0] y,
    output logic         zero,
    output logic         carry,
    output logic         negative,
    output logic         overflow
);
    localparam logic [3:0] OP_ADD  = 4'd0;
    localparam logic [3:0] OP_SUB  = 4'd1;
    localparam logic [3:0] OP_AND  = 4'd2;
    localparam logic [3:0] OP_OR   = 4'd3;
    localparam logic [3:0] OP_XOR  = 4'd4;
    localparam logic [3:0] OP_NOR  = 4'd5;
    localparam logic [3:0] OP_SLL  = 4'd6;
    localparam logic [3:0] OP_SRL  = 4'd7;
    localparam logic [3:0] OP_SRA  = 4'd8;
    localparam logic [3:0] OP_SLT  = 4'd9;
    localparam logic [3:0] OP_SLTU = 4'd10;
    localparam logic [3:0] OP_MAXU = 4'd11;
    localparam logic [3:0] OP_MINS = 4'd12;

    localparam int SHW = $clog2(W);

    logic [W:0]     sum;
    logic [SHW-1:0] shamt;

    assign shamt = b[SHW-1:0];

    always_comb begin
        sum      = '0;
        carry    = 1'b0;
        overflow = 1'b0;
        case (op)
            OP_ADD: begin
                sum      = {1'b0, a} + {1'b0, b};
                y        = sum[W-1:0];
                carry    = sum[W];
                overflow = (a[W-1] == b[W-1]) && (sum[W-1] != a[W-1]);
            end
            OP_SUB: begin
                sum      = {1'b0, a} - {1'b0, b};
                y        = sum[W-1:0];
                carry    = sum[W];
                overflow = (a[W-1] != b[W-1]) && (sum[W-1] != a[W-1]);
            end
            OP_AND:  y = a & b;
            OP_OR:   y = a | b;
            OP_XOR:  y = a ^ b;
            OP_NOR:  y = ~(a | b);
            OP_SLL:  y = a << shamt;
            OP_SRL:  y = a >> shamt;
            OP_SRA:  y = $signed(a) >>> shamt;
            OP_SLT:  y = {{(W-1){1'b0}}, $signed(a) < $signed(b)};
            OP_SLTU: y = {{(W-1){1'b0}}, a < b};
            OP_MAXU: y = (a > b) ? a : b;
            OP_MINS: y = ($signed(a) < $signed(b)) ? a : b;
            default: y = '0;
        endcase
        zero     = (y == '0);
        negative = y[W-1];
    end
endmodule
