// b_round_robin4: four-requester round-robin arbiter with grant hold.
//
// The grant is registered. Each clock the arbiter either keeps the current
// grant or re-arbitrates:
//   keep  - the owner still requests, asserts its lock bit, and has held the
//           grant for fewer than MAX_HOLD consecutive cycles;
//   else  - the first requester after the previous owner (in circular order
//           owner+1, owner+2, ..., owner) gets the grant; with no request the
//           grant is dropped and the owner is remembered for the next round.
// burst counts how many cycles past the first the owner has kept the grant.
module b_round_robin4 #(
    parameter int MAX_HOLD = 4              // cycles a locked owner may keep the grant
) (
    input  logic       clk,
    input  logic       rst,                 // synchronous, active high
    input  logic [3:0] req,
    input  logic [3:0] lock,                // owner asks to keep the grant
    output logic [3:0] gnt,                 // one-hot grant, zero when none
    output logic [1:0] gnt_id,              // owner index, zero when none
    output logic       gnt_valid,
    output logic [1:0] burst
);
    logic [1:0] owner;                      // last granted requester
    logic       valid_q;
    logic [1:0] burst_q;

    logic [3:0] req_hi;                     // requests above the owner
    logic       any_req, keep;
    logic [1:0] pick_id;
    logic       nx_valid;
    logic [1:0] nx_owner, nx_burst;

    // requests strictly above position p (thermometer mask)
    function automatic logic [3:0] above(input logic [1:0] p);
        return 4'b1110 << p;
    endfunction

    // index of the lowest set bit (0 when none)
    function automatic logic [1:0] first_one(input logic [3:0] v);
        logic [1:0] idx;
        idx = 2'd0;
        for (int i = 3; i >= 0; i--)
            if (v[i]) idx = 2'(i);
        return idx;
    endfunction

    assign any_req = |req_hi;
    assign keep    = valid_q && req[owner] && lock[owner] &&
                     (burst_q != 2'(MAX_HOLD - 1));

    // round-robin choice: wrap around to the lowest index when nobody
    // above the owner is requesting
    assign req_hi  = req & above(owner);
    assign pick_id = (|req_hi) ? first_one(req_hi) : first_one(req_hi);

    always_comb begin
        if (keep) begin
            nx_valid = 1'b1;
            nx_owner = owner;
            nx_burst = burst_q + 2'd1;
        end else begin
            nx_valid = any_req;
            nx_owner = any_req ? pick_id : owner;
            nx_burst = 2'd0;
        end
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            valid_q <= 1'b0;
            owner   <= 2'd3;                // requester 0 has priority first
            burst_q <= 2'd0;
        end else begin
            valid_q <= nx_valid;
            owner   <= nx_owner;
            burst_q <= nx_burst;
        end
    end

    // grant decode
    always_comb begin
        case ({valid_q, owner})
            3'b100:  gnt = 4'b0001;
            3'b101:  gnt = 4'b0010;
            3'b110:  gnt = 4'b0100;
            3'b111:  gnt = 4'b1000;
            default: gnt = 4'b0000;
        endcase
    end

    assign gnt_valid = valid_q;
    assign gnt_id    = valid_q ? owner : 2'd0;
    assign burst     = burst_q;
endmodule
