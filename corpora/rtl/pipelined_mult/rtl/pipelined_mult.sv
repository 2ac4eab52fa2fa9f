// pipelined_mult: 16x16 -> 32 unsigned multiplier, three pipeline stages
// (operand register, four 8x8 partial products, final sum) with a valid bit
// travelling alongside. ce freezes the whole pipeline. The result register
// loads only for valid data, so p keeps the most recent valid product.
module pipelined_mult (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        ce,
    input  logic        in_valid,
    input  logic [15:0] a,
    input  logic [15:0] b,
    output logic        out_valid,
    output logic [31:0] p
);
    logic        v1, v2;
    logic [15:0] a1, b1;
    logic [15:0] pp_ll, pp_lh, pp_hl, pp_hh;
    logic [16:0] mid;

    assign mid = {1'b0, pp_lh} + {1'b0, pp_hl};

    // control path and result register: asynchronous reset
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            v1        <= 1'b0;
            v2        <= 1'b0;
            out_valid <= 1'b0;
            p         <= '0;
        end else if (ce) begin
            v1        <= in_valid;
            v2        <= v1;
            out_valid <= v2;
            // stage 3: combine, cross terms weighted by 2^8
            if (v2) p <= {pp_hh, pp_ll} + {7'd0, mid, 8'd0};
        end
    end

    // datapath registers: no reset, advance with the pipeline
    always_ff @(posedge clk) begin
        if (ce) begin
            // stage 1: register operands
            a1    <= a;
            b1    <= b;
            // stage 2: partial products of the byte halves
            pp_ll <= a1[7:0]  * b1[7:0];
            pp_lh <= a1[7:0]  * b1[15:8];
            pp_hl <= a1[15:8] * b1[7:0];
            pp_hh <= a1[15:8] * b1[15:8];
        end
    end
endmodule
