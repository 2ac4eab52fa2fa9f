// Self-checking testbench for a_spi_slave.
// Two checks run together:
//  * a lock-step cycle model of the slave (synchronizers, edge detection, bit
//    counter, shift registers) compared with miso / rx_data / rx_valid at
//    every falling clk edge, under both well-formed and random pin activity;
//  * a transaction-level SPI master that shifts bytes out on mosi, samples
//    miso on its rising SCLK edges and compares the bytes both ways.
// Inputs change at the falling clk edge; the design samples at the rising edge.
module tb_a_spi_slave;
    reg        clk = 1'b0;
    reg        rst_n = 1'b0;
    reg        sclk = 1'b0, cs_n = 1'b1, mosi = 1'b0;
    reg  [7:0] tx_data = 8'h00;
    wire       miso, rx_valid;
    wire [7:0] rx_data;

    a_spi_slave dut (
        .clk(clk), .rst_n(rst_n), .sclk(sclk), .cs_n(cs_n), .mosi(mosi), .miso(miso),
        .tx_data(tx_data), .rx_data(rx_data), .rx_valid(rx_valid)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h0BAD_F00D;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    // ---------------- lock-step model ----------------
    logic [2:0] m_sclk = 3'b000;
    logic [1:0] m_cs = 2'b11, m_mosi = 2'b00;
    logic [2:0] m_cnt = '0;
    logic [7:0] m_rxs = '0, m_txs = '0, m_rxd = '0;
    logic       m_rxv = 1'b0;
    int         cyc = 0, n_valid = 0;

    function automatic logic exp_miso();
        return m_cs[1] ? 1'b0 : m_txs[7];
    endfunction

    task automatic model_reset();
        m_sclk = 3'b000; m_cs = 2'b11; m_mosi = 2'b00;
        m_cnt = '0; m_rxs = '0; m_txs = '0; m_rxd = '0; m_rxv = 1'b0;
    endtask

    task automatic check(input string where);
        if (miso !== exp_miso() || rx_valid !== m_rxv || rx_data !== m_rxd) begin
            $display("FAIL: %s cyc=%0d got miso=%b rx_valid=%b rx_data=%02h exp miso=%b rx_valid=%b rx_data=%02h",
                     where, cyc, miso, rx_valid, rx_data, exp_miso(), m_rxv, m_rxd);
            $fatal(1);
        end
    endtask

    // one clk cycle with the pins as currently driven
    task automatic cycle();
        logic       i_sclk, i_cs, i_mosi;
        logic [7:0] i_tx;
        logic       rise, fall;
        i_sclk = sclk; i_cs = cs_n; i_mosi = mosi; i_tx = tx_data;
        @(posedge clk);
        cyc++;
        if (!rst_n) begin
            model_reset();
        end else begin
            rise = m_sclk[1] && !m_sclk[2];
            fall = !m_sclk[1] && m_sclk[2];
            m_rxv = 1'b0;
            if (m_cs[1]) begin
                m_cnt = 0;
                m_txs = i_tx;
            end else if (rise) begin
                m_rxs = {m_rxs[6:0], m_mosi[1]};
                if (m_cnt == 7) begin m_rxd = m_rxs; m_rxv = 1'b1; end
                m_cnt = m_cnt + 1;
            end else if (fall) begin
                m_txs = (m_cnt == 0) ? i_tx : (m_txs << 1);
            end
            m_sclk = {m_sclk[1:0], i_sclk};
            m_cs   = {m_cs[0], i_cs};
            m_mosi = {m_mosi[0], i_mosi};
        end
        @(negedge clk);
        check("after edge");
        if (rx_valid) n_valid++;
    endtask

    // ---------------- transaction-level master ----------------
    logic [7:0] got_rx [$];

    always @(negedge clk) if (rst_n && rx_valid === 1'b1) got_rx.push_back(rx_data);

    // n bytes, SCLK half period h clk cycles
    task automatic spi_xfer(input int n, input int h);
        logic [7:0] out_b [], in_b [];
        logic [7:0] sampled;
        out_b = new[n]; in_b = new[n];
        foreach (out_b[i]) begin out_b[i] = rnd(); in_b[i] = rnd(); end
        got_rx.delete();
        tx_data = in_b[0];
        sclk = 1'b0;
        repeat (3) cycle();
        cs_n = 1'b0;
        repeat (h + 3) cycle();
        for (int b = 0; b < n; b++) begin
            for (int i = 7; i >= 0; i--) begin
                mosi = out_b[b][i];
                repeat (h) cycle();
                sclk = 1'b1;
                sampled[i] = miso;                      // master samples on its rising edge
                if (i == 0) tx_data = (b + 1 < n) ? in_b[b + 1] : 8'h00;
                repeat (h) cycle();
                sclk = 1'b0;
            end
            if (sampled !== in_b[b]) begin
                $display("FAIL: master read %02h from miso, slave was given %02h (byte %0d, h=%0d)",
                         sampled, in_b[b], b, h);
                $fatal(1);
            end
        end
        repeat (h + 4) cycle();
        cs_n = 1'b1;
        repeat (4) cycle();
        if (got_rx.size() != n) begin
            $display("FAIL: %0d rx_valid pulses for %0d bytes (h=%0d)", got_rx.size(), n, h);
            $fatal(1);
        end
        foreach (out_b[i])
            if (got_rx[i] !== out_b[i]) begin
                $display("FAIL: rx_data byte %0d = %02h, master sent %02h", i, got_rx[i], out_b[i]);
                $fatal(1);
            end
    endtask

    task automatic async_reset();
        #2 rst_n = 1'b0;
        #1;
        model_reset();
        check("async reset");
        @(negedge clk);
        cycle(); cycle();
        rst_n = 1'b1;
        cycle();
    endtask

    initial begin
        cs_n = 1'b0; sclk = 1'b1; mosi = 1'b1; tx_data = 8'hFF;   // held in reset
        cycle(); cycle();
        cs_n = 1'b1; sclk = 1'b0; mosi = 1'b0;
        rst_n = 1'b1;
        repeat (3) cycle();

        spi_xfer(1, 4);
        spi_xfer(3, 4);
        spi_xfer(4, 6);
        spi_xfer(2, 9);

        // reset while selected with a byte received and a 1 on miso
        tx_data = 8'hC3;
        spi_xfer(1, 5);
        tx_data = 8'hF0;
        cs_n = 1'b0;
        repeat (6) cycle();
        async_reset();
        cs_n = 1'b1;
        repeat (3) cycle();

        for (int t = 0; t < 40; t++) begin
            logic [31:0] r;
            r = rnd();
            spi_xfer(1 + r[1:0], 4 + r[4:2]);
        end

        // random pin activity, checked by the lock-step model only
        for (int k = 0; k < 8000; k++) begin
            logic [31:0] r;
            r = rnd();
            case ((k / 500) % 3)
                0: begin sclk = r[0]; cs_n = (r[3:1] == 0); end        // mostly selected
                1: begin if (r[2:0] == 0) sclk = ~sclk; cs_n = (r[9:4] == 0); end   // slow sclk
                default: begin sclk = r[0]; cs_n = r[1]; end
            endcase
            mosi = r[5];
            if (r[12:10] == 0) tx_data = r[31:24];
            cycle();
            if (k == 4000) async_reset();
        end
        cs_n = 1'b1; sclk = 1'b0;
        repeat (4) cycle();
        $display("PASS (%0d bytes received, %0d cycles)", n_valid, cyc);
        $finish;
    end
endmodule
