// reset_pipe: three-stage byte pipeline. Stage 1 whitens the input with
// KEY, stage 2 adds 8'h11, stage 3 swaps nibbles. Every stage resets to a
// distinct non-zero pattern (8'hA5, 8'h5A, 8'h3C) that is visible on the
// outputs until real data has flowed through; the valid bits reset to zero.
// en=0 stalls the whole pipe. sum accumulates (xor-rotate) every byte that
// leaves stage 3 while valid; it resets to 8'hFF. Asynchronous active-low
// reset.
module reset_pipe #(
    parameter logic [7:0] KEY = 8'h96
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       en,
    input  logic       din_vld,
    input  logic [7:0] din,
    output logic [7:0] mid,
    output logic [7:0] dout,
    output logic       dout_vld,
    output logic [7:0] sum
);
    logic [7:0] s1, s2, s3;
    logic [2:0] vld;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            s1  <= 8'hA5;
            s2  <= 8'h5A;
            s3  <= 8'h3C;
            vld <= 3'b000;
        end else if (en) begin
            s1  <= din ^ KEY;
            s2  <= s1 + 8'h11;
            s3  <= {s2[3:0], s2[7:4]};
            vld <= {vld[1:0], din_vld};
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            sum <= 8'hFF;
        else if (en && vld[2])
            sum <= {sum[6:0], sum[7]} ^ s3;
    end

    assign mid      = s2;
    assign dout     = s3;
    assign dout_vld = vld[2];
endmodule
