// Self-checking testbench for adder_tree: corner vectors (all zero, all max,
// single operand set, walking bits) and seeded random vectors, with random
// and boundary thresholds; the reference sums and compares integers.
module tb_adder_tree;
    localparam int W = 8;

    logic [8*W-1:0] in_flat;
    logic [W+2:0]   threshold, sum;
    logic [W-1:0]   max_val;
    logic           over;

    adder_tree #(.W(W)) dut (
        .in_flat(in_flat), .threshold(threshold), .sum(sum),
        .max_val(max_val), .over(over)
    );

    logic [31:0] rs = 32'hC0FF_EE11;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    task automatic apply(input logic [8*W-1:0] v, input int thr_mode);
        int es, em, th;
        es = 0; em = 0;
        for (int i = 0; i < 8; i++) begin
            int x;
            x = int'(v[i*W +: W]);
            es += x;
            if (x > em) em = x;
        end
        case (thr_mode)
            0: th = es;                         // equal: not over
            1: th = (es > 0) ? es - 1 : 0;      // just below
            2: th = (es < 2047) ? es + 1 : 2047;
            default: th = int'(rnd() % 2048);
        endcase
        in_flat = v; threshold = th[W+2:0];
        #1;
        if (int'(sum) != es || int'(max_val) != em || over !== (es > th)) begin
            $display("FAIL: in=%016h thr=%0d got sum=%0d max=%0d over=%b exp sum=%0d max=%0d over=%0d",
                     v, th, sum, max_val, over, es, em, es > th);
            $fatal(1);
        end
    endtask

    initial begin
        for (int m = 0; m < 4; m++) begin
            apply('0, m);
            apply({8*W{1'b1}}, m);
            for (int i = 0; i < 8*W; i++) apply(64'h1 << i, m);          // walking one
            for (int i = 0; i < 8; i++) apply(64'hFF << (i*W), m);       // single max operand
            for (int i = 0; i < 8; i++) apply(~(64'hFF << (i*W)), m);    // all but one max
        end
        for (int k = 0; k < 3000; k++) apply({rnd(), rnd()}, k % 4);
        // operands in small ranges so that sums cluster near thresholds
        for (int k = 0; k < 1000; k++) begin
            logic [8*W-1:0] v;
            for (int i = 0; i < 8; i++) v[i*W +: W] = 8'(rnd() % 4) << (rnd() % 7);
            apply(v, k % 4);
        end
        $display("PASS");
        $finish;
    end
endmodule
