// Self-checking testbench for onehot_mux: the reference model loops over the
// lanes with integers. All 16 select patterns are applied with 300 random data
// words each plus lane-distinct patterns; every output is checked for every
// vector.
module tb_onehot_mux;
    logic [31:0] din = '0;
    logic [3:0]  sel = '0;
    logic [7:0]  y, y_strict, y_low;
    logic [1:0]  idx;
    logic        valid, none;

    onehot_mux dut (.din(din), .sel(sel), .y(y), .y_strict(y_strict), .y_low(y_low),
                    .idx(idx), .valid(valid), .none(none));

    int n = 0;

    task automatic check();
        logic [7:0] ey, es, el;
        int ones, low;
        ey = '0; ones = 0; low = -1;
        for (int i = 0; i < 4; i++)
            if (sel[i]) begin
                ey |= din[8 * i +: 8];
                ones++;
                if (low < 0) low = i;
            end
        es = (ones == 1) ? din[8 * low +: 8] : 8'h00;
        el = (low >= 0) ? din[8 * low +: 8] : 8'h00;
        if (y !== ey || y_strict !== es || y_low !== el || int'(idx) != (low < 0 ? 0 : low) ||
            valid !== (ones == 1) || none !== (ones == 0)) begin
            $display("FAIL: din=%h sel=%b got y=%h strict=%h low=%h idx=%0d valid=%b none=%b exp y=%h strict=%h low=%h idx=%0d valid=%b none=%b",
                     din, sel, y, y_strict, y_low, idx, valid, none, ey, es, el,
                     low < 0 ? 0 : low, ones == 1, ones == 0);
            $fatal(1);
        end
        n++;
    endtask

    initial begin
        void'($urandom(32'd29));
        for (int s = 0; s < 16; s++) begin
            sel = s[3:0];
            din = 32'h4433_2211; #1 check();
            din = 32'h00FF_00FF; #1 check();
            din = 32'hFF00_FF00; #1 check();
            din = 32'h8040_2010; #1 check();
            din = 32'h0102_0408; #1 check();
            for (int b = 0; b < 32; b++) begin din = 32'h1 << b; #1 check(); end
            for (int k = 0; k < 300; k++) begin din = $urandom; #1 check(); end
        end
        for (int k = 0; k < 2000; k++) begin
            din = $urandom; sel = $urandom;
            #1 check();
        end
        $display("PASS");
        $finish;
    end
endmodule
