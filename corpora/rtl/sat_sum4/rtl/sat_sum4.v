// sat_sum4: adds the enabled lanes of four signed 8-bit values (lane k is
// x[8k+7:8k], enabled by mask[k]) into an 11-bit signed accumulator that is
// built up in place inside one combinational block, then clamps the result
// to [-128, 127]. neg lanes are subtracted instead of added. pos_sat and
// neg_sat flag clamping; raw is the unclamped sum.
// Non-ANSI port list, plain reg/wire.
module sat_sum4 (x, mask, neg, sum, raw, pos_sat, neg_sat);
    input  [31:0] x;
    input  [3:0]  mask;
    input  [3:0]  neg;
    output [7:0]  sum;
    output [10:0] raw;
    output        pos_sat;
    output        neg_sat;

    reg signed [10:0] acc;
    reg signed [10:0] lane;
    reg        [7:0] sum;
    reg              pos_sat;
    reg              neg_sat;
    integer          k;

    always @* begin
        acc = 11'sd0;
        for (k = 0; k < 4; k = k + 1) begin
            lane = {{3{x[8*k+7]}}, x[8*k +: 8]};
            if (mask[k]) begin
                if (neg[k]) acc = acc - lane;
                else        acc = acc + lane;
            end
        end
        pos_sat = 1'b0;
        neg_sat = 1'b0;
        sum = acc[7:0];
        if (acc > 11'sd127) begin
            sum = 8'h7F;
            pos_sat = 1'b1;
        end else if (acc < -11'sd128) begin
            sum = 8'h80;
            neg_sat = 1'b1;
        end
    end

    assign raw = acc;
endmodule
