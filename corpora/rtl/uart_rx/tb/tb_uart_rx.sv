// Self-checking testbench for uart_rx (CLKS_PER_BIT = 4). A driver process
// serializes frames (random data, random idle gaps, some bad stop bits, some
// short start glitches); it records for each frame the exact cycle at which
// the receiver must report it. A monitor checks rx_valid, frame_err and
// rx_data on every cycle: pulses only at the expected cycles, rx_data
// holding the last good byte at all times.
module tb_uart_rx;
    localparam int CPB = 4;

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

    int cyc = 0;                 // number of rising edges after reset release
    int exp_cyc [$];             // expected report cycle per frame
    int exp_dat [$];
    bit exp_ok  [$];
    int last_data = 0, n_ok = 0, n_err = 0;
    bit running = 0;

    // the driver changes rx on the falling edge; the first rising edge that
    // samples a new level is counted as cycle cyc+1
    task automatic drive_bits(input int level, input int n);
        for (int i = 0; i < n; i++) begin
            rx = level[0];
            @(negedge clk);
        end
    endtask

    task automatic send(input logic [7:0] d, input bit good_stop, input int gap);
        int p1;
        p1 = cyc + 1;                          // first edge that sees the start bit
        exp_cyc.push_back(p1 + 10 * CPB);      // reported at the stop-bit sample
        exp_dat.push_back(d);
        exp_ok.push_back(good_stop);
        drive_bits(0, CPB);
        for (int b = 0; b < 8; b++) drive_bits(d[b], CPB);
        drive_bits(good_stop, CPB);
        // after a bad stop bit the line must idle long enough to resync
        drive_bits(1, good_stop ? gap : gap + 2 * CPB);
    endtask

    // low pulse shorter than half a bit plus the sync delay: must be ignored
    task automatic glitch(input int len);
        drive_bits(0, len);
        drive_bits(1, 2 * CPB);
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
        rx = 1'b0;                             // line low during reset: ignored
        repeat (2) @(posedge clk);
        #1;
        if (rx_data !== 8'h00 || rx_valid !== 1'b0 || frame_err !== 1'b0) begin
            $display("FAIL: reset values data=%02h valid=%b err=%b", rx_data, rx_valid, frame_err);
            $fatal(1);
        end
        rx = 1'b1;
        @(negedge clk);
        rst_n = 1'b1;
        running = 1;
        drive_bits(1, 6);
        send(8'h55, 1, 3);
        send(8'hA5, 1, 0);
        send(8'h00, 1, 0);
        send(8'hFF, 1, 1);
        send(8'h3C, 0, 4);                     // framing error
        for (int i = 0; i < 8; i++) send(8'h01 << i, 1, i % 3);
        for (int i = 0; i < 8; i++) send(~(8'h01 << i), 1, 0);
        glitch(1);
        glitch(2);
        send(8'hC3, 1, 2);
        for (int k = 0; k < 120; k++) begin
            logic [31:0] r;
            r = rnd();
            if (r[4:0] == 0) glitch(1 + int'(r[5]));
            send(r[15:8], r[20:16] != 0, (r[23:21] < 3) ? 0 : int'(r[23:21]));
        end
        drive_bits(1, 3 * CPB);
        if (exp_cyc.size() != 0 || n_ok < 100 || n_err < 2) begin
            $display("FAIL: frames outstanding=%0d ok=%0d err=%0d", exp_cyc.size(), n_ok, n_err);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
