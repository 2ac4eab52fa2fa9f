// Self-checking testbench for popcount: exhaustive over all 65536 inputs,
// reference counts bits with a loop.
module tb_popcount;
    logic [15:0] x;
    logic [4:0]  count;
    logic        parity, zero, majority;

    popcount dut (.x(x), .count(count), .parity(parity), .zero(zero), .majority(majority));

    initial begin
        for (int v = 0; v < 65536; v++) begin
            int n;
            x = v[15:0];
            #1;
            n = 0;
            for (int i = 0; i < 16; i++) if (v[i]) n++;
            if (int'(count) != n || parity !== n[0] || zero !== (n == 0) ||
                majority !== (n > 8)) begin
                $display("FAIL: x=%04h got count=%0d parity=%b zero=%b majority=%b exp count=%0d",
                         x, count, parity, zero, majority, n);
                $fatal(1);
            end
        end
        $display("PASS");
        $finish;
    end
endmodule
