// rr_arbiter: 4-way round-robin arbiter. The grant goes to the first requester
// after `last` (the previous winner) in circular order; an urgent request
// (urgent_en and req[urgent]) wins outright. The grant is combinational; `last`
// moves to the winner when the grant is acknowledged. With no request, gnt is 0
// and gnt_idx shows the next in line (last + 1). Asynchronous active-low reset
// (requester 0 is first in line after reset).
module rr_arbiter (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [3:0] req,
    input  logic       ack,
    input  logic       urgent_en,
    input  logic [1:0] urgent,
    output logic [3:0] gnt,
    output logic [1:0] gnt_idx,
    output logic       gnt_valid,
    output logic [1:0] last
);
    logic [7:0] dbl;
    logic [3:0] rot;
    logic [1:0] off;

    always_comb begin
        // rotate right so the requester after `last` lands in bit 0
        dbl = {req, req} >> (last + 2'd1);
        rot = dbl[3:0];
        casez (rot)
            4'b??10: off = 2'd1;
            4'b?100: off = 2'd2;
            4'b1000: off = 2'd3;
            default: off = 2'd0;   // bit 0 set, or no request at all
        endcase
        gnt_valid = (req != 4'b0000);
        gnt_idx   = last + 2'd1 + off;
        if (urgent_en && req[urgent]) gnt_idx = urgent;
        gnt = gnt_valid ? (4'b0001 << gnt_idx) : 4'b0000;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            last <= 2'd3;
        end else if (gnt_valid && ack) begin
            last <= gnt_idx;
        end
    end
endmodule
