// bcd_add2: adds two 2-digit packed BCD numbers plus a carry in. Each digit
// sum is formed in a 5-bit temporary and corrected in place (+6 when it
// passes 9), the decimal carry rippling into the next digit. bad_in flags a
// non-BCD digit on either operand (the sum is then unspecified but still
// deterministic); nines flags a result of 99 (a carry in would ripple out).
module bcd_add2 (
    input  logic [7:0] a,
    input  logic [7:0] b,
    input  logic       cin,
    output logic [7:0] s,
    output logic       cout,
    output logic       bad_in,
    output logic       nines
);
    logic [4:0] lo, hi;
    logic       c1;

    always @(*) begin
        lo = {1'b0, a[3:0]} + {1'b0, b[3:0]} + {4'd0, cin};
        c1 = 1'b0;
        if (lo > 5'd9) begin
            lo = lo + 5'd6;
            c1 = 1'b1;
        end
        hi = {1'b0, a[7:4]} + {1'b0, b[7:4]} + {4'd0, c1};
        cout = 1'b0;
        if (hi > 5'd9) begin
            hi = hi + 5'd6;
            cout = 1'b1;
        end
        s = {hi[3:0], lo[3:0]};
    end

    always @(*) begin
        bad_in = 1'b0;
        if (a[3:0] > 4'd9 || a[7:4] > 4'd9) bad_in = 1'b1;
        if (b[3:0] > 4'd9 || b[7:4] > 4'd9) bad_in = 1'b1;
        nines = (s == 8'h99) && !cout;
    end
endmodule
