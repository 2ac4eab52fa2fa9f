// Self-checking testbench for spi_master. The expected waveforms are computed
// in closed form from k, the number of clock edges since a start was accepted
// (sclk = (k / HALF) % 2, mosi = bit (k / 2*HALF) of the latched byte, ...),
// and an SPI mode-0 slave model in the testbench drives miso after falling
// sclk edges and samples mosi on rising ones. Every output is checked before
// and after every clock edge; the slave's received byte is checked too.
module tb_spi_master;
    localparam int HALF = 2;
    localparam int XF   = 16 * HALF;   // edges from start acceptance to the last falling sclk

    logic       clk = 1'b0, rst_n = 1'b0;
    logic       start = 1'b0, lsb_first = 1'b0, miso = 1'b0;
    logic [7:0] tx_data = '0;
    logic       sclk, mosi, cs_n, busy, done;
    logic [7:0] rx_data;

    spi_master dut (.clk(clk), .rst_n(rst_n), .start(start), .lsb_first(lsb_first),
                    .tx_data(tx_data), .miso(miso), .sclk(sclk), .mosi(mosi), .cs_n(cs_n),
                    .busy(busy), .done(done), .rx_data(rx_data));

    always #5 clk = ~clk;

    // transfer model
    logic       active = 1'b0, m_lsb = 1'b0;
    logic [7:0] m_tx = '0, m_rx = '0, m_tail = '0;   // m_tail: mosi source after a transfer
    int         k = 0, cyc = 0, xfers = 0;
    // slave model
    logic [7:0] s_byte = '0, s_got = '0;
    int         s_bits = 0;
    logic       prev_sclk = 1'b0;

    function automatic logic exp_mosi();
        int f;
        if (!active) return 1'b0;
        f = k / (2 * HALF);
        if (f > 7) return 1'b0;
        return m_lsb ? m_tx[f] : m_tx[7 - f];
    endfunction

    task automatic check(input string where);
        logic e_sclk, e_cs_n, e_busy, e_done;
        e_sclk = active && k < XF && ((k / HALF) % 2 == 1);
        e_cs_n = !(active && k <= XF);
        e_busy = active && k <= XF;
        e_done = active && k == XF + 1;
        if (sclk !== e_sclk || cs_n !== e_cs_n || busy !== e_busy || done !== e_done ||
            mosi !== exp_mosi() || rx_data !== m_rx) begin
            $display("FAIL: %s cyc=%0d k=%0d active=%b got sclk=%b cs_n=%b busy=%b done=%b mosi=%b rx=%h exp sclk=%b cs_n=%b busy=%b done=%b mosi=%b rx=%h",
                     where, cyc, k, active, sclk, cs_n, busy, done, mosi, rx_data,
                     e_sclk, e_cs_n, e_busy, e_done, exp_mosi(), m_rx);
            $fatal(1);
        end
    endtask

    // slave: the bit it presents for its next rising edge
    function automatic logic slave_bit();
        if (s_bits > 7) return 1'b0;
        return m_lsb ? s_byte[s_bits] : s_byte[7 - s_bits];
    endfunction

    logic [7:0] next_sb = '0;   // byte the slave will return in the next transfer

    task automatic step();
        logic idle_pre;
        #1 check("pre-edge");
        idle_pre = !active || k == XF + 1;
        @(posedge clk);
        if (idle_pre && start) begin
            active = 1'b1; k = 0; m_tx = tx_data; m_lsb = lsb_first;
            s_byte = next_sb; s_bits = 0; s_got = 'x;
        end else if (active) begin
            k++;
            if (k == XF + 1) begin
                m_rx = s_byte;
                if (s_got !== m_tx || s_bits != 8) begin
                    $display("FAIL: slave received %h in %0d bits, master sent %h", s_got, s_bits, m_tx);
                    $fatal(1);
                end
                xfers++;
            end
            if (k == XF + 2) active = 1'b0;
        end
        cyc++;
        #1 check("post-edge");
        // slave samples mosi on rising sclk, presents its next bit while sclk is low
        if (!cs_n && sclk && !prev_sclk) begin
            s_got = m_lsb ? {mosi, s_got[7:1]} : {s_got[6:0], mosi};
            s_bits++;
        end
        prev_sclk = sclk;
        @(negedge clk);
        // miso is valid only in the cycle before a rising sclk edge, garbage otherwise
        if (active && k < XF && k % HALF == HALF - 1 && (k / HALF) % 2 == 0) miso = slave_bit();
        else miso = $urandom;
    endtask

    task automatic step_start(input logic [7:0] d, input logic lsb, input logic [7:0] sb);
        start = 1'b1; tx_data = d; lsb_first = lsb; next_sb = sb;
        step();
        start = 1'b0; tx_data = $urandom; lsb_first = $urandom;   // latched: must not matter
    endtask

    task automatic transfer(input logic [7:0] d, input logic lsb, input logic [7:0] sb,
                            input int gap);
        step_start(d, lsb, sb);
        while (active) begin
            start = (k <= XF) && ($urandom % 4 == 0);      // ignored while busy
            step();
        end
        start = 1'b0;
        repeat (gap) step();
    endtask

    initial begin
        void'($urandom(32'd11));
        start = 1'b1; tx_data = 8'hA5; miso = 1'b1;   // ignored in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; start = 1'b0;
        repeat (3) step();
        // fixed patterns, both bit orders
        for (int o = 0; o < 2; o++) begin
            transfer(8'hA5, o[0], 8'h3C, 2);
            transfer(8'h00, o[0], 8'hFF, 1);
            transfer(8'hFF, o[0], 8'h00, 3);
            transfer(8'h80, o[0], 8'h01, 0);
            transfer(8'h01, o[0], 8'h80, 0);
            for (int b = 0; b < 8; b++) transfer(8'h01 << b, o[0], ~(8'h01 << b), b % 3);
        end
        // back-to-back starts: start held high, new transfer accepted as soon as idle
        for (int n = 0; n < 10; n++) begin
            step_start($urandom, $urandom, $urandom);
            start = 1'b1; tx_data = $urandom; next_sb = $urandom;
            while (k < XF + 1) step();
            tx_data = $urandom; lsb_first = $urandom;
            step();   // accepted in the first idle cycle
            if (k != 0) begin $display("FAIL: back-to-back start not accepted"); $fatal(1); end
            while (k < XF + 1) step();
        end
        start = 1'b0;
        while (active) step();
        // random transfers with random gaps
        for (int n = 0; n < 150; n++) transfer($urandom, $urandom, $urandom, $urandom % 4);
        // asynchronous reset in the middle of a transfer (divc and bits mid-count),
        // then a reset while done is high
        for (int n = 0; n < 2; n++) begin
            step_start(8'hC5, n[0], 8'hC3);
            repeat (n ? XF + 1 : 11) step();   // k = 11: sclk high, divc and bits mid-count
            if (n == 1 && !done) begin $display("FAIL: expected done before reset"); $fatal(1); end
            #2 rst_n = 1'b0;
            #1;
            active = 1'b0; k = 0; m_rx = 8'h00;
            check("async reset");
            @(posedge clk); #1 check("async reset held");
            @(negedge clk);
            rst_n = 1'b1;
            step();
            transfer(8'h96 ^ n[7:0], n[0], 8'h69, 1);
        end
        transfer(8'h96, 1'b1, 8'h69, 2);
        transfer(8'h69, 1'b0, 8'h96, 2);
        if (xfers < 180) begin $display("FAIL: only %0d transfers", xfers); $fatal(1); end
        $display("PASS");
        $finish;
    end
endmodule
