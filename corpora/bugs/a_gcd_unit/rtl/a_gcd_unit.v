// a_gcd_unit.v -- iterative greatest common divisor
//
// Euclid's algorithm by repeated subtraction: keep x >= y by swapping the two
// operands, subtract y from x, stop when y reaches zero; x is then the GCD.
//
// Handshake
//   * while idle (busy == 0) a high `start` loads a_in / b_in; `start` is
//     ignored while an operation is running.
//   * busy is high for every iteration cycle.
//   * when y reaches zero the answer is copied to `result` and `done` is high
//     for exactly one cycle; `result` then holds until the next answer.
//   gcd(a, 0) = a, gcd(0, b) = b, gcd(0, 0) = 0.

module a_gcd_unit #(
    parameter WIDTH = 16
) (
    input  wire             clk,
    input  wire             rst_n,
    input  wire             start,
    input  wire [WIDTH-1:0] a_in,
    input  wire [WIDTH-1:0] b_in,
    output wire             busy,
    output reg              done,
    output reg  [WIDTH-1:0] result
);

    localparam S_IDLE = 1'b0;
    localparam S_RUN  = 1'b1;

    reg             state;
    reg [WIDTH-1:0] x;
    reg [WIDTH-1:0] y;

    wire y_zero = (y == {WIDTH{1'b0}});
    wire x_lt_y = (x < y);

    assign busy = (state == S_RUN);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state  <= S_IDLE;
            x      <= {WIDTH{1'b0}};
            y      <= {WIDTH{1'b0}};
            result <= {WIDTH{1'b0}};
            done   <= 1'b0;
        end else begin
            done <= 1'b0;
            case (state)
                S_IDLE: begin
                    if (start) begin
                        x     <= a_in;
                        y     <= b_in;
                        state <= S_RUN;
                    end
                end

                S_RUN: begin
                    if (y_zero) begin
                        // finished: x holds the answer
                        result <= x;
                        done   <= 1'b1;
                        state  <= S_IDLE;
                    end else if (x_lt_y) begin
                        // keep x >= y: exchange the operands
                        x <= y;
                        y <= x;
                    end else begin
                        x <= x - y;
                    end
                end

                default: state <= S_IDLE;
            endcase
        end
    end

endmodule
