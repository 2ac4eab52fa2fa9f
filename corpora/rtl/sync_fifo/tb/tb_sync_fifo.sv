// Self-checking testbench for sync_fifo: a SystemVerilog queue is the
// reference. Every output is checked before and after every clock edge;
// traffic alternates between fill-biased, drain-biased and balanced phases
// so that full/empty, overflow/underflow and pointer wrap are all exercised.
module tb_sync_fifo;
    localparam int DEPTH = 8;

    logic       clk = 1'b0, rst_n = 1'b0;
    logic       wr_en = 1'b0, rd_en = 1'b0;
    logic [7:0] wr_data = '0, rd_data;
    logic       full, empty, almost_full, almost_empty, overflow, underflow;
    logic [3:0] count;

    sync_fifo #(.W(8), .DEPTH(DEPTH), .AW(3)) dut (
        .clk(clk), .rst_n(rst_n), .wr_en(wr_en), .wr_data(wr_data), .rd_en(rd_en),
        .rd_data(rd_data), .full(full), .empty(empty), .almost_full(almost_full),
        .almost_empty(almost_empty), .count(count), .overflow(overflow), .underflow(underflow)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h5EED_0001;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    logic [7:0] q [$];
    bit m_ovf = 0, m_udf = 0;
    int cyc = 0;

    task automatic check(input string where);
        int n;
        n = q.size();
        if (int'(count) != n || full !== (n == DEPTH) || empty !== (n == 0) ||
            almost_full !== (n >= DEPTH - 1) || almost_empty !== (n <= 1) ||
            overflow !== m_ovf || underflow !== m_udf) begin
            $display("FAIL: %s cyc=%0d got count=%0d full=%b empty=%b af=%b ae=%b ovf=%b udf=%b exp count=%0d ovf=%b udf=%b",
                     where, cyc, count, full, empty, almost_full, almost_empty, overflow, underflow, n, m_ovf, m_udf);
            $fatal(1);
        end
        if (n > 0 && rd_data !== q[0]) begin
            $display("FAIL: %s cyc=%0d rd_data=%02h exp %02h (count %0d)", where, cyc, rd_data, q[0], n);
            $fatal(1);
        end
    endtask

    task automatic step();
        bit w, r;
        #1 check("pre-edge");
        w = wr_en; r = rd_en;
        @(posedge clk);
        // reference: both operations judged on the state before the edge
        if (w && q.size() == DEPTH) m_ovf = 1;
        if (r && q.size() == 0)     m_udf = 1;
        begin
            bit can_w, can_r;
            can_w = w && (q.size() < DEPTH);
            can_r = r && (q.size() > 0);
            if (can_r) void'(q.pop_front());
            if (can_w) q.push_back(wr_data);
        end
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic do_reset();
        @(negedge clk);
        rst_n = 1'b0;
        #1;
        q.delete(); m_ovf = 0; m_udf = 0;
        check("async reset");
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
    endtask

    initial begin
        wr_en = 1'b1; rd_en = 1'b1;        // ignored while in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; wr_en = 1'b0; rd_en = 1'b0;

        // fill exactly to full, one more write (overflow), then drain
        for (int i = 0; i < DEPTH; i++) begin
            wr_en = 1'b1; wr_data = 8'(8'hA0 + i); step();
        end
        wr_data = 8'hEE; step();           // dropped, sets overflow
        wr_en = 1'b0;
        rd_en = 1'b1; wr_en = 1'b1; wr_data = 8'h5A; step();   // read+write while full: read only
        wr_en = 1'b0;
        repeat (DEPTH + 2) step();         // drain, then underflow
        rd_en = 1'b0;
        do_reset();
        // simultaneous read+write on an empty FIFO: write only
        wr_en = 1'b1; rd_en = 1'b1; wr_data = 8'h11; step();
        wr_data = 8'h22; step();           // now read+write with one entry
        wr_data = 8'h33; step();
        wr_en = 1'b0; repeat (3) step();
        rd_en = 1'b0;
        do_reset();

        // random traffic in phases
        for (int k = 0; k < 4000; k++) begin
            logic [31:0] r;
            int ph;
            r = rnd();
            ph = (k / 50) % 3;
            case (ph)
                0: begin wr_en = (r[2:0] != 0); rd_en = (r[5:3] == 0); end   // fill
                1: begin wr_en = (r[2:0] == 0); rd_en = (r[5:3] != 0); end   // drain
                default: begin wr_en = r[0]; rd_en = r[1]; end
            endcase
            wr_data = r[15:8];
            step();
            if (k == 2000) do_reset();
        end
        $display("PASS");
        $finish;
    end
endmodule
