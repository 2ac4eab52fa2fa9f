// debouncer: the raw input passes a two-flop synchronizer; `clean` follows the
// synchronized level only after it has differed from `clean` for LIMIT
// consecutive cycles. `rise`/`fall` are one-cycle strobes when `clean` changes.
// `glitches` counts (saturating at 15) bounces: runs that ended before LIMIT.
// Asynchronous active-low reset.
module debouncer #(
    parameter logic [3:0] LIMIT = 4'd5
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       noisy,
    output logic       clean,
    output logic       rise,
    output logic       fall,
    output logic       busy,
    output logic [3:0] glitches
);
    logic       s1, s2;
    logic [3:0] cnt;

    assign busy = (cnt != 4'd0);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            s1       <= 1'b0;
            s2       <= 1'b0;
            cnt      <= 4'd0;
            clean    <= 1'b0;
            rise     <= 1'b0;
            fall     <= 1'b0;
            glitches <= 4'd0;
        end else begin
            s1   <= noisy;
            s2   <= s1;
            rise <= 1'b0;
            fall <= 1'b0;
            if (s2 == clean) begin
                cnt <= 4'd0;
                if (busy && glitches != 4'hF) glitches <= glitches + 4'd1;
            end else if (cnt >= LIMIT - 4'd1) begin
                cnt   <= 4'd0;
                clean <= s2;
                rise  <= s2;
                fall  <= ~s2;
            end else begin
                cnt <= cnt + 4'd1;
            end
        end
    end
endmodule
