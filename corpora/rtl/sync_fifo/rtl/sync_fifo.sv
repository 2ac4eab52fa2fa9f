// sync_fifo: DEPTH-entry synchronous FIFO with first-word-fall-through read
// data, full/empty/almost flags, occupancy count and sticky overflow /
// underflow error flags. Writes when full and reads when empty are dropped.
module sync_fifo #(
    parameter int W     = 8,
    parameter int DEPTH = 8,
    parameter int AW    = 3                 // log2(DEPTH)
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         wr_en,
    input  logic [W-1:0] wr_data,
    input  logic         rd_en,
    output logic [W-1:0] rd_data,          // head entry, valid when !empty
    output logic         full,
    output logic         empty,
    output logic         almost_full,      // count >= DEPTH-1
    output logic         almost_empty,     // count <= 1
    output logic [AW:0]  count,
    output logic         overflow,         // sticky: write attempted while full
    output logic         underflow         // sticky: read attempted while empty
);
    logic [W-1:0]  mem [DEPTH];
    logic [AW-1:0] wr_ptr, rd_ptr;
    logic          do_wr, do_rd;

    assign do_wr = wr_en && !full;
    assign do_rd = rd_en && !empty;

    always_ff @(posedge clk) begin
        if (do_wr) mem[wr_ptr] <= wr_data;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wr_ptr    <= '0;
            rd_ptr    <= '0;
            count     <= '0;
            overflow  <= 1'b0;
            underflow <= 1'b0;
        end else begin
            if (do_wr) wr_ptr <= wr_ptr + 1'b1;
            if (do_rd) rd_ptr <= rd_ptr + 1'b1;
            case ({do_wr, do_rd})
                2'b10:   count <= count + 1'b1;
                2'b01:   count <= count - 1'b1;
                default: count <= count;
            endcase
            if (wr_en && full)  overflow  <= 1'b1;
            if (rd_en && empty) underflow <= 1'b1;
        end
    end

    assign rd_data      = mem[rd_ptr];
    assign full         = (count == DEPTH[AW:0]);
    assign empty        = (count == '0);
    assign almost_full  = (count >= DEPTH[AW:0] - 1'b1);
    assign almost_empty = (count <= 1);
endmodule
