// window_cmp: 8-bit window comparator. The lower and upper thresholds are
// registers (reset to 8'h40 / 8'hC0, loaded from thr by ld_lo / ld_hi).
// Zone of x: below (x < lo), above (x > hi, when not below), else in window.
// at_lo / at_hi flag x sitting exactly on a threshold, bad_win flags lo > hi.
// zone_q holds the zone of the previous sample (reset: in window); cross_up /
// cross_dn are registered strobes for a move into above / into below.
// Synchronous active-low reset.
module window_cmp (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       ld_lo,
    input  logic       ld_hi,
    input  logic [7:0] thr,
    input  logic [7:0] x,
    output logic [7:0] lo,
    output logic [7:0] hi,
    output logic       below,
    output logic       in_win,
    output logic       above,
    output logic       at_lo,
    output logic       at_hi,
    output logic       bad_win,
    output logic [1:0] zone_q,
    output logic       cross_up,
    output logic       cross_dn
);
    localparam logic [1:0] Z_BELOW  = 2'd0;
    localparam logic [1:0] Z_INSIDE = 2'd1;
    localparam logic [1:0] Z_ABOVE  = 2'd2;

    logic [1:0] zone;

    always_comb begin
        below   = (x < lo);
        above   = !below && (x > hi);
        in_win  = !below && !above;
        at_lo   = (x == lo);
        at_hi   = (x == hi);
        bad_win = (lo > hi);
        if (below)      zone = Z_BELOW;
        else if (above) zone = Z_ABOVE;
        else            zone = Z_INSIDE;
    end

    always_ff @(posedge clk) begin
        if (!rst_n) begin
            lo       <= 8'h40;
            hi       <= 8'hC0;
            zone_q   <= Z_INSIDE;
            cross_up <= 1'b0;
            cross_dn <= 1'b0;
        end else begin
            if (ld_lo) lo <= thr;
            if (ld_hi) hi <= thr;
            zone_q   <= zone;
            cross_up <= (zone == Z_ABOVE) && (zone_q != Z_ABOVE);
            cross_dn <= (zone == Z_BELOW) && (zone_q != Z_BELOW);
        end
    end
endmodule
