// c_bin2bcd.sv -- 16-bit binary to 5-digit BCD, iterative double dabble
//
// start is taken in IDLE (bin is captured then). One bit is shifted in per
// clock, after every BCD digit of 5 or more has been corrected by +3. After
// the 16th shift the result is copied to bcd and done pulses for one cycle;
// bcd holds its value until the next conversion finishes.
// Synchronous, active-high reset.

module c_bin2bcd (
    input  logic        clk,
    input  logic        rst,
    input  logic        start,
    input  logic [15:0] bin,
    output logic        busy,
    output logic        done,
    output logic [19:0] bcd        // {ten-thousands, thousands, hundreds, tens, ones}
);

    localparam [1:0] S_IDLE  = 2'd0,
                     S_SHIFT = 2'd1,
                     S_DONE  = 2'd2;

    logic [1:0]  state_q;
    logic [15:0] bin_q;            // bits still to shift in, MSB first
    logic [19:0] acc_q;            // BCD digits being built
    logic [4:0]  cnt_q;            // shifts done
    logic [19:0] adj;

    // +3 on every digit that would overflow past 9 when doubled
    always_comb begin
        adj = acc_q;
        for (int d = 0; d < 5; d++) begin
            if (acc_q[4*d +: 4] > 4'd5)
                adj[4*d +: 4] = acc_q[4*d +: 4] + 4'd3;
        end
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            state_q <= S_IDLE;
            bin_q   <= 16'h0000;
            acc_q   <= 20'h00000;
            cnt_q   <= 5'd0;
            bcd     <= 20'h00000;
            done    <= 1'b0;
        end else begin
            done <= 1'b0;
            case (state_q)
                S_IDLE: begin
                    if (start) begin
                        bin_q   <= bin;
                        acc_q   <= 20'h00000;
                        cnt_q   <= 5'd0;
                        state_q <= S_SHIFT;
                    end
                end

                S_SHIFT: begin
                    {acc_q, bin_q} <= {adj[18:0], bin_q, 1'b0};
                    cnt_q          <= cnt_q + 5'd1;
                    if (cnt_q == 5'd15)
                        state_q <= S_DONE;
                end

                S_DONE: begin
                    bcd     <= acc_q;
                    done    <= 1'b1;
                    state_q <= S_IDLE;
                end

                default: state_q <= S_IDLE;
            endcase
        end
    end

    assign busy = (state_q != S_IDLE);

endmodule
