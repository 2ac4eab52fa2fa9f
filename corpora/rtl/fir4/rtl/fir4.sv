// fir4: 4-tap FIR filter y = 3*x[n] - 5*x[n-1] + 7*x[n-2] + 2*x[n-3] on signed
// 8-bit samples. A sample enters the delay line on in_valid; the full-precision
// sum (13-bit signed) is registered one cycle later, with out_valid. y_sat is
// y / 4 rounded (half up) and saturated to signed 8 bits. Taps 0, 2 and 3 are
// shift-add, tap 1 is a signed multiply. Asynchronous active-low reset.
module fir4 (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              in_valid,
    input  logic signed [7:0] x,
    output logic signed [12:0] y,
    output logic signed [7:0] y_sat,
    output logic              out_valid
);
    logic signed [7:0]  x0, x1, x2, x3;
    logic signed [12:0] t0, t1, t2, t3, acc;
    logic signed [10:0] yr;
    logic               pend, ovf;

    assign t0  = {{4{x0[7]}}, x0, 1'b0} + {{5{x0[7]}}, x0};            // 3 * x0
    assign t1  = x1 * 13'sd5;                                           // 5 * x1
    assign t2  = ({{5{x2[7]}}, x2} << 3) - {{5{x2[7]}}, x2};            // 7 * x2
    assign t3  = {{4{x3[7]}}, x3, 1'b0};                                // 2 * x3
    assign acc = t0 - t1 + t2 + t3;

    // |y| <= 2176, so y / 4 fits in 11 bits; out of the 8-bit range when the
    // bits above bit 7 are not all copies of bit 7
    assign yr    = (y + 13'sd2) >>> 2;
    assign ovf   = (yr[10:7] != {4{yr[7]}});
    assign y_sat = ovf ? {yr[10], {7{~yr[10]}}} : yr[7:0];

    // the oldest tap needs no reset: it is always overwritten before it is used
    always_ff @(posedge clk) begin
        if (in_valid) x3 <= x2;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            x0        <= 8'sd0;
            x1        <= 8'sd0;
            x2        <= 8'sd0;
            pend      <= 1'b0;
            out_valid <= 1'b0;
            y         <= 13'sd0;
        end else begin
            if (in_valid) begin
                x0 <= x;
                x1 <= x0;
                x2 <= x1;
            end
            pend      <= in_valid;
            out_valid <= pend;
            if (pend) y <= acc;
        end
    end
endmodule
