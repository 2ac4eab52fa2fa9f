// Self-checking testbench for uart_tx (CLKS_PER_BIT = 6). The reference
// model counts cycles since a frame was accepted and derives the expected
// line level from the 10-bit frame {stop, data, start}; tx, busy and done
// are compared on every cycle. tx_data is scrambled during transmission and
// tx_start is pulsed while busy to check that both are ignored.
module tb_uart_tx;
    localparam int CPB   = 6;
    localparam int FRAME = 10 * CPB;

    logic       clk = 1'b0, rst_n = 1'b0;
    logic       tx_start = 1'b0;
    logic [7:0] tx_data = '0;
    logic       tx, busy, done;

    uart_tx #(.CLKS_PER_BIT(CPB)) dut (
        .clk(clk), .rst_n(rst_n), .tx_start(tx_start), .tx_data(tx_data),
        .tx(tx), .busy(busy), .done(done)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h00C0_FFEE;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    bit  m_busy = 0, m_done = 0;
    int  m_t = 0;          // cycles since acceptance
    int  m_frame = 0;      // bit k of the frame goes out during [k*CPB, (k+1)*CPB)
    int  cyc = 0, frames = 0;

    task automatic check(input string where);
        int etx;
        etx = m_busy ? ((m_frame >> (m_t / CPB)) & 1) : 1;
        if (int'(tx) != etx || busy !== m_busy || done !== m_done) begin
            $display("FAIL: %s cyc=%0d t=%0d got tx=%b busy=%b done=%b exp tx=%0d busy=%b done=%b",
                     where, cyc, m_t, tx, busy, done, etx, m_busy, m_done);
            $fatal(1);
        end
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        m_done = 0;
        if (m_busy) begin
            m_t++;
            if (m_t == FRAME) begin
                m_busy = 0; m_done = 1; frames++;
            end
        end else if (tx_start) begin
            m_busy = 1; m_t = 0;
            m_frame = (1 << 9) | (int'(tx_data) << 1);   // stop=1, data, start=0
        end
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic send(input logic [7:0] d, input int gap);
        tx_start = 1'b1; tx_data = d;
        step();
        tx_start = 1'b0;
        while (busy) begin
            // garbage on the inputs while a frame is in flight
            tx_data = 8'(rnd());
            tx_start = (rnd() % 7 == 0);
            step();
        end
        tx_start = 1'b0;
        repeat (gap) step();
    endtask

    task automatic async_reset();
        @(negedge clk); #2 rst_n = 1'b0;
        #1 m_busy = 0; m_done = 0;
        check("async reset");
        @(negedge clk); rst_n = 1'b1;
    endtask

    initial begin
        tx_start = 1'b1; tx_data = 8'hFF;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; tx_start = 1'b0;
        repeat (3) step();
        send(8'h55, 2);
        send(8'hA3, 0);
        send(8'h00, 1);
        send(8'hFF, 0);
        send(8'h80, 3);
        send(8'h01, 0);
        for (int i = 0; i < 8; i++) send(8'h01 << i, i % 2);
        // random frames, start held high across frames (back-to-back)
        for (int k = 0; k < 60; k++) begin
            logic [31:0] r;
            r = rnd();
            send(r[7:0], r[9:8] == 0 ? 0 : int'(r[12:10]));
        end
        tx_start = 1'b1;
        for (int k = 0; k < 200; k++) begin
            tx_data = 8'(rnd());
            step();
        end
        // let the running frame finish
        tx_start = 1'b0;
        while (m_busy) step();
        step();
        // asynchronous reset in the middle of a data bit (counters non-zero);
        // a new frame is requested in the first cycle after reset
        for (int k = 0; k < 3; k++) begin
            tx_start = 1'b1; tx_data = 8'h3C; step();
            tx_start = 1'b0;
            repeat (2 * CPB + 3 + k * 11) step();
            async_reset();
            send(8'hC5, 0);
        end
        // asynchronous reset while done is high
        async_reset();
        tx_start = 1'b1; tx_data = 8'h69; step(); tx_start = 1'b0;
        while (!m_done) step();
        async_reset();
        send(8'h96, 2);
        if (frames < 70) begin
            $display("FAIL: only %0d frames completed", frames);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
