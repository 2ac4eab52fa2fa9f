// Self-checking testbench for handshake (skid buffer). The reference is a
// queue of beats held inside the buffer (at most two): in_ready must equal
// "fewer than two held", out_valid "at least one held", out_data the oldest
// beat; with nothing held, out_data keeps the last delivered beat (zero
// after reset). Checked before and after every edge under random
// valid/ready patterns, including long stalls and full-throughput streaming.
module tb_handshake;
    logic       clk = 1'b0, rst_n = 1'b0;
    logic       in_valid = 1'b0, in_ready, out_valid, out_ready = 1'b0;
    logic [7:0] in_data = '0, out_data, beats;

    handshake #(.W(8)) dut (
        .clk(clk), .rst_n(rst_n), .in_valid(in_valid), .in_ready(in_ready),
        .in_data(in_data), .out_valid(out_valid), .out_ready(out_ready),
        .out_data(out_data), .beats(beats)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h4A4D_5EED;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    logic [7:0] q [$];
    logic [7:0] last_out = '0;
    int m_beats = 0, cyc = 0, delivered = 0;

    task automatic check(input string where);
        if (in_ready !== (q.size() < 2) || out_valid !== (q.size() > 0) || int'(beats) != m_beats) begin
            $display("FAIL: %s cyc=%0d held=%0d got in_ready=%b out_valid=%b beats=%0d exp beats=%0d",
                     where, cyc, q.size(), in_ready, out_valid, beats, m_beats);
            $fatal(1);
        end
        if (out_data !== ((q.size() > 0) ? q[0] : last_out)) begin
            $display("FAIL: %s cyc=%0d out_data=%02h exp %02h (held %0d)", where, cyc, out_data,
                     (q.size() > 0) ? q[0] : last_out, q.size());
            $fatal(1);
        end
    endtask

    task automatic step();
        bit fin, fout;
        #1 check("pre-edge");
        fin  = in_valid && (q.size() < 2);
        fout = out_ready && (q.size() > 0);
        @(posedge clk);
        if (fout) begin last_out = q.pop_front(); delivered++; end
        if (fin) begin q.push_back(in_data); m_beats = (m_beats + 1) % 256; end
        cyc++;
        #1 check("post-edge");
    endtask

    initial begin
        in_valid = 1'b1; out_ready = 1'b1; in_data = 8'h99;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
        // streaming at full rate
        for (int i = 0; i < 20; i++) begin in_data = 8'(i * 7 + 1); step(); end
        // output stalls: fill main + skid, input must be blocked
        out_ready = 1'b0;
        for (int i = 0; i < 6; i++) begin in_data = 8'(8'hC0 + i); step(); end
        // release for one cycle at a time
        for (int i = 0; i < 10; i++) begin
            out_ready = i[0]; in_data = 8'(8'h40 + i); step();
        end
        in_valid = 1'b0; out_ready = 1'b1; repeat (4) step();
        // random traffic with varying densities
        for (int k = 0; k < 5000; k++) begin
            logic [31:0] r;
            int mode;
            r = rnd();
            mode = (k / 100) % 4;
            case (mode)
                0: begin in_valid = r[0] | r[1]; out_ready = r[2] & r[3]; end
                1: begin in_valid = r[0] & r[1]; out_ready = r[2] | r[3]; end
                2: begin in_valid = 1'b1;        out_ready = r[2];        end
                default: begin in_valid = r[0];  out_ready = r[2];        end
            endcase
            in_data = r[15:8];
            step();
            if (k == 2500) begin
                @(negedge clk); #2 rst_n = 1'b0;
                #1 q.delete(); m_beats = 0; last_out = '0;
                check("async reset");
                @(negedge clk); rst_n = 1'b1;
            end
        end
        if (delivered < 1000) begin
            $display("FAIL: only %0d beats delivered", delivered);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
