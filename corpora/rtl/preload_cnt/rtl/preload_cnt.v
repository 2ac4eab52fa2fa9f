// preload_cnt: periodic down counter. count and the reload register both
// reset to PRELOAD (200), so the count is non-zero right after reset. Each
// tick decrements; a tick at zero raises tc (combinational) and reloads
// count from reload. wr writes a new reload value (takes effect at the next
// wrap; wr_now also forces count to it). periods counts wraps and resets to
// 8'h01 (the period running at reset). Synchronous active-high reset.
module preload_cnt #(
    parameter [15:0] PRELOAD = 16'd200
) (
    input  wire        clk,
    input  wire        reset,
    input  wire        tick,
    input  wire        wr,
    input  wire        wr_now,
    input  wire [15:0] wdata,
    output reg  [15:0] count,
    output reg  [15:0] reload,
    output wire        tc,
    output wire        zero,
    output reg  [7:0]  periods
);
    assign zero = (count == 16'd0);
    assign tc   = tick & zero;

    always @(posedge clk) begin
        if (reset)
            reload <= PRELOAD;
        else if (wr)
            reload <= wdata;
    end

    always @(posedge clk) begin
        if (reset) begin
            count   <= PRELOAD;
            periods <= 8'h01;
        end else if (wr && wr_now) begin
            count   <= wdata;
        end else if (tick) begin
            if (zero) begin
                count   <= reload;
                periods <= periods + 8'd1;
            end else begin
                count   <= count - 16'd1;
            end
        end
    end
endmodule
