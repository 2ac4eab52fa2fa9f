// c_traffic_timer.v -- loadable down-counter used for the phase times of
// c_traffic_ctrl. load has priority; the count steps down on tick and stops
// at zero; expired is high while the count is zero.

module c_traffic_timer #(
    parameter W = 5
) (
    input              clk,
    input              rst,
    input              load,
    input      [W-1:0] value,
    input              tick,
    output             expired,
    output reg [W-1:0] count
);

    always @(posedge clk) begin
        if (rst)
            count <= {W{1'b0}};
        else if (load)
            count <= value;
        else if (tick && count != {W{1'b0}})
            count <= count - 1'b1;
    end

    assign expired = (count == {W{1'b0}});

endmodule
