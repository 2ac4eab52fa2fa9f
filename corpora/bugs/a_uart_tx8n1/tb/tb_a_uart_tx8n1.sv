// Self-checking testbench for a_uart_tx8n1.
// Lock-step reference model: the frame {stop, data[7:0], start} is shifted out
// LSB first, CPB cycles per bit, and the registered tx line lags the frame
// position by one cycle. Inputs change at the falling edge; the model steps at
// the rising edge; tx / busy / tx_done are compared at every falling edge.
// A second, independent check decodes the tx line like a receiver would
// (mid-bit sampling) and compares the bytes with the ones that were accepted.
module tb_a_uart_tx8n1;
    localparam int CPB = 5;

    reg        clk = 1'b0;
    reg        rst_n = 1'b0;
    reg        tx_start = 1'b0;
    reg  [7:0] tx_data = 8'h00;
    wire       tx, busy, tx_done;

    a_uart_tx8n1 #(.CLKS_PER_BIT(CPB)) dut (
        .clk(clk), .rst_n(rst_n), .tx_start(tx_start), .tx_data(tx_data),
        .tx(tx), .busy(busy), .tx_done(tx_done)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'hC0FF_EE11;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    // reference model
    bit       m_active = 0, m_done = 0, m_tx = 1;
    int       m_pos = 0;
    logic [9:0] m_frame = '1;
    int       cyc = 0, frames = 0;
    logic [7:0] sent [$];

    // receiver-style decoder state
    int       rx_phase = -1;    // -1: waiting for a start bit
    int       rx_cnt = 0;
    logic [9:0] rx_bits;
    int       decoded = 0;

    task automatic check(input string where);
        if (tx !== m_tx || busy !== m_active || tx_done !== m_done) begin
            $display("FAIL: %s cyc=%0d got tx=%b busy=%b tx_done=%b exp tx=%b busy=%b tx_done=%b (frame pos %0d)",
                     where, cyc, tx, busy, tx_done, m_tx, m_active, m_done, m_pos);
            $fatal(1);
        end
    endtask

    task automatic model_reset();
        m_active = 0; m_done = 0; m_tx = 1; m_pos = 0;
        rx_phase = -1; sent.delete();
    endtask

    // decode the line, sampled once per cycle at the falling edge
    task automatic decode();
        if (rx_phase < 0) begin
            if (tx === 1'b0) begin rx_phase = 0; rx_cnt = 0; end
        end
        if (rx_phase >= 0) begin
            if (rx_cnt == CPB / 2) rx_bits[rx_phase] = tx;
            rx_cnt++;
            if (rx_cnt == CPB) begin
                rx_cnt = 0;
                rx_phase++;
                if (rx_phase == 10) begin
                    logic [7:0] exp;
                    rx_phase = -1;
                    if (sent.size() == 0) begin
                        $display("FAIL: decoder saw a frame that was never started, cyc=%0d", cyc);
                        $fatal(1);
                    end
                    exp = sent.pop_front();
                    if (rx_bits[0] !== 1'b0 || rx_bits[9] !== 1'b1 || rx_bits[8:1] !== exp) begin
                        $display("FAIL: decoded frame %b (data %02h), expected data %02h, cyc=%0d",
                                 rx_bits, rx_bits[8:1], exp, cyc);
                        $fatal(1);
                    end
                    decoded++;
                end
            end
        end
    endtask

    task automatic cycle();
        bit         s;
        logic [7:0] d;
        s = tx_start; d = tx_data;
        @(posedge clk);
        cyc++;
        if (!rst_n) begin
            model_reset();
        end else begin
            m_tx = m_active ? m_frame[m_pos / CPB] : 1'b1;
            m_done = 0;
            if (m_active) begin
                m_pos++;
                if (m_pos == 10 * CPB) begin m_active = 0; m_done = 1; end
            end else if (s) begin
                m_active = 1; m_pos = 0; m_frame = {1'b1, d, 1'b0};
                sent.push_back(d); frames++;
            end
        end
        @(negedge clk);
        check("after edge");
        if (rst_n) decode();
    endtask

    task automatic async_reset();
        #2 rst_n = 1'b0;
        #2;
        model_reset();
        check("async reset");
        @(negedge clk);
        tx_start = 1'b1; tx_data = 8'h3C;
        cycle(); cycle();
        rst_n = 1'b1; tx_start = 1'b0;
    endtask

    task automatic send(input logic [7:0] b);
        tx_start = 1'b1; tx_data = b;
        cycle();
        tx_start = 1'b0;
        while (m_active) begin
            logic [31:0] r;
            r = rnd();
            tx_start = r[0]; tx_data = r[15:8];   // must be ignored while busy
            cycle();
        end
        tx_start = 1'b0;
    endtask

    initial begin
        tx_start = 1'b1; tx_data = 8'hA5;      // held in reset: ignored
        cycle(); cycle();
        rst_n = 1'b1; tx_start = 1'b0;
        repeat (3) cycle();

        send(8'h55);
        send(8'hA5);
        send(8'h00);
        send(8'hFF);
        send(8'h80);
        send(8'h01);
        repeat (4) cycle();

        // tx_start held high: frames back to back
        tx_start = 1'b1;
        for (int k = 0; k < 40 * CPB; k++) begin
            tx_data = rnd();
            cycle();
        end
        tx_start = 1'b0;
        while (m_active) cycle();

        // reset in the middle of a frame
        send(8'h96);
        tx_start = 1'b1; tx_data = 8'h69;
        cycle();
        tx_start = 1'b0;
        repeat (3 * CPB + 2) cycle();
        async_reset();
        repeat (2) cycle();

        // random traffic
        for (int k = 0; k < 6000; k++) begin
            logic [31:0] r;
            r = rnd();
            tx_start = (r[3:0] < 4'd5);
            tx_data  = r[15:8];
            cycle();
        end
        tx_start = 1'b0;
        while (m_active) cycle();
        repeat (CPB) cycle();
        if (decoded < 100 || sent.size() != 0) begin
            $display("FAIL: decoded only %0d frames, %0d still pending", decoded, sent.size());
            $fatal(1);
        end
        $display("PASS (%0d frames, %0d decoded, %0d cycles)", frames, decoded, cyc);
        $finish;
    end
endmodule
