// Self-checking testbench for enum_seq_fsm. The model uses plain integers
// for the state (0 idle, 1 run, 2 done, 3 illegal). Directed runs of every
// length, every jump target from every state, then seeded random control
// with asynchronous resets between edges.
module tb_enum_seq_fsm;
    logic       clk = 1'b0, rst_n = 1'b0, go = 1'b0, ack = 1'b0, jump = 1'b0;
    logic [1:0] jstate = 2'd0;
    logic [3:0] len = 4'd0;
    logic [1:0] state_o;
    logic       busy, fin;
    logic [3:0] cnt, runs;

    enum_seq_fsm dut (.clk(clk), .rst_n(rst_n), .go(go), .ack(ack), .jump(jump), .jstate(jstate),
                      .len(len), .state_o(state_o), .busy(busy), .fin(fin), .cnt(cnt), .runs(runs));

    always #5 clk = ~clk;

    integer    ms = 0, mc = 0, mr = 0, cyc = 0;
    reg [31:0] rs = 32'h9E37_79B9;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    task check(input string where);
        begin
            if (state_o !== ms[1:0] || busy !== (ms == 1) || fin !== (ms == 2) ||
                cnt !== mc[3:0] || runs !== mr[3:0]) begin
                $display("FAIL: %s cyc=%0d go=%b ack=%b jump=%b/%0d len=%0d got state=%0d busy=%b fin=%b cnt=%0d runs=%0d exp state=%0d cnt=%0d runs=%0d",
                         where, cyc, go, ack, jump, jstate, len, state_o, busy, fin, cnt, runs,
                         ms, mc, mr % 16);
                $fatal(1);
            end
        end
    endtask

    task model_edge;
        integer ns;
        begin
            ns = ms;
            if (ms == 0) begin if (go) ns = 1; end
            else if (ms == 1) begin if (mc == len) ns = 2; end
            else if (ms == 2) begin if (ack) ns = 0; end
            else ns = 0;
            if (jump) ns = jstate;
            if (ms == 1 && ns == 2) mr = (mr + 1) % 16;
            mc = (ms == 1) ? (mc + 1) % 16 : 0;
            ms = ns;
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

    task areset;
        begin
            #2 rst_n = 1'b0;
            #1 ms = 0; mc = 0; mr = 0;
            check("async reset");
            @(posedge clk);
            #1 check("async reset held");
            @(negedge clk);
            rst_n = 1'b1;
        end
    endtask

    integer l, s, j, i;
    initial begin
        go = 1'b1; jump = 1'b1; jstate = 2'd2;       // ignored in reset
        @(negedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; go = 1'b0; jump = 1'b0;
        step();
        // every run length
        for (l = 0; l < 16; l = l + 1) begin
            len = l; go = 1'b1;
            step();
            go = 1'b0;
            while (ms == 1) step();
            step();                       // DONE holds without ack
            ack = 1'b1; step(); ack = 1'b0;
        end
        // every jump target from every state
        for (s = 0; s < 4; s = s + 1)
            for (j = 0; j < 4; j = j + 1) begin
                jump = 1'b1; jstate = s; step();
                jump = 1'b1; jstate = j; len = 4'd2; step();
                jump = 1'b0; step(); step();
            end
        // random control
        for (i = 0; i < 6000; i = i + 1) begin
            rs = xs32(rs);
            go     = rs[0];
            ack    = rs[1] & rs[2];
            jump   = (rs[7:3] == 5'd0);
            jstate = rs[9:8];
            len    = rs[10] ? rs[14:11] : {2'b00, rs[12:11]};
            if (i == 3000 || rs[31:22] == 10'h0F0) areset();
            step();
        end
        $display("PASS");
        $finish;
    end
endmodule
