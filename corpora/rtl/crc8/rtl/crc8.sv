// crc8: CRC-8 (polynomial x^8+x^2+x+1 = 0x07, MSB first, no reflection) with
// a byte-wide update path and a one-bit serial update path sharing the
// same register. init reloads INIT. crc_ok flags a zero remainder (message
// followed by its own CRC). nbytes counts bytes since init (saturating).
module crc8 #(
    parameter logic [7:0] POLY = 8'h07,
    parameter logic [7:0] INIT = 8'h00
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       init,
    input  logic       byte_valid,
    input  logic [7:0] byte_in,
    input  logic       bit_valid,    // ignored when byte_valid is high
    input  logic       bit_in,
    output logic [7:0] crc,
    output logic       crc_ok,
    output logic [3:0] nbytes
);
    logic [7:0] byte_next, bit_next;
    logic       fb;

    // eight shift/xor steps unrolled by the loop
    always_comb begin
        byte_next = crc ^ byte_in;
        for (int i = 0; i < 8; i++) begin
            if (byte_next[7]) byte_next = (byte_next << 1) ^ POLY;
            else              byte_next = byte_next << 1;
        end
    end

    // single serial step
    assign fb       = crc[7] ^ bit_in;
    assign bit_next = {crc[6:0], 1'b0} ^ (fb ? POLY : 8'h00);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            crc    <= INIT;
            nbytes <= 4'd0;
        end else if (init) begin
            crc    <= INIT;
            nbytes <= 4'd0;
        end else if (byte_valid) begin
            crc    <= byte_next;
            if (nbytes != 4'd15) nbytes <= nbytes + 4'd1;
        end else if (bit_valid) begin
            crc    <= bit_next;
        end
    end

    assign crc_ok = (crc == 8'h00);
endmodule
