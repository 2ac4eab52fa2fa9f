// edge_detector: per-lane edge detection on an 8-bit synchronous input.
// rise/fall are registered strobes (one cycle after the edge is seen at the
// input). `events` selects which strobes count (mode 0 rise, 1 fall, 2 both,
// 3 none); `count` accumulates the number of selected event lanes per cycle,
// saturating at 255, and `clear` zeroes it. Asynchronous active-low reset.
module edge_detector (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [7:0] sig,
    input  logic [1:0] mode,
    input  logic       clear,
    output logic [7:0] rise,
    output logic [7:0] fall,
    output logic [7:0] events,
    output logic [3:0] lanes,
    output logic       any_event,
    output logic [7:0] count
);
    logic [7:0] prev, ev;
    logic [8:0] sum;

    always_comb begin
        case (mode)
            2'd0:    events = rise;
            2'd1:    events = fall;
            2'd2:    events = rise | fall;
            default: events = 8'h00;
        endcase
        ev    = events;
        lanes = 4'd0;
        for (int i = 0; i < 8; i++) begin
            lanes = lanes + ev[0];
            ev    = ev >> 1;
        end
        sum = {1'b0, count} + {5'b00000, lanes};
    end

    assign any_event = |events;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            prev  <= 8'h00;
            rise  <= 8'h00;
            fall  <= 8'h00;
            count <= 8'h00;
        end else begin
            prev <= sig;
            rise <= sig & ~prev;
            fall <= prev & ~sig;
            if (clear) count <= 8'h00;
            else       count <= sum[8] ? 8'hFF : sum[7:0];
        end
    end
endmodule
