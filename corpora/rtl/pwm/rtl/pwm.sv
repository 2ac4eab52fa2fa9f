// pwm: counter runs 0..top_q and wraps; the output is high while cnt < duty_q
// (duty_q > top_q gives 100 %), optionally inverted; while disabled it rests at
// the inactive level. `wr` writes the shadow registers; they are copied into
// duty_q/top_q at the end of every period (and every cycle while disabled), so
// a running period is never cut short. `period_end` is high in the last cycle
// of a period. Asynchronous active-low reset.
module pwm (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       en,
    input  logic       wr,
    input  logic       invert,
    input  logic [7:0] duty,
    input  logic [7:0] top,
    output logic [7:0] cnt,
    output logic       pwm_out,
    output logic       period_end,
    output logic       half
);
    logic [7:0] duty_s, top_s, duty_q, top_q;
    logic       raw;

    assign period_end = en && (cnt >= top_q);
    assign raw        = (cnt < duty_q);
    assign pwm_out    = en ? (raw ^ invert) : invert;
    assign half       = (cnt == (top_q >> 1));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            duty_s <= 8'd40;
            top_s  <= 8'd99;
            duty_q <= 8'd40;
            top_q  <= 8'd99;
            cnt    <= 8'd0;
        end else begin
            if (wr) begin
                duty_s <= duty;
                top_s  <= top;
            end
            if (!en || period_end) begin
                cnt    <= 8'd0;
                duty_q <= duty_s;
                top_q  <= top_s;
            end else begin
                cnt <= cnt + 8'd1;
            end
        end
    end
endmodule
