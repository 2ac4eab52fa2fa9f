// a_pwm_dimmer.v -- LED dimmer with gamma-corrected PWM
//
//  * btn_up / btn_down: a rising edge moves the brightness level (0..15) one
//    step up / down, saturating at the ends. Edges on both buttons in the
//    same cycle cancel.
//  * the level is mapped through a gamma table to a target duty (0..100).
//  * the PWM period is PWM_MAX+1 clocks. The duty only changes at the end of
//    a period, moving toward the target by at most RAMP_STEP per period, so
//    the light fades instead of jumping.
//  * mode: 0 normal, 1 blink (PWM gated by a slow blink clock),
//          2 full on, 3 off.
//  * pwm_out is registered.
//  Synchronous, active-high reset.

`define RAMP_STEP 8'd8

module a_pwm_dimmer(clk, rst, btn_up, btn_down, mode, pwm_out, level, duty);
    input        clk;
    input        rst;
    input        btn_up;
    input        btn_down;
    input  [1:0] mode;
    output       pwm_out;
    output [3:0] level;
    output [7:0] duty;

    reg          pwm_out;
    reg    [3:0] level;
    reg    [7:0] duty;

    localparam PWM_MAX = 8'd99;

    localparam [1:0] MODE_NORMAL = 2'd0,
                     MODE_BLINK  = 2'd1,
                     MODE_ON     = 2'd2,
                     MODE_OFF    = 2'd3;

    reg       up_q, down_q;
    reg [7:0] cnt;
    reg [2:0] blink_cnt;
    reg [7:0] target;
    reg       pwm_nxt;

    wire up_evt     = btn_up & ~up_q;
    wire down_evt   = btn_down & ~down_q;
    wire period_end = (cnt == PWM_MAX);
    wire pwm_raw    = (cnt < duty);
    wire blink_on   = blink_cnt[2];

    // buttons and brightness level
    always @(posedge clk) begin
        if (rst) begin
            up_q   <= 1'b0;
            down_q <= 1'b0;
            level  <= 4'd0;
        end else begin
            up_q   <= btn_up;
            down_q <= btn_down;
            if (up_evt && !down_evt) begin
                if (level != 4'd15)
                    level <= level + 4'd1;
            end else if (down_evt && !up_evt) begin
                if (level != 4'd0)
                    level <= level - 4'd1;
            end
        end
    end

    // gamma table: level -> target duty (percent of the period)
    always @(level) begin
        case (level)
            4'd0:    target = 8'd0;
            4'd1:    target = 8'd1;
            4'd2:    target = 8'd2;
            4'd3:    target = 8'd3;
            4'd4:    target = 8'd5;
            4'd5:    target = 8'd7;
            4'd6:    target = 8'd10;
            4'd7:    target = 8'd14;
            4'd8:    target = 8'd19;
            4'd9:    target = 8'd25;
            4'd10:   target = 8'd32;
            4'd11:   target = 8'd41;
            4'd12:   target = 8'd52;
            4'd13:   target = 8'd65;
            4'd14:   target = 8'd80;
            4'd15:   target = 8'd100;
            default: target = 8'd0;
        endcase
    end

    // PWM period counter, blink prescaler and duty ramp
    always @(posedge clk) begin
        if (rst) begin
            cnt       <= 8'd0;
            blink_cnt <= 3'd0;
            duty      <= 8'd0;
        end else if (period_end) begin
            cnt       <= 8'd0;
            blink_cnt <= blink_cnt + 3'd1;
            if (duty < target) begin
                if (target - duty > `RAMP_STEP)
                    duty <= duty + `RAMP_STEP;
                else
                    duty <= target;
            end else if (duty > target) begin
                if (duty - target > `RAMP_STEP)
                    duty <= duty - `RAMP_STEP;
                else
                    duty <= target;
            end
        end else begin
            cnt <= cnt + 8'd1;
        end
    end

    // output select
    always @(mode or pwm_raw or blink_on) begin
        case (mode)
            MODE_NORMAL: pwm_nxt = pwm_raw;
            MODE_BLINK:  pwm_nxt = pwm_raw & blink_on;
            MODE_ON:     pwm_nxt = 1'b1;
            // default:     pwm_nxt = 1'b0;     // MODE_OFF
        endcase
    end

    always @(posedge clk) begin
        if (rst)
            pwm_out <= 1'b0;
        else
            pwm_out <= pwm_nxt;
    end

endmodule
