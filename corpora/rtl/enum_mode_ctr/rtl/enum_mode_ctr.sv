// enum_mode_ctr: four-level fan controller. up / down step the mode one
// level (both together: no change; down stops at LOW), off forces OFF. The
// mode resets to MID, not to the first enum member. level is the PWM
// threshold of the mode, phase a free-running 4-bit counter that resets to
// 4'hA, pwm = (phase < level). changes counts mode changes and resets to
// 8'h80. Asynchronous active-low reset.
module enum_mode_ctr (
    input  logic       clk,
    input  logic       resetn,
    input  logic       up,
    input  logic       down,
    input  logic       off,
    output logic [1:0] mode_o,
    output logic [3:0] level,
    output logic [3:0] phase,
    output logic       pwm,
    output logic [7:0] changes
);
    typedef enum logic [1:0] {OFF, LOW, MID, HIGH} mode_t;

    mode_t mode, nmode;

    always_comb begin
        nmode = mode;
        if (off) begin
            nmode = OFF;
        end else if (up && !down) begin
            case (mode)
                OFF:     nmode = LOW;
                LOW:     nmode = MID;
                default: nmode = HIGH;
            endcase
        end else if (down && !up) begin
            case (mode)
                HIGH:    nmode = MID;
                MID:     nmode = LOW;
                default: nmode = mode;
            endcase
        end
    end

    always_comb begin
        case (mode)
            OFF:     level = 4'd0;
            LOW:     level = 4'd4;
            MID:     level = 4'd9;
            default: level = 4'd15;
        endcase
    end

    always_ff @(posedge clk or negedge resetn) begin
        if (!resetn) begin
            mode    <= MID;
            phase   <= 4'hA;
            changes <= 8'h80;
        end else begin
            mode  <= nmode;
            phase <= phase + 4'd1;
            if (nmode != mode) changes <= changes + 8'd1;
        end
    end

    assign mode_o = mode;
    assign pwm    = (phase < level);
endmodule
