// onehot_mux: selects one of four 8-bit lanes (lane i = din[8*i +: 8]) with a
// one-hot select, three ways:
//   y        AND-OR mux: the OR of every selected lane (0 when none)
//   y_strict the selected lane when sel is exactly one-hot, else 0
//   y_low    the lowest selected lane (priority), 0 when none; idx is its index
// valid: sel is exactly one-hot; none: sel is zero.
module onehot_mux (
    input  logic [31:0] din,
    input  logic [3:0]  sel,
    output logic [7:0]  y,
    output logic [7:0]  y_strict,
    output logic [7:0]  y_low,
    output logic [1:0]  idx,
    output logic        valid,
    output logic        none
);
    logic [31:0] sh;

    assign y = (din[7:0]   & {8{sel[0]}}) | (din[15:8]  & {8{sel[1]}}) |
               (din[23:16] & {8{sel[2]}}) | (din[31:24] & {8{sel[3]}});

    assign none  = (sel == 4'b0000);
    assign valid = !none && ((sel & (sel - 4'd1)) == 4'b0000);   // clears the lowest one

    always_comb begin
        case (sel)
            4'b0001: y_strict = din[7:0];
            4'b0010: y_strict = din[15:8];
            4'b0100: y_strict = din[23:16];
            4'b1000: y_strict = din[31:24];
            default: y_strict = 8'h00;
        endcase
        idx = 2'd0;
        for (int i = 3; i >= 0; i--) if (sel[i]) idx = i[1:0];
    end

    assign sh    = din >> {idx, 3'b000};
    assign y_low = none ? 8'h00 : sh[7:0];
endmodule
