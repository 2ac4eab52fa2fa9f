// c_seq_mult.sv -- 16 x 16 -> 32 unsigned shift-and-add multiplier
//
// One partial product per clock. start is taken only when idle; a, b are
// captured then and may change afterwards. The product is ready 16 clocks
// after start was taken: done pulses for one cycle and p holds the product
// until the next one is finished. busy is high while a multiply is running.

module c_seq_mult (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        start,
    input  logic [15:0] a,          // multiplicand
    input  logic [15:0] b,          // multiplier
    output logic        busy,
    output logic        done,
    output logic [31:0] p
);

    localparam [1:0] S_IDLE = 2'd0,
                     S_RUN  = 2'd1;

    logic [1:0]  state_q;
    logic [15:0] mcand_q;
    logic [15:0] hi_q;      // upper half of the partial product
    logic [15:0] lo_q;      // multiplier bits not used yet; product bits shift in at the top
    logic [3:0]  cnt_q;     // steps left - 1
    logic [16:0] sum;

    // add the multiplicand when the current multiplier bit is set
    always_comb begin
        if (lo_q[0])
            sum = {1'b0, hi_q} + {1'b0, mcand_q};
        else
            sum = {1'b0, hi_q};
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state_q <= S_IDLE;
            mcand_q <= 16'h0000;
            hi_q    <= 16'h0000;
            lo_q    <= 16'h0000;
            cnt_q   <= 4'h0;
            done    <= 1'b0;
            p       <= 32'h0000_0000;
        end else begin
            done <= 1'b0;
            case (state_q)
                S_IDLE: begin
                    if (start) begin
                        mcand_q <= a;
                        lo_q    <= b;
                        hi_q    <= 16'h0000;
                        cnt_q   <= 4'hFF;       // all ones: 16 steps
                        state_q <= S_RUN;
                    end
                end

                S_RUN: begin
                    // shift the partial product right by one, the sum's
                    // carry enters at the top
                    lo_q   = {sum[0], lo_q[15:1]};
                    hi_q  <= sum[16:1];
                    cnt_q  = cnt_q - 4'd1;
                    if (cnt_q == 4'd0) begin
                        p       <= {sum[16:1], sum[0], lo_q[15:1]};
                        done    <= 1'b1;
                        state_q <= S_IDLE;
                    end
                end

                default: state_q <= S_IDLE;
            endcase
        end
    end

    assign busy = (state_q == S_RUN);

endmodule
