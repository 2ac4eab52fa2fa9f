// b_axis_fifo: AXI4-Stream style FIFO, DEPTH entries of {tlast, tdata}.
// The slave side accepts a beat when s_axis_tvalid && s_axis_tready, the
// master side hands one out when m_axis_tvalid && m_axis_tready. Output data
// is first-word-fall-through: m_axis_tdata/tlast show the head entry while
// m_axis_tvalid is high. occupancy counts stored beats, packets counts the
// stored beats that carry tlast (i.e. complete packets held in the FIFO).
module b_axis_fifo #(
    parameter int DW    = 16,
    parameter int DEPTH = 8,
    parameter int AW    = 3                 // log2(DEPTH)
) (
    input  logic          aclk,
    input  logic          aresetn,          // asynchronous, active low

    input  logic          s_axis_tvalid,
    output logic          s_axis_tready,
    input  logic [DW-1:0] s_axis_tdata,
    input  logic          s_axis_tlast,

    output logic          m_axis_tvalid,
    input  logic          m_axis_tready,
    output logic [DW-1:0] m_axis_tdata,
    output logic          m_axis_tlast,

    output logic [AW:0]   occupancy,
    output logic [AW:0]   packets,
    output logic          almost_full       // at most one free entry left
);
    localparam logic [AW:0] FULL_LEVEL = DEPTH[AW:0];

    logic [DW:0]   mem [DEPTH];             // {tlast, tdata}
    logic [AW-1:0] wr_ptr, rd_ptr;
    logic [AW:0]   count, pkt_cnt;
    logic          push, pop;

    // handshakes
    assign s_axis_tready = (count != FULL_LEVEL);
    assign m_axis_tvalid = (count != '0);
    assign push          = s_axis_tvalid && s_axis_tready;
    assign pop           = m_axis_tvalid && m_axis_tready;

    // storage
    always_ff @(posedge aclk or negedge aresetn) begin
        if (!aresetn) begin
            for (int i = 0; i < DEPTH; i++)
                mem[i] <= '0;
        end else if (push) begin
            mem[wr_ptr] <= {s_axis_tlast, s_axis_tdata};
        end
    end

    // pointers and counters
    always_ff @(posedge aclk or negedge aresetn) begin
        if (!aresetn) begin
            wr_ptr  <= '0;
            rd_ptr  <= '0;
            count   <= '0;
            pkt_cnt <= '0;
        end else begin
            if (push)
                wr_ptr <= wr_ptr + 1'b1;
            if (pop)
                rd_ptr <= rd_ptr + 1'b1;

            unique case ({push, pop})
                2'b10:   count <= count + 1'b1;
                2'b01:   count <= count - 1'b1;
                default: count <= count;
            endcase

            case ({push & s_axis_tlast, pop & m_axis_tlast})
                2'b10:   pkt_cnt <= pkt_cnt + 1'b1;
                default: pkt_cnt <= pkt_cnt;
            endcase
        end
    end

    // outputs
    assign {m_axis_tlast, m_axis_tdata} = mem[rd_ptr];
    assign occupancy   = count;
    assign packets     = pkt_cnt;
    assign almost_full = (count >= FULL_LEVEL - 1'b1);
endmodule
