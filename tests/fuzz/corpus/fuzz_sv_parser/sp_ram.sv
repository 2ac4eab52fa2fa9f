// sp_ram: single-port synchronous RAM, 16 words x 32 bits, with per-byte
// write enables. Read-first: a write cycle returns the old word. rdata is
// registered and holds its value while en is low; rvalid flags the cycle
// after a pure read.
module sp_ram #(
    parameter int DW = 32,
    parameter int AW = 4,
    parameter int NB = DW / 8
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          en,
    input  logic          we,
    input  logic [NB-1:0] be,
    input  logic [AW-1:0] addr,
    input  logic [DW-1:0] wdata,
    output logic [DW-1:0] rdata,
    output logic          rvalid
);
    logic [DW-1:0] mem [1 << AW];

    always_ff @(posedge clk) begin
        if (en && we) begin
            for (int b = 0; b < NB; b++) begin
                if (be[b]) mem[addr][8*b +: 8] <= wdata[8*b +: 8];
            end
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            rdata  <= '0;
            rvalid <= 1'b0;
        end else begin
            rvalid <= en && !we;
            if (en) rdata <= mem[addr];
        end
    end
endmodule
