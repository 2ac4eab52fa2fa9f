// Self-checking testbench for uart_rx (CLKS_PER_BIT = 6). A driver process
// serializes frames (random data, random idle gaps, bad stop bits, short
// start pulses, frames whose bits only hold their value at the sampling
// point) and records for each frame the exact cycle at which the receiver
// must report it. A monitor checks rx_valid, frame_err and rx_data on every
// cycle: pulses only at the expected cycles, rx_data holding the last good
// byte at all times. Asynchronous resets are applied mid-frame, right after
// a report, and released while the line is already low.
module tb_uart_rx;
    localparam int CPB  = 6;
    localparam int HALF = CPB / 2;
    // the stop bit is sampled (and the frame reported) this many cycles
    // after the first rising edge that sees the start bit: two synchronizer
    // stages, HALF cycles to the start-bit check, nine bit periods
    localparam int REPORT = 2 + HALF + 9 * CPB;

    logic       clk = 1'b0, rst_n = 1'b0;
    logic       rx = 1'b1;
    logic [7:0] rx_data;
    logic       rx_valid, frame_err;

    uart_rx #(.CLKS_PER_BIT(CPB)) dut (
        .clk(clk), .rst_n(rst_n), .rx(rx),
        .rx_data(rx_data), .rx_valid(rx_valid), .frame_err(frame_err)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h0DDB_A11C;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    int cyc = 0;                 // rising edges since the first reset release
    int exp_cyc [$];             // expected report cycle per frame
    int exp_dat [$];
    bit exp_ok  [$];
    int last_data = 0, n_ok = 0, n_err = 0;
    bit running = 0;

    // the driver changes rx on the falling edge; the first rising edge that
    // samples a new level is cycle cyc+1
    task automatic drive_bits(input int level, input int n);
        for (int i = 0; i < n; i++) begin
            rx = level[0];
            @(negedge clk);
        end
    endtask

    // one bit; if pinpoint, the value only holds in the sampled cycle
    task automatic drive_bit(input bit v, input bit pinpoint);
        for (int i = 0; i < CPB; i++) begin
            rx = (pinpoint && i != HALF) ? !v : v;
            @(negedge clk);
        end
    endtask

    task automatic expect_frame(input int at, input logic [7:0] d, input bit ok);
        exp_cyc.push_back(at); exp_dat.push_back(d); exp_ok.push_back(ok);
    endtask

    // full frame; gap < 0 means return right after the stop bit
    task automatic send(input logic [7:0] d, input bit good_stop, input int gap, input bit pinpoint = 0);
        expect_frame(cyc + 1 + REPORT, d, good_stop);
        drive_bits(0, CPB);
        for (int b = 0; b < 8; b++) drive_bit(d[b], pinpoint);
        drive_bit(good_stop, pinpoint && !good_stop);
        if (gap >= 0) begin
            // after a fully low stop bit the line must idle to resync
            drive_bits(1, (good_stop || pinpoint) ? gap : gap + 2 * CPB);
        end
    endtask

    // low pulse of len cycles: accepted as a start bit only if it is still
    // low at the start-bit check, and then received as 0xFF
    task automatic short_start(input int len);
        if (len > HALF) begin
            expect_frame(cyc + 1 + REPORT, 8'hFF, 1'b1);
            drive_bits(0, len);
            drive_bits(1, 10 * CPB);
        end else begin
            drive_bits(0, len);
            drive_bits(1, 2 * CPB);
        end
    endtask

    // assert reset at a falling edge, hold it for two cycles, release with
    // the line at level `line`
    task automatic async_reset(input bit line);
        #2 rst_n = 1'b0;
        rx = line;
        exp_cyc.delete(); exp_dat.delete(); exp_ok.delete();
        last_data = 0;
        #1;
        if (rx_valid !== 1'b0 || frame_err !== 1'b0 || rx_data !== 8'h00) begin
            $display("FAIL: async reset: valid=%b err=%b data=%02h", rx_valid, frame_err, rx_data);
            $fatal(1);
        end
        repeat (2) @(negedge clk);
        rst_n = 1'b1;
    endtask

    always @(posedge clk) begin
        if (running) begin
            cyc++;
            #1;
            if (exp_cyc.size() > 0 && cyc == exp_cyc[0]) begin
                if (exp_ok[0]) last_data = exp_dat[0];
                if (rx_valid !== exp_ok[0] || frame_err !== !exp_ok[0] || int'(rx_data) != last_data) begin
                    $display("FAIL: cyc=%0d frame data=%02h good=%b got valid=%b err=%b data=%02h exp data=%02h",
                             cyc, exp_dat[0], exp_ok[0], rx_valid, frame_err, rx_data, last_data);
                    $fatal(1);
                end
                if (exp_ok[0]) n_ok++; else n_err++;
                void'(exp_cyc.pop_front()); void'(exp_dat.pop_front()); void'(exp_ok.pop_front());
            end else if (rx_valid !== 1'b0 || frame_err !== 1'b0 || int'(rx_data) != last_data) begin
                $display("FAIL: cyc=%0d unexpected output valid=%b err=%b data=%02h (exp data %02h, next report at %0d)",
                         cyc, rx_valid, frame_err, rx_data, last_data,
                         exp_cyc.size() > 0 ? exp_cyc[0] : -1);
                $fatal(1);
            end
        end
    end

    initial begin
        rx = 1'b0;                             // line low during reset
        repeat (2) @(posedge clk);
        #1;
        if (rx_data !== 8'h00 || rx_valid !== 1'b0 || frame_err !== 1'b0) begin
            $display("FAIL: reset values data=%02h valid=%b err=%b", rx_data, rx_valid, frame_err);
            $fatal(1);
        end
        @(negedge clk);
        // release reset with the line already low: that is a start bit
        rst_n = 1'b1;
        running = 1;
        send(8'h4B, 1, 3);
        send(8'h55, 1, 3);
        send(8'hA5, 1, 0);
        send(8'h00, 1, 0);
        send(8'hFF, 1, 1);
        send(8'h3C, 0, 4);                     // framing error
        for (int i = 0; i < 8; i++) send(8'h01 << i, 1, i % 3);
        for (int i = 0; i < 8; i++) send(~(8'h01 << i), 1, 0);
        // bit values present only at the sampling instant
        for (int i = 0; i < 8; i++) send(8'h01 << i, 1, 0, 1);
        send(8'h96, 1, 0, 1);
        send(8'h69, 0, 0, 1);                  // stop bit low only when sampled
        send(8'hE1, 1, 2, 1);
        for (int len = 1; len <= HALF + 2; len++) short_start(len);
        send(8'hC3, 1, 2);
        // reset in the middle of a frame, release with the line high
        drive_bits(0, CPB); drive_bit(1, 0); drive_bit(0, 0); drive_bits(1, 2);
        async_reset(1'b1);
        drive_bits(1, 3);
        send(8'h5E, 1, 0);
        // reset in the middle of a frame, released while a new start bit runs
        drive_bits(0, CPB); drive_bit(1, 0); drive_bit(1, 0); drive_bit(0, 0);
        async_reset(1'b0);
        send(8'hB4, 1, 2);
        // reset right after a good report and right after a framing error
        send(8'h7D, 1, -1);
        async_reset(1'b1);
        send(8'h21, 1, 1);
        send(8'h42, 0, -1);
        async_reset(1'b1);
        drive_bits(1, 2);
        send(8'h18, 1, 0);
        for (int k = 0; k < 150; k++) begin
            logic [31:0] r;
            r = rnd();
            if (r[4:0] == 0) short_start(1 + int'(r[6:5]));
            send(r[15:8], r[20:16] != 0, (r[23:21] < 3) ? 0 : int'(r[23:21]), r[26:24] == 0);
        end
        drive_bits(1, 3 * CPB);
        if (exp_cyc.size() != 0 || n_ok < 150 || n_err < 5) begin
            $display("FAIL: frames outstanding=%0d ok=%0d err=%0d", exp_cyc.size(), n_ok, n_err);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
