// Self-checking testbench for burst_rd_fsm. The reference model is a
// phase/beat-count tracker written independently of the RTL. Directed bursts
// of every length, then seeded random handshakes; async reset is asserted
// between edges mid-run and checked immediately. All outputs are checked
// before and after every rising edge.
module tb_burst_rd_fsm;
    reg        clk = 1'b0, rst_n = 1'b0;
    reg        start = 1'b0, arready = 1'b0, rvalid = 1'b0, err = 1'b0;
    reg  [3:0] len = 4'd0;
    wire       arvalid, rready, done, last, busy, error;
    wire [3:0] beats_left;

    burst_rd_fsm dut (.clk(clk), .rst_n(rst_n), .start(start), .len(len), .arready(arready),
                      .rvalid(rvalid), .err(err), .arvalid(arvalid), .rready(rready), .done(done),
                      .last(last), .busy(busy), .beats_left(beats_left), .error(error));

    always #5 clk = ~clk;

    // model: phase 0 idle, 1 address, 2 data, 3 done
    integer    ph = 0, left = 0, cyc = 0;
    reg        m_err = 1'b0;
    reg [31:0] rs = 32'hC0FF_EE11;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    task check(input string where);
        reg e_arv, e_rr, e_done, e_last, e_busy;
        begin
            e_arv  = (ph == 1);
            e_rr   = (ph == 2);
            e_done = (ph == 3);
            e_last = (ph == 2) && (left == 0);
            e_busy = (ph != 0);
            if (arvalid !== e_arv || rready !== e_rr || done !== e_done || last !== e_last ||
                busy !== e_busy || beats_left !== left[3:0] || error !== m_err) begin
                $display("FAIL: %s cyc=%0d ph=%0d left=%0d got arv=%b rr=%b done=%b last=%b busy=%b left=%0d err=%b exp %b %b %b %b %b %0d %b",
                         where, cyc, ph, left, arvalid, rready, done, last, busy, beats_left, error,
                         e_arv, e_rr, e_done, e_last, e_busy, left, m_err);
                $fatal(1);
            end
        end
    endtask

    task model_edge;
        begin
            if (!rst_n) begin
                ph = 0; left = 0; m_err = 1'b0;
            end else begin
                case (ph)
                    0: if (start) begin ph = 1; left = len; m_err = 1'b0; end
                    1: if (arready) ph = 2;
                    2: if (rvalid) begin
                           if (err) m_err = 1'b1;
                           if (err || left == 0) ph = 3;
                           if (left != 0) left = left - 1;
                       end
                    default: ph = 0;
                endcase
            end
        end
    endtask

    task step;
        begin
            #1 check("pre-edge");
            @(posedge clk);
            model_edge;
            cyc = cyc + 1;
            #1 check("post-edge");
            @(negedge clk);
        end
    endtask

    integer l, i;
    initial begin
        start = 1'b1; len = 4'd9; arready = 1'b1; rvalid = 1'b1;   // ignored in reset
        @(negedge clk);
        step();
        step();
        rst_n = 1'b1; start = 1'b0;
        step();
        // directed: every length, full-speed handshakes, then a start held in DONE
        for (l = 0; l < 16; l = l + 1) begin
            len = l; start = 1'b1; arready = 1'b0; rvalid = 1'b0;
            step();
            start = 1'b0; len = ~len;
            step();                          // address phase waits
            arready = 1'b1;
            step();
            rvalid = 1'b1;
            while (ph == 2) begin
                err = (l == 7) && (left == 3);
                step();
            end
            err = 1'b0; start = 1'b1;        // start while in DONE is ignored
            step();
            start = 1'b0;
            step();
        end
        // random traffic, with asynchronous resets between edges
        for (i = 0; i < 5000; i = i + 1) begin
            rs = xs32(rs);
            start   = rs[1:0] != 2'b00;
            len     = rs[7:4];
            arready = rs[8] | rs[9];
            rvalid  = rs[10] | rs[11];
            err     = (rs[14:12] == 3'd0);
            if (i == 2500 || rs[31:24] == 8'hA5) begin
                #2 rst_n = 1'b0;
                #1 ph = 0; left = 0; m_err = 1'b0;
                check("async reset");
                @(negedge clk);
                #1 check("async reset held");
                rst_n = 1'b1;
            end
            step();
        end
        $display("PASS");
        $finish;
    end
endmodule
