// Self-checking testbench for a_gcd_unit.
// A cycle-level reference model runs in lock step with the design: inputs are
// applied at the falling edge, the model advances at the rising edge on the
// inputs seen there, and busy / done / result are compared at every falling
// edge. The model computes the expected number of iteration cycles from the
// algorithm spec (one swap or one subtraction per cycle, plus the final
// y == 0 cycle), so both the answer and its latency are checked.
module tb_a_gcd_unit;
    localparam int W = 16;

    reg          clk = 1'b0;
    reg          rst_n = 1'b0;
    reg          start = 1'b0;
    reg  [W-1:0] a_in = '0;
    reg  [W-1:0] b_in = '0;
    wire         busy, done;
    wire [W-1:0] result;

    a_gcd_unit #(.WIDTH(W)) dut (
        .clk(clk), .rst_n(rst_n), .start(start), .a_in(a_in), .b_in(b_in),
        .busy(busy), .done(done), .result(result)
    );

    always #5 clk = ~clk;

    // xorshift PRNG
    logic [31:0] rs = 32'h1234_5678;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    // reference model
    bit          m_busy = 0, m_done = 0;
    int          m_left = 0;
    logic [W-1:0] m_res = '0, m_pend = '0;
    int          cyc = 0, ops = 0;

    // plain Euclid on integers, also counting the cycles the spec allows
    function automatic logic [W-1:0] ref_gcd(input logic [W-1:0] a, input logic [W-1:0] b,
                                             output int n);
        logic [W-1:0] x, y, t;
        x = a; y = b; n = 0;
        forever begin
            n++;
            if (y == 0) break;
            if (x < y) begin t = x; x = y; y = t; end
            else x = x - y;
        end
        return x;
    endfunction

    // independent cross-check of the model's answer (modulo Euclid)
    function automatic logic [W-1:0] mod_gcd(input logic [W-1:0] a, input logic [W-1:0] b);
        int unsigned x, y, t;
        x = a; y = b;
        while (y != 0) begin t = x % y; x = y; y = t; end
        return W'(x);
    endfunction

    task automatic check(input string where);
        if (busy !== m_busy || done !== m_done || result !== m_res) begin
            $display("FAIL: %s cyc=%0d got busy=%b done=%b result=%0d exp busy=%b done=%b result=%0d",
                     where, cyc, busy, done, result, m_busy, m_done, m_res);
            $fatal(1);
        end
    endtask

    // one clock cycle with the inputs currently applied
    task automatic cycle();
        bit           s;
        logic [W-1:0] a, b;
        int           n;
        s = start; a = a_in; b = b_in;
        @(posedge clk);
        cyc++;
        m_done = 0;
        if (!rst_n) begin
            m_busy = 0; m_res = '0; m_left = 0;
        end else if (m_busy) begin
            m_left--;
            if (m_left == 0) begin
                m_busy = 0; m_done = 1; m_res = m_pend;
            end
        end else if (s) begin
            m_pend = ref_gcd(a, b, n);
            if (m_pend !== mod_gcd(a, b)) begin
                $display("FAIL: testbench model disagrees for gcd(%0d,%0d)", a, b);
                $fatal(1);
            end
            m_busy = 1; m_left = n; ops++;
        end
        @(negedge clk);
        check("after edge");
    endtask

    // run one operation to completion, with junk on the inputs while busy
    task automatic run_op(input logic [W-1:0] a, input logic [W-1:0] b);
        logic [31:0] r;
        start = 1'b1; a_in = a; b_in = b;
        cycle();
        while (m_busy) begin
            r = rnd();
            start = r[0]; a_in = r[31:16]; b_in = r[15:0];
            cycle();
        end
        start = 1'b0;
    endtask

    task automatic async_reset();
        #2 rst_n = 1'b0;
        #1;
        m_busy = 0; m_done = 0; m_res = '0; m_left = 0;
        check("async reset");
        @(negedge clk);
        start = 1'b1; a_in = 16'd10; b_in = 16'd4;   // ignored during reset
        cycle(); cycle();
        rst_n = 1'b1; start = 1'b0;
    endtask

    function automatic logic [W-1:0] rnd_operand();
        logic [31:0] r;
        r = rnd();
        case (r[31:29])
            0:       return '0;
            1, 2:    return W'(r[7:0]);
            3, 4:    return W'(r[11:0]);
            5:       return W'(r[15:0]) | 16'h8000;
            default: return W'(r[9:0]) * W'(r[21:18] + 1);   // shares small factors
        endcase
    endfunction

    initial begin
        start = 1'b1; a_in = 16'd9; b_in = 16'd6;   // held in reset: ignored
        cycle(); cycle();
        rst_n = 1'b1; start = 1'b0;
        cycle();
        check("idle after reset");

        // directed corner cases
        run_op(16'd0, 16'd0);
        run_op(16'd0, 16'd7);
        run_op(16'd7, 16'd0);
        run_op(16'd12, 16'd18);
        run_op(16'd18, 16'd12);
        run_op(16'd17, 16'd5);
        run_op(16'd5, 16'd17);
        run_op(16'd21, 16'd21);
        run_op(16'd1, 16'd1000);
        run_op(16'd65535, 16'd65535);
        run_op(16'd48, 16'd180);
        run_op(16'd65535, 16'd3);
        run_op(16'd40000, 16'd30000);
        // result must hold between operations
        repeat (5) cycle();

        // back-to-back: start held high continuously, operands change every cycle
        for (int k = 0; k < 300; k++) begin
            logic [31:0] r;
            r = rnd();
            start = 1'b1; a_in = W'(r[11:0]); b_in = W'(r[27:16]);
            cycle();
        end
        start = 1'b0;
        while (m_busy) cycle();

        async_reset();
        run_op(16'd100, 16'd75);

        // random operations with random gaps
        for (int k = 0; k < 600; k++) begin
            logic [31:0] r;
            run_op(rnd_operand(), rnd_operand());
            r = rnd();
            repeat (r[1:0]) begin
                r = rnd();
                start = 1'b0; a_in = r[15:0]; b_in = r[31:16];
                cycle();
            end
            if (k == 300) begin
                // reset in the middle of an operation
                start = 1'b1; a_in = 16'd30000; b_in = 16'd7;
                cycle();
                start = 1'b0;
                repeat (20) cycle();
                async_reset();
            end
        end
        $display("PASS (%0d operations, %0d cycles)", ops, cyc);
        $finish;
    end
endmodule
