// min_max_tracker: running minimum and maximum of a stream of 8-bit samples
// (taken when `valid`), compared as signed or unsigned numbers (`sgn`, to be
// held constant between clears). The first sample after reset or `clear` sets
// both. range = max - min. count counts samples and saturates at 255.
// new_min / new_max are registered flags: the last accepted sample set a new
// minimum / maximum. Asynchronous active-low reset.
module min_max_tracker (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       valid,
    input  logic       clear,
    input  logic       sgn,
    input  logic [7:0] sample,
    output logic [7:0] min_v,
    output logic [7:0] max_v,
    output logic [7:0] range,
    output logic [7:0] count,
    output logic       new_min,
    output logic       new_max
);
    logic first, lt_min, gt_max, take_min, take_max;

    assign first    = (count == 8'd0);
    assign lt_min   = sgn ? ($signed(sample) < $signed(min_v)) : (sample < min_v);
    assign gt_max   = sgn ? ($signed(sample) > $signed(max_v)) : (sample > max_v);
    assign take_min = valid && (first || lt_min);
    assign take_max = valid && (first || gt_max);
    assign range    = max_v - min_v;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            min_v   <= 8'h00;
            max_v   <= 8'h00;
            count   <= 8'h00;
            new_min <= 1'b0;
            new_max <= 1'b0;
        end else if (clear) begin
            min_v   <= 8'h00;
            max_v   <= 8'h00;
            count   <= 8'h00;
            new_min <= 1'b0;
            new_max <= 1'b0;
        end else begin
            new_min <= take_min;
            new_max <= take_max;
            if (take_min) min_v <= sample;
            if (take_max) max_v <= sample;
            if (valid && count != 8'hFF) count <= count + 8'd1;
        end
    end
endmodule
