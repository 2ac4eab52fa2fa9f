// vend_fsm: coin-operated vending controller, price 20 cents. One coin per
// cycle is accepted (cancel wins over dime, dime wins over nickel). Mealy
// outputs: vend when the credit reaches the price, change when a dime
// overpays by a nickel, refund when cancel returns a non-zero credit.
// Classic two-process Verilog: the next-state block is combinational and
// drives the output regs with non-blocking assignments; the state register
// lives in its own clocked block with a synchronous active-high reset.
module vend_fsm (clk, rst, nickel, dime, cancel, vend, change, refund, credit);
    input        clk;
    input        rst;
    input        nickel;
    input        dime;
    input        cancel;
    output       vend;
    output       change;
    output       refund;
    output [4:0] credit;

    reg       vend;
    reg       change;
    reg       refund;
    reg [1:0] state;
    reg [1:0] next_state;

    parameter S0  = 2'd0;
    parameter S5  = 2'd1;
    parameter S10 = 2'd2;
    parameter S15 = 2'd3;

    always @(posedge clk)
        if (rst)
            state <= S0;
        else
            state <= next_state;

    always @* begin
        next_state = state;
        vend   <= 1'b0;
        change <= 1'b0;
        refund <= 1'b0;
        if (cancel) begin
            next_state = S0;
            if (state != S0)
                refund <= 1'b1;
        end else if (dime) begin
            case (state)
                S0:  next_state = S10;
                S5:  next_state = S15;
                S10: begin
                    next_state = S0;
                    vend <= 1'b1;
                end
                default: begin
                    next_state = S0;
                    vend   <= 1'b1;
                    change <= 1'b1;
                end
            endcase
        end else if (nickel) begin
            case (state)
                S0:  next_state = S5;
                S5:  next_state = S10;
                S10: next_state = S15;
                default: begin
                    next_state = S0;
                    vend <= 1'b1;
                end
            endcase
        end
    end

    assign credit = (state == S5)  ? 5'd5  :
                    (state == S10) ? 5'd10 :
                    (state == S15) ? 5'd15 : 5'd0;
endmodule
