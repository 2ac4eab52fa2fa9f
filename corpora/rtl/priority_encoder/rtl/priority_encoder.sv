// priority_encoder: 8-input priority encoder, highest index wins.
// Besides the encoded index it reports a one-hot grant, the number of the
// lowest set request (lsb_idx) and whether more than one request is active.
module priority_encoder (
    input  logic [7:0] req,
    output logic [2:0] idx,      // index of the highest set bit
    output logic       valid,    // any request set
    output logic [7:0] grant,    // one-hot of idx (zero when !valid)
    output logic [2:0] lsb_idx,  // index of the lowest set bit
    output logic       multi     // two or more requests set
);
    always_comb begin
        casez (req)
            8'b1???????: idx = 3'd7;
            8'b01??????: idx = 3'd6;
            8'b001?????: idx = 3'd5;
            8'b0001????: idx = 3'd4;
            8'b00001???: idx = 3'd3;
            8'b000001??: idx = 3'd2;
            8'b0000001?: idx = 3'd1;
            default:     idx = 3'd0;
        endcase
    end

    assign valid = |req;
    assign grant = valid ? (8'b0000_0001 << idx) : 8'h00;

    // lowest set bit: scan downward so the last hit is the smallest index
    always_comb begin
        lsb_idx = 3'd0;
        for (int i = 7; i >= 0; i--) begin
            if (req[i]) lsb_idx = i[2:0];
        end
    end

    // more than one bit set <=> clearing the lowest set bit leaves something
    assign multi = (req & (req - 8'd1)) != 8'h00;
endmodule
