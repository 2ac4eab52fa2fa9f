// c_alu16.v -- 16-bit combinational ALU
//
//   op    mnemonic  result                        carry               ovf
//   0000  ADD       a + b                         carry out           signed overflow
//   0001  ADC       a + b + cin                   carry out           signed overflow
//   0010  SUB       a - b                         borrow (a < b)      signed overflow
//   0011  SBB       a - b - cin                   borrow              signed overflow
//   0100  AND       a & b                         0                   0
//   0101  OR        a | b                         0                   0
//   0110  XOR       a ^ b                         0                   0
//   0111  NOT       ~a                            0                   0
//   1000  SHL       a << b[3:0]                   last bit out        0
//   1001  SHR       a >> b[3:0]  (logical)        last bit out        0
//   1010  SAR       a >>> b[3:0] (arithmetic)     last bit out        0
//   1011  ROL       a rotated left by b[3:0]      0                   0
//   1100  SLT       a < b, signed   (0 or 1)      0                   0
//   1101  SLTU      a < b, unsigned (0 or 1)      0                   0
//   1110  NEG       0 - a                         borrow (a != 0)     a == 16'h8000
//   1111  PASSB     b                             0                   0
//
// zero and neg always describe the result.

module c_alu16 (
    input      [3:0]  op,
    input      [15:0] a,
    input      [15:0] b,
    input             cin,
    output reg [15:0] y,
    output            zero,
    output reg        carry,
    output            neg,
    output reg        ovf
);

    localparam OP_ADD   = 4'b0000;
    localparam OP_ADC   = 4'b0001;
    localparam OP_SUB   = 4'b0010;
    localparam OP_SBB   = 4'b0011;
    localparam OP_AND   = 4'b0100;
    localparam OP_OR    = 4'b0101;
    localparam OP_XOR   = 4'b0110;
    localparam OP_NOT   = 4'b0111;
    localparam OP_SHL   = 4'b1000;
    localparam OP_SHR   = 4'b1001;
    localparam OP_SAR   = 4'b1010;
    localparam OP_ROL   = 4'b1011;
    localparam OP_SLT   = 4'b1100;
    localparam OP_SLTU  = 4'b1101;
    localparam OP_NEG   = 4'b1110;
    localparam OP_PASSB = 4'b1111;

    reg [16:0] sum;      // 17-bit add/subtract result, bit 16 = carry / borrow
    reg [31:0] sh;       // shifter work register
    reg [3:0]  amt;

    always @(op or a or b or cin) begin
        y     = 16'h0000;
        carry = 1'b0;
        ovf   = 1'b0;
        sum   = 17'h00000;
        sh    = 32'h00000000;
        amt   = b[3:0];

        case (op)
            OP_ADD: begin
                sum   = {1'b0, a} + {1'b0, b};
                y     = sum[15:0];
                carry = sum[16];
                ovf   = (a[15] == b[15]) && (y[15] != a[15]);
            end
            OP_ADC: begin
                sum   = {1'b0, a} + {1'b0, b} + {16'h0000, cin};
                y     = sum[15:0];
                carry = sum[16];
                ovf   = (a[15] == b[15]) && (y[15] != a[15]);
            end
            OP_SUB: begin
                sum   = {1'b0, a} - {1'b0, b};
                y     = sum[15:0];
                carry = sum[16];
                ovf   = (a[15] == b[15]) && (y[15] != a[15]);
            end
            OP_SBB: begin
                sum   = {1'b0, a} - {1'b0, b} - {16'h0000, cin};
                y     = sum[15:0];
                carry = sum[16];
                ovf   = (a[15] == b[15]) && (y[15] != a[15]);
            end
            OP_AND:  y = a & b;
            OP_OR:   y = a | b;
            OP_XOR:  y = a ^ b;
            OP_NOT:  y = ~a;
            OP_SHL: begin
                sh    = {16'h0000, a} << amt;
                y     = sh[15:0];
                carry = sh[16];
            end
            OP_SHR: begin
                sh    = {a, 16'h0000} >> amt;
                y     = sh[31:16];
                carry = sh[15];
            end
            OP_SAR: begin
                sh    = $signed({a, 16'h0000}) >>> amt;
                y     = sh[31:16];
                carry = sh[15];
            end
            OP_ROL: begin
                sh    = {a, a} << amt;
                y     = sh[31:16];
            end
            OP_SLT:  y = {15'h0000, ($signed(a) < $signed(b))};
            OP_SLTU: y = {15'h0000, (a < b)};
            OP_NEG: begin
                sum   = 17'h00000 - {1'b0, a};
                y     = sum[15:0];
                carry = sum[16];
                ovf   = (a == 16'h8000);
            end
            OP_PASSB: y = b;
            default:  y = 16'h0000;
        endcase
    end

    assign zero = (y == 16'h0000);
    assign neg  = y[15];

endmodule
