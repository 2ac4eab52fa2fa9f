// Self-checking testbench for counter: reference model with an integer
// count; checks every output every cycle, including reset values, an
// asynchronous reset in mid-cycle, clamped loads, wrap in both directions.
module tb_counter;
    localparam int MAXV = 199;

    logic       clk = 1'b0, rst_n = 1'b0;
    logic       en = 1'b0, load = 1'b0, up = 1'b0;
    logic [7:0] din = '0, count;
    logic       tc, at_max;

    counter #(.W(8), .MAXV(8'd199)) dut (
        .clk(clk), .rst_n(rst_n), .en(en), .load(load), .up(up),
        .din(din), .count(count), .tc(tc), .at_max(at_max)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h0BAD_CAFE;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    int m = 0;   // model count
    int cyc = 0;

    task automatic check(input string where);
        int etc;
        etc = (en && !load && (up ? (m == MAXV) : (m == 0))) ? 1 : 0;
        if (int'(count) != m || int'(tc) != etc || at_max !== (m == MAXV)) begin
            $display("FAIL: %s cyc=%0d en=%b load=%b up=%b din=%0d got count=%0d tc=%b at_max=%b exp count=%0d tc=%0d",
                     where, cyc, en, load, up, din, count, tc, at_max, m, etc);
            $fatal(1);
        end
    endtask

    // one clock: inputs are already applied; check, clock, update model
    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        if (load) m = (int'(din) > MAXV) ? MAXV : int'(din);
        else if (en) begin
            if (up) m = (m == MAXV) ? 0 : m + 1;
            else    m = (m == 0) ? MAXV : m - 1;
        end
        cyc++;
        #1 check("post-edge");
    endtask

    initial begin
        // hold reset; inputs active must not matter
        en = 1'b1; up = 1'b1; load = 1'b1; din = 8'd77;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; load = 1'b0; en = 1'b0;

        // phase 1: long up-count run through two wraps
        en = 1'b1; up = 1'b1;
        repeat (2 * (MAXV + 1) + 5) step();
        // phase 2: down-count through wraps
        up = 1'b0;
        repeat (2 * (MAXV + 1) + 5) step();
        // phase 3: loads of every value incl. clamped ones, then one step each way
        for (int v = 0; v < 256; v += 3) begin
            load = 1'b1; din = v[7:0]; en = v[0]; up = v[1];
            step();
            load = 1'b0; en = 1'b1; up = v[2];
            step();
            step();
        end
        // phase 4: loads near the wrap boundaries
        for (int k = 0; k < 40; k++) begin
            load = 1'b1; en = 1'b1; din = (k % 2) ? 8'(MAXV - (k % 3)) : 8'(k % 3);
            up = k[1];
            step();
            load = 1'b0;
            repeat (4) step();
        end
        // phase 5: random stimulus
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = rnd();
            en = (r[3:0] != 0);
            load = (r[9:4] == 0);
            up = (k % 512 < 300) ? r[10] | r[11] : r[10] & r[11];
            din = r[23:16];
            step();
        end
        // asynchronous reset in mid-cycle, from a non-zero value
        load = 1'b1; din = 8'd150; step(); load = 1'b0; en = 1'b0;
        @(negedge clk); #2;
        rst_n = 1'b0;
        #1;
        m = 0;
        check("async reset");
        @(posedge clk); #1 check("async reset held");
        @(negedge clk);
        rst_n = 1'b1; en = 1'b1; up = 1'b0;
        repeat (5) step();
        $display("PASS");
        $finish;
    end
endmodule
