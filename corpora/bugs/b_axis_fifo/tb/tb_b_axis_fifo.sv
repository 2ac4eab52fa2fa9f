// Self-checking testbench for b_axis_fifo. A queue of {tlast, tdata} beats is
// the reference; ready/valid, head data, occupancy, packet count and
// almost_full are checked after every clock edge. Traffic runs in phases
// (source-heavy, sink-heavy, balanced, back-pressure bursts) so the FIFO
// fills, drains and wraps its pointers many times.
module tb_b_axis_fifo;
    localparam int DEPTH = 8;

    logic        aclk = 1'b0, aresetn = 1'b0;
    logic        s_valid = 1'b0, s_last = 1'b0, m_ready = 1'b0;
    logic [15:0] s_data = '0;
    logic        s_ready, m_valid, m_last, almost_full;
    logic [15:0] m_data;
    logic [3:0]  occupancy, packets;

    b_axis_fifo #(.DW(16), .DEPTH(DEPTH), .AW(3)) dut (
        .aclk(aclk), .aresetn(aresetn),
        .s_axis_tvalid(s_valid), .s_axis_tready(s_ready), .s_axis_tdata(s_data),
        .s_axis_tlast(s_last),
        .m_axis_tvalid(m_valid), .m_axis_tready(m_ready), .m_axis_tdata(m_data),
        .m_axis_tlast(m_last),
        .occupancy(occupancy), .packets(packets), .almost_full(almost_full)
    );

    always #5 aclk = ~aclk;

    logic [31:0] rs = 32'h1357_9BDF;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    logic [16:0] q [$];
    int cyc = 0, beats_out = 0;

    function automatic int npkts();
        int n = 0;
        foreach (q[i]) if (q[i][16]) n++;
        return n;
    endfunction

    task automatic check(input string where);
        int n;
        n = q.size();
        if (s_ready !== (n < DEPTH) || m_valid !== (n > 0) || int'(occupancy) != n ||
            int'(packets) != npkts() || almost_full !== (n >= DEPTH - 1)) begin
            $display("FAIL: %s cyc=%0d s_ready=%b m_valid=%b occ=%0d pkts=%0d af=%b exp occ=%0d pkts=%0d",
                     where, cyc, s_ready, m_valid, occupancy, packets, almost_full, n, npkts());
            $fatal(1);
        end
        if (n > 0 && {m_last, m_data} !== q[0]) begin
            $display("FAIL: %s cyc=%0d head last=%b data=%04h exp last=%b data=%04h",
                     where, cyc, m_last, m_data, q[0][16], q[0][15:0]);
            $fatal(1);
        end
    endtask

    task automatic step();
        bit do_push, do_pop;
        logic [16:0] beat;
        #1 check("pre-edge");
        do_push = s_valid && (q.size() < DEPTH);
        do_pop  = m_ready && (q.size() > 0);
        beat    = {s_last, s_data};
        @(posedge aclk);
        if (do_pop) begin void'(q.pop_front()); beats_out++; end
        if (do_push) q.push_back(beat);
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic do_reset();
        #1 aresetn = 1'b0;
        #1;
        q.delete();
        check("async reset");
        repeat (2) @(posedge aclk);
        #1 check("in reset");
        @(negedge aclk);
        aresetn = 1'b1;
    endtask

    initial begin
        s_valid = 1'b1; m_ready = 1'b1; s_last = 1'b1;   // ignored in reset
        repeat (2) @(posedge aclk);
        #1 check("in reset");
        @(negedge aclk);
        aresetn = 1'b1; s_valid = 1'b0; m_ready = 1'b0;

        // fill to full, keep offering (must be refused), then drain
        for (int i = 0; i < DEPTH + 3; i++) begin
            s_valid = 1'b1; s_data = 16'hA000 + 16'(i); s_last = (i % 3 == 2);
            step();
        end
        // full: a simultaneous pop frees a slot but the push is still refused
        m_ready = 1'b1; s_data = 16'hBEEF; s_last = 1'b1; step();
        s_valid = 1'b0;
        repeat (DEPTH + 2) step();
        m_ready = 1'b0;
        // simultaneous push and pop on an empty FIFO: push only
        s_valid = 1'b1; m_ready = 1'b1; s_data = 16'h0001; s_last = 1'b1; step();
        s_data = 16'h0002; s_last = 1'b0; step();
        s_data = 16'h0003; s_last = 1'b1; step();
        s_valid = 1'b0; repeat (3) step();
        m_ready = 1'b0;
        do_reset();

        // random traffic in phases
        for (int k = 0; k < 5000; k++) begin
            logic [31:0] r;
            int ph;
            r = rnd();
            ph = (k / 40) % 4;
            case (ph)
                0: begin s_valid = (r[2:0] != 0); m_ready = (r[5:3] == 0); end
                1: begin s_valid = (r[2:0] == 0); m_ready = (r[5:3] != 0); end
                2: begin s_valid = r[0];          m_ready = r[1];          end
                default: begin s_valid = 1'b1;    m_ready = (r[4:3] == 0); end
            endcase
            s_data = r[23:8];
            s_last = r[24] & r[25];
            step();
            if (k == 2222) do_reset();
        end
        $display("PASS (%0d beats)", beats_out);
        $finish;
    end
endmodule
