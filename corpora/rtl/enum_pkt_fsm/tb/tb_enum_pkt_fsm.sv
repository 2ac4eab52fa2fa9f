// Self-checking testbench for enum_pkt_fsm. The model keeps the parse phase
// as an integer and the running xor itself. Stimulus: well-formed packets of
// every length (good and corrupted check byte), garbage between packets,
// idle (vld=0) gaps, random bytes, and synchronous reset mid-packet.
module tb_enum_pkt_fsm;
    logic       clk = 1'b0, srst = 1'b1, vld = 1'b0;
    logic [7:0] din = 8'h00;
    logic [1:0] state_o;
    logic [3:0] ptype, remaining;
    logic [7:0] csum;
    logic       ok, err;

    enum_pkt_fsm dut (.clk(clk), .srst(srst), .vld(vld), .din(din), .state_o(state_o),
                      .ptype(ptype), .remaining(remaining), .csum(csum), .ok(ok), .err(err));

    always #5 clk = ~clk;

    integer    ph = 0, rem = 0, cyc = 0, n_ok = 0, n_err = 0;
    reg [3:0]  pt = 4'd0;
    reg [7:0]  cs = 8'd0;
    reg        m_ok = 1'b0, m_err = 1'b0;
    reg [31:0] rs = 32'hFACE_B00C;

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
            if (state_o !== ph[1:0] || ptype !== pt || remaining !== rem[3:0] || csum !== cs ||
                ok !== m_ok || err !== m_err) begin
                $display("FAIL: %s cyc=%0d vld=%b din=%h got st=%0d pt=%h rem=%0d cs=%h ok=%b err=%b exp st=%0d pt=%h rem=%0d cs=%h ok=%b err=%b",
                         where, cyc, vld, din, state_o, ptype, remaining, csum, ok, err,
                         ph, pt, rem, cs, m_ok, m_err);
                $fatal(1);
            end
        end
    endtask

    task model_edge;
        begin
            m_ok = 1'b0; m_err = 1'b0;
            if (srst) begin
                ph = 0; pt = 0; rem = 0; cs = 0;
            end else if (vld) begin
                if (ph == 0) begin
                    pt = din[3:0]; cs = din;
                    if (din[7:4] == 4'hA) ph = 1;
                end else if (ph == 1) begin
                    rem = din[3:0]; cs = cs ^ din;
                    ph = (rem == 0) ? 3 : 2;
                end else if (ph == 2) begin
                    cs = cs ^ din;
                    if (rem == 1) ph = 3;
                    rem = (rem + 15) % 16;
                end else begin
                    m_ok = (din == cs); m_err = (din != cs);
                    if (m_ok) n_ok = n_ok + 1; else n_err = n_err + 1;
                    ph = 0;
                end
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

    task send(input [7:0] b);
        begin
            rs = xs32(rs);
            if (rs[2:0] == 3'd0) begin         // idle gap with junk on the bus
                vld = 1'b0; din = rs[15:8]; step();
            end
            vld = 1'b1; din = b; step();
            vld = 1'b0;
        end
    endtask

    task packet(input [3:0] t, input [3:0] n, input bad);
        reg [7:0] x, b;
        integer k;
        begin
            send({4'hA, t}); x = {4'hA, t};
            rs = xs32(rs);
            b = {rs[7:4], n}; send(b); x = x ^ b;
            for (k = 0; k < n; k = k + 1) begin
                rs = xs32(rs); b = rs[7:0]; send(b); x = x ^ b;
            end
            rs = xs32(rs);
            b = bad ? x ^ (8'h01 << rs[10:8]) : x;
            send(b);
        end
    endtask

    integer n, i;
    initial begin
        vld = 1'b1; din = 8'hA3;             // ignored in reset
        @(negedge clk);
        step();
        srst = 1'b0;
        for (n = 0; n < 16; n = n + 1) begin
            packet(n, n, 1'b0);
            packet(~n, n, 1'b1);
            send(8'h5A);                      // not a header, ignored
        end
        for (i = 0; i < 300; i = i + 1) begin
            rs = xs32(rs);
            if (rs[1:0] == 2'd0) begin
                vld = rs[2]; din = rs[15:8]; step();
            end else packet(rs[19:16], rs[22] ? rs[26:23] : {2'b00, rs[24:23]}, rs[27] & rs[28]);
            if (rs[31:29] == 3'd0) begin      // reset in the middle of a packet
                send({4'hA, rs[11:8]});
                srst = 1'b1; vld = rs[12]; din = 8'hA0; step();
                srst = 1'b0;
            end
        end
        if (n_ok < 100 || n_err < 30) begin
            $display("FAIL: weak stimulus ok=%0d err=%0d", n_ok, n_err);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
