// alu_flags: 16-bit combinational ALU with condition flags.
//   zf: result is zero        nf: result bit 15
//   cf: carry out of add/adc, borrow out of sub/sbb, bit shifted out by shl
//   vf: signed overflow of add/adc/sub/sbb, sign change of shl, else 0
// The flags (zf and vf in particular) are rarely set by random operands.
module alu_flags (
    input  logic [15:0] a,
    input  logic [15:0] b,
    input  logic [2:0]  op,
    input  logic        cin,
    output logic [15:0] y,
    output logic        zf,
    output logic        nf,
    output logic        cf,
    output logic        vf
);
    localparam logic [2:0] OP_ADD = 3'd0;
    localparam logic [2:0] OP_ADC = 3'd1;
    localparam logic [2:0] OP_SUB = 3'd2;
    localparam logic [2:0] OP_SBB = 3'd3;
    localparam logic [2:0] OP_AND = 3'd4;
    localparam logic [2:0] OP_OR  = 3'd5;
    localparam logic [2:0] OP_XOR = 3'd6;
    localparam logic [2:0] OP_SHL = 3'd7;

    logic [16:0] r;

    always_comb begin
        case (op)
            OP_ADD:  r = {1'b0, a} + {1'b0, b};
            OP_ADC:  r = {1'b0, a} + {1'b0, b} + {16'd0, cin};
            OP_SUB:  r = {1'b0, a} - {1'b0, b};
            OP_SBB:  r = {1'b0, a} - {1'b0, b} - {16'd0, cin};
            OP_AND:  r = {1'b0, a & b};
            OP_OR:   r = {1'b0, a | b};
            OP_XOR:  r = {1'b0, a ^ b};
            default: r = {a, 1'b0};
        endcase
    end

    always_comb begin
        y  = r[15:0];
        cf = r[16];
        zf = (r[15:0] == 16'h0000);
        nf = r[15];
        case (op)
            OP_ADD, OP_ADC: vf = (a[15] == b[15]) && (r[15] != a[15]);
            OP_SUB, OP_SBB: vf = (a[15] != b[15]) && (r[15] != a[15]);
            OP_SHL:         vf = a[15] ^ a[14];
            default:        vf = 1'b0;
        endcase
    end
endmodule
