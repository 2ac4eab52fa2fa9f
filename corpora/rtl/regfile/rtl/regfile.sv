// regfile: N x W register file, two asynchronous read ports and one write
// port. Register 0 always reads as zero and ignores writes. Reads of the
// register being written in the same cycle return the new data (bypass).
// All registers clear on the asynchronous active-low reset.
module regfile #(
    parameter int W  = 16,
    parameter int N  = 8,
    parameter int AW = 3
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          we,
    input  logic [AW-1:0] waddr,
    input  logic [W-1:0]  wdata,
    input  logic [AW-1:0] raddr_a,
    output logic [W-1:0]  rdata_a,
    input  logic [AW-1:0] raddr_b,
    output logic [W-1:0]  rdata_b
);
    logic [W-1:0] regs [N];
    logic         wr_ok;

    assign wr_ok = we && (waddr != '0);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (int i = 0; i < N; i++) regs[i] <= '0;
        end else if (wr_ok) begin
            regs[waddr] <= wdata;
        end
    end

    always_comb begin
        if (raddr_a == '0)                  rdata_a = '0;
        else if (wr_ok && waddr == raddr_a) rdata_a = wdata;
        else                                rdata_a = regs[raddr_a];
    end

    always_comb begin
        if (raddr_b == '0)                  rdata_b = '0;
        else if (wr_ok && waddr == raddr_b) rdata_b = wdata;
        else                                rdata_b = regs[raddr_b];
    end
endmodule
