// seq_detector: Moore FSM that finds the bit pattern 1101 (oldest bit first)
// in a serial stream, overlaps allowed. Bits are taken only when `valid` is
// high. `hit` is high in the state reached by the last bit of a match; `hits`
// counts matches and saturates at 255; `clear` zeroes the counter and
// restarts the search. The state register `progress` is the matched prefix
// length (0..4).
// Asynchronous active-low reset.
module seq_detector (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       valid,
    input  logic       din,
    input  logic       clear,
    output logic       hit,
    output logic [7:0] hits,
    output logic [2:0] progress
);
    localparam logic [2:0] S0 = 3'd0, S1 = 3'd1, S11 = 3'd2, S110 = 3'd3, S1101 = 3'd4;

    logic [2:0] nx;

    always_comb begin
        case (progress)
            S0:      nx = din ? S1 : S0;
            S1:      nx = din ? S11 : S0;
            S110:    nx = din ? S1101 : S0;
            S1101:   nx = din ? S11 : S0;
            default: nx = din ? S11 : S110;   // S11 (and the unused codes)
        endcase
        if (!valid) nx = progress;
    end

    assign hit = (progress == S1101);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            progress <= S0;
            hits     <= 8'd0;
        end else if (clear) begin
            progress <= S0;
            hits     <= 8'd0;
        end else begin
            progress <= nx;
            if (nx == S1101 && valid && hits != 8'hFF) hits <= hits + 8'd1;
        end
    end
endmodule
