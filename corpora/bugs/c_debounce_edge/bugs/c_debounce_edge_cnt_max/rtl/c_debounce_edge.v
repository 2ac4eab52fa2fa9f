// c_debounce_edge.v -- switch debouncer with edge pulses
//
// din is synchronised by two flops. The debounced level follows the
// synchronised input once that has differed from the current level for
// 2**CW consecutive clocks; any bounce back restarts the count. rise / fall
// pulse for one clock together with the level change.
//
// The registers are written with a unit delay (<= #1), the house style of
// the block this was taken from; it only matters in simulation.

`timescale 1ns/1ps

module c_debounce_edge #(
    parameter CW = 4
) (
    input      clk,
    input      rst_n,
    input      din,
    output reg level,
    output reg rise,
    output reg fall
);

    reg          sync1, sync2;
    reg [CW-1:0] cnt;

    // two-flop synchroniser
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            sync1 <= #1 1'b0;
            sync2 <= #1 1'b0;
        end else begin
            sync1 <= #1 din;
            sync2 <= #1 sync1;
        end
    end

    // stability counter and debounced level
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt   <= #1 {CW{1'b0}};
            level <= #1 1'b0;
            rise  <= #1 1'b0;
            fall  <= #1 1'b0;
        end else begin
            if (sync2 == level) begin
                cnt  <= #1 {CW{1'b0}};
                rise <= #1 1'b0;
                fall <= #1 1'b0;
            end else if (cnt == !{CW{1'b0}}) begin
                cnt   <= #1 {CW{1'b0}};
                level <= #1 sync2;
                rise  <= #1 sync2;
                fall  <= #1 ~sync2;
            end else begin
                cnt  <= #1 cnt + 1'b1;
                rise <= #1 1'b0;
                fall <= #1 1'b0;
            end
        end
    end

endmodule
