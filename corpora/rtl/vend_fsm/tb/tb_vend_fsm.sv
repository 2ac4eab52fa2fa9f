// Self-checking testbench for vend_fsm. The reference model tracks the
// credit in cents (not the state encoding). Every input combination is
// applied from every credit level, then seeded random coin traffic with
// reset re-asserted mid-run. All outputs are checked before and after every
// rising edge, including the reset cycles.
module tb_vend_fsm;
    reg        clk = 1'b0;
    reg        rst = 1'b1;
    reg        nickel = 1'b0, dime = 1'b0, cancel = 1'b0;
    wire       vend, change, refund;
    wire [4:0] credit;

    vend_fsm dut (.clk(clk), .rst(rst), .nickel(nickel), .dime(dime), .cancel(cancel),
                  .vend(vend), .change(change), .refund(refund), .credit(credit));

    always #5 clk = ~clk;

    integer    m_cr = 0;      // model credit in cents
    integer    n_cr;
    integer    cyc = 0;
    reg        e_vend, e_change, e_refund;
    reg [31:0] rs = 32'h1234_5678;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    task model;
        begin
            e_vend = 1'b0; e_change = 1'b0; e_refund = 1'b0;
            n_cr = m_cr;
            if (cancel) begin
                n_cr = 0;
                e_refund = (m_cr != 0);
            end else if (dime || nickel) begin
                n_cr = m_cr + (dime ? 10 : 5);
                if (n_cr >= 20) begin
                    e_vend = 1'b1;
                    e_change = (n_cr > 20);
                    n_cr = 0;
                end
            end
            if (rst) n_cr = 0;
        end
    endtask

    task check(input string where);
        begin
            model;
            if (vend !== e_vend || change !== e_change || refund !== e_refund || credit !== m_cr[4:0]) begin
                $display("FAIL: %s cyc=%0d rst=%b n=%b d=%b c=%b got vend=%b change=%b refund=%b credit=%0d exp %b %b %b %0d",
                         where, cyc, rst, nickel, dime, cancel, vend, change, refund, credit,
                         e_vend, e_change, e_refund, m_cr);
                $fatal(1);
            end
        end
    endtask

    task step;
        begin
            #1 check("pre-edge");
            @(posedge clk);
            model;
            m_cr = n_cr;
            cyc = cyc + 1;
            #1 check("post-edge");
            @(negedge clk);
        end
    endtask

    // bring the credit to c (0, 5, 10, 15) from zero using nickels
    task goto_credit(input integer c);
        integer k;
        begin
            cancel = 1'b1; dime = 1'b0; nickel = 1'b0;
            step();
            cancel = 1'b0; nickel = 1'b1;
            for (k = 0; k < c / 5; k = k + 1) step();
            nickel = 1'b0;
        end
    endtask

    integer c, v, i;
    initial begin
        nickel = 1'b1; dime = 1'b1;      // ignored while in reset
        @(negedge clk);
        step();
        step();
        rst = 1'b0; nickel = 1'b0; dime = 1'b0;
        step();
        // exhaustive: every credit level x every input combination
        for (c = 0; c <= 15; c = c + 5)
            for (v = 0; v < 8; v = v + 1) begin
                goto_credit(c);
                {cancel, dime, nickel} = v[2:0];
                step();
                {cancel, dime, nickel} = 3'b000;
                step();
            end
        // synchronous reset from each non-zero credit, with coins present
        for (c = 5; c <= 15; c = c + 5) begin
            goto_credit(c);
            rst = 1'b1; nickel = 1'b1;
            step();
            rst = 1'b0; nickel = 1'b0;
            step();
        end
        // random traffic with a mid-run reset
        for (i = 0; i < 4000; i = i + 1) begin
            rs = xs32(rs);
            cancel = (rs[2:0] == 3'd0);
            dime   = rs[3] & rs[4];
            nickel = rs[5];
            rst    = (i == 2000) || (i == 2001) || (rs[15:8] == 8'd0);
            step();
        end
        $display("PASS");
        $finish;
    end
endmodule
