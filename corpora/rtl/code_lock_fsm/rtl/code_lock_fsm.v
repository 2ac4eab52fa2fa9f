// code_lock_fsm: keypad code lock. Digits arrive with a key strobe and are
// compared against CODE (first digit in the top nibble). A wrong digit
// returns to S_IDLE and counts a failure; the third failure in a row goes
// to S_ALARM, which only clear leaves. After the fourth right digit the lock
// sits in S_OPEN (unlock high) until the next key or clear. bad is a Mealy
// strobe for a rejected digit. Non-ANSI port list, parameter state codes,
// asynchronous active-high reset.
module code_lock_fsm (clk, rst, key, digit, clear, unlock, alarm, bad, fails, state);
    parameter [15:0] CODE = 16'h3719;

    parameter S_IDLE  = 3'd0;
    parameter S_D1    = 3'd1;
    parameter S_D2    = 3'd2;
    parameter S_D3    = 3'd3;
    parameter S_OPEN  = 3'd4;
    parameter S_ALARM = 3'd5;

    input        clk;
    input        rst;
    input        key;
    input  [3:0] digit;
    input        clear;
    output       unlock;
    output       alarm;
    output       bad;
    output [1:0] fails;
    output [2:0] state;

    reg       unlock, alarm, bad;
    reg [1:0] fails;
    reg [2:0] state;
    reg [2:0] next_state;
    reg [3:0] want;

    always @(posedge clk or posedge rst)
        if (rst) state <= S_IDLE;
        else     state <= next_state;

    always @(posedge clk or posedge rst)
        if (rst)
            fails <= 2'd0;
        else if (clear || state == S_OPEN)
            fails <= 2'd0;
        else if (bad)
            fails <= fails + 2'd1;

    always @* begin
        next_state = state;
        unlock <= 1'b0;
        alarm  <= 1'b0;
        bad    <= 1'b0;
        case (state)
            S_IDLE:  want = CODE[15:12];
            S_D1:    want = CODE[11:8];
            S_D2:    want = CODE[7:4];
            default: want = CODE[3:0];
        endcase
        case (state)
            S_IDLE, S_D1, S_D2, S_D3: begin
                if (clear)
                    next_state = S_IDLE;
                else if (key && digit == want)
                    next_state = (state == S_D3) ? S_OPEN : state + 3'd1;
                else if (key) begin
                    bad <= 1'b1;
                    next_state = (fails == 2'd2) ? S_ALARM : S_IDLE;
                end
            end
            S_OPEN: begin
                unlock <= 1'b1;
                if (clear || key) next_state = S_IDLE;
            end
            default: begin
                alarm <= 1'b1;
                if (clear) next_state = S_IDLE;
            end
        endcase
    end
endmodule
