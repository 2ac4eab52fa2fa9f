// Self-checking testbench for majority_vote: the reference model votes bit by
// bit with an integer count per bit position, and counts votes with integers.
// Every output is checked for every vector: structured single/double/triple
// copy corruption of walking bits, all 32 vote patterns against each, and
// several thousand seeded random vectors.
module tb_majority_vote;
    logic [7:0] a = '0, b = '0, c = '0, voted;
    logic [4:0] votes = '0;
    logic [2:0] disagree, yes, margin;
    logic [1:0] status;
    logic       pass;

    majority_vote dut (.a(a), .b(b), .c(c), .votes(votes), .voted(voted), .disagree(disagree),
                       .status(status), .yes(yes), .pass(pass), .margin(margin));

    int n = 0;

    task automatic check();
        logic [7:0] ev;
        logic [2:0] ed;
        int ey, es, nd;
        for (int i = 0; i < 8; i++) ev[i] = (int'(a[i]) + int'(b[i]) + int'(c[i])) >= 2;
        ed = {c != ev, b != ev, a != ev};
        nd = int'(ed[0]) + int'(ed[1]) + int'(ed[2]);
        es = nd == 0 ? 0 : nd == 1 ? 1 : 2;
        ey = 0;
        for (int i = 0; i < 5; i++) ey += votes[i];
        if (voted !== ev || disagree !== ed || int'(status) != es || int'(yes) != ey ||
            pass !== (ey >= 3) || int'(margin) != (ey > 5 - ey ? 2 * ey - 5 : 5 - 2 * ey)) begin
            $display("FAIL: a=%h b=%h c=%h votes=%b got voted=%h disagree=%b status=%0d yes=%0d pass=%b margin=%0d exp voted=%h disagree=%b status=%0d yes=%0d pass=%b margin=%0d",
                     a, b, c, votes, voted, disagree, status, yes, pass, margin,
                     ev, ed, es, ey, ey >= 3, ey > 5 - ey ? 2 * ey - 5 : 5 - 2 * ey);
            $fatal(1);
        end
        n++;
    endtask

    task automatic apply(input logic [7:0] ia, ib, ic, input logic [4:0] iv);
        a = ia; b = ib; c = ic; votes = iv;
        #1 check();
    endtask

    initial begin
        void'($urandom(32'd17));
        // every per-bit combination of the three copies in every bit position,
        // each with all vote patterns
        for (int v = 0; v < 32; v++)
            for (int p = 0; p < 8; p++)
                for (int bit_ = 0; bit_ < 8; bit_++) begin
                    logic [7:0] base, m;
                    base = (v % 2) ? 8'h00 : 8'hFF;
                    m = 8'h01 << bit_;
                    apply(p[0] ? base ^ m : base, p[1] ? base ^ m : base, p[2] ? base ^ m : base, v[4:0]);
                end
        // two copies corrupted in different bits (status 2), and all three
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++) begin
                logic [7:0] base;
                base = $urandom;
                apply(base ^ (8'h01 << i), base ^ (8'h01 << j), base, 5'(i + j));
                apply(base, base ^ (8'h01 << i), base ^ (8'h01 << j), 5'(i * j));
                apply(base ^ (8'h01 << j), base, base ^ (8'h01 << i), 5'(i ^ j));
                apply(base ^ (8'h01 << i), base ^ (8'h02 << j), base ^ (8'h04 << i), 5'(i));
            end
        // random: independent words, and one base word with sparse corruption
        for (int k = 0; k < 4000; k++) begin
            logic [7:0] base;
            base = $urandom;
            if (k % 2)
                apply($urandom, $urandom, $urandom, $urandom);
            else
                apply(base ^ (($urandom % 3 == 0) ? 8'($urandom) & 8'($urandom) : 8'h00),
                      base ^ (($urandom % 3 == 0) ? 8'($urandom) & 8'($urandom) : 8'h00),
                      base ^ (($urandom % 3 == 0) ? 8'($urandom) & 8'($urandom) : 8'h00),
                      $urandom);
        end
        $display("PASS");
        $finish;
    end
endmodule
