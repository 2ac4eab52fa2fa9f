// bcd_counter: three-digit BCD counter 000..999, up or down, with enable and a
// synchronous load (each loaded digit above 9 is clamped to 9). The digit
// carry (borrow) ripples through a loop; `carry` is high in the cycle in
// which an enabled step wraps 999 -> 000 (or 000 -> 999). `bin` is the value
// in binary. Asynchronous active-low reset.
module bcd_counter (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        en,
    input  logic        up,
    input  logic        load,
    input  logic [11:0] din,
    output logic [11:0] q,
    output logic        carry,
    output logic [9:0]  bin
);
    logic [11:0] nxt, ld;
    logic [3:0]  dig;
    logic        cy;

    always_comb begin
        cy = en;
        for (int i = 0; i < 3; i++) begin
            dig = q[4*i +: 4];
            if (!cy) begin
                nxt[4*i +: 4] = dig;
            end else if (up) begin
                nxt[4*i +: 4] = (dig >= 4'd9) ? 4'd0 : dig + 4'd1;
                cy = (dig >= 4'd9);
            end else begin
                nxt[4*i +: 4] = (dig == 4'd0) ? 4'd9 : dig - 4'd1;
                cy = (dig == 4'd0);
            end
        end
        carry = cy && !load;
    end

    assign ld[3:0]  = (din[3:0] >= 4'd10) ? 4'd9 : din[3:0];
    assign ld[7:4]  = (din[7:4] >= 4'd10) ? 4'd9 : din[7:4];
    assign ld[11:8] = (din[11:8] >= 4'd10) ? 4'd9 : din[11:8];

    assign bin = q[11:8] * 7'd100 + {q[7:4], 3'b000} + {q[7:4], 1'b0} + q[3:0];

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)    q <= 12'h000;
        else if (load) q <= ld;
        else           q <= nxt;
    end
endmodule
