// Self-checking testbench for b_i2c_bitgen. The reference counts clocks
// since a command was accepted and derives bit, phase and the expected SCL /
// SDA levels from that count; it samples sda_in at the end of each phase 2
// like a slave-side observer would. scl, sda_oe, busy, cmd_ready, done,
// rx_byte and ack_rcvd are checked every clock.
module tb_b_i2c_bitgen;
    localparam int DIV = 5;
    localparam int BITCYC = 4 * DIV;

    logic       clk = 1'b0, rst = 1'b1;
    logic       cmd_valid = 1'b0, tx_ack = 1'b0, sda_in = 1'b1;
    logic [1:0] cmd = 2'd0;
    logic [7:0] tx_byte = 8'h00;
    logic       cmd_ready, busy, done, scl, sda_oe, ack_rcvd;
    logic [7:0] rx_byte;

    b_i2c_bitgen #(.DIV(DIV), .CW(4)) dut (
        .clk(clk), .rst(rst), .cmd_valid(cmd_valid), .cmd(cmd), .tx_byte(tx_byte),
        .tx_ack(tx_ack), .sda_in(sda_in), .cmd_ready(cmd_ready), .busy(busy),
        .done(done), .scl(scl), .sda_oe(sda_oe), .rx_byte(rx_byte), .ack_rcvd(ack_rcvd)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h2468_ACE1;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    // reference state
    bit         m_busy, m_done, m_scl_idle, m_oe_idle, m_ack, m_ackq;
    int         m_cmd, m_k, m_nbits;
    logic [7:0] m_tx, m_rxsh, m_rx;
    int         cyc = 0, ncmds[4] = '{0, 0, 0, 0};

    task automatic model_reset();
        m_busy = 0; m_done = 0; m_scl_idle = 1; m_oe_idle = 0; m_ack = 0; m_ackq = 0;
        m_cmd = 0; m_k = 0; m_nbits = 0; m_tx = 0; m_rxsh = 0; m_rx = 0;
    endtask

    task automatic expected(output bit e_scl, output bit e_oe);
        int b, p;
        if (!m_busy) begin
            e_scl = m_scl_idle; e_oe = m_oe_idle;
            return;
        end
        b = m_k / BITCYC;
        p = (m_k / DIV) % 4;
        case (m_cmd)
            0: begin e_scl = (p != 3); e_oe = (p >= 2); end          // START
            1: begin e_scl = (p != 0); e_oe = (p < 2);  end          // STOP
            2: begin e_scl = (p == 1 || p == 2); e_oe = (b < 8) ? !m_tx[7 - b] : 1'b0; end
            default: begin e_scl = (p == 1 || p == 2); e_oe = (b < 8) ? 1'b0 : m_ackq; end
        endcase
    endtask

    task automatic check(input string where);
        bit e_scl, e_oe;
        expected(e_scl, e_oe);
        if (scl !== e_scl || sda_oe !== e_oe || busy !== m_busy || cmd_ready !== !m_busy ||
            done !== m_done || rx_byte !== m_rx || ack_rcvd !== m_ack) begin
            $display("FAIL: %s cyc=%0d cmd=%0d k=%0d scl=%b sda_oe=%b busy=%b ready=%b done=%b rx=%02h ack=%b exp scl=%b sda_oe=%b busy=%b done=%b rx=%02h ack=%b",
                     where, cyc, m_cmd, m_k, scl, sda_oe, busy, cmd_ready, done, rx_byte, ack_rcvd,
                     e_scl, e_oe, m_busy, m_done, m_rx, m_ack);
            $fatal(1);
        end
    endtask

    task automatic model_edge();
        m_done = 0;
        if (!m_busy) begin
            if (cmd_valid) begin
                m_busy = 1; m_cmd = cmd; m_k = 0; m_tx = tx_byte; m_rxsh = 0;
                m_nbits = (cmd < 2) ? 1 : 9;
                if (cmd == 3) m_ackq = tx_ack;
                ncmds[cmd]++;
            end
        end else begin
            int b, p;
            b = m_k / BITCYC;
            p = (m_k / DIV) % 4;
            if (p == 2 && (m_k % DIV) == DIV - 1) begin
                if (m_cmd == 3 && b < 8) m_rxsh = {m_rxsh[6:0], sda_in};
                if (m_cmd == 2 && b == 8) m_ack = !sda_in;
            end
            m_k++;
            if (m_k == m_nbits * BITCYC) begin
                m_busy = 0; m_done = 1;
                if (m_cmd == 3) m_rx = m_rxsh;
                m_scl_idle = (m_cmd == 1);
                m_oe_idle  = (m_cmd == 0);
            end
        end
    endtask

    task automatic step();
        #1 check("pre-edge");
        @(posedge clk);
        if (!rst) model_edge();
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic issue(input int c, input logic [7:0] d, input bit ack);
        cmd_valid = 1; cmd = 2'(c); tx_byte = d; tx_ack = ack;
        step();
        cmd_valid = 0;
        while (busy) begin
            cmd_valid = rnd() & 1; cmd = 2'(rnd()); tx_byte = 8'(rnd());
            sda_in = rnd() & 1; tx_ack = rnd() & 1;
            step();
        end
        cmd_valid = 0;
    endtask

    initial begin
        model_reset();
        cmd_valid = 1; cmd = 2'd2;              // ignored in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst = 1'b0; cmd_valid = 0;
        step();

        // directed transaction: START, WRITE 0xA5, READ (ACK), READ (NACK), STOP
        issue(0, 8'h00, 0);
        issue(2, 8'hA5, 0);
        issue(3, 8'h00, 1);
        issue(3, 8'h00, 0);
        issue(1, 8'h00, 0);
        repeat (3) step();
        issue(2, 8'h3C, 1);

        // back-to-back commands with random everything
        for (int k = 0; k < 20000; k++) begin
            logic [31:0] r;
            r = rnd();
            cmd_valid = (r[1:0] == 0);
            cmd       = r[3:2];
            tx_byte   = r[11:4];
            tx_ack    = r[12];
            sda_in    = r[13];
            step();
            if (k == 9000) begin
                // asynchronous reset in the middle of a command
                #2 rst = 1'b1;
                #1 model_reset();
                check("async reset");
                repeat (2) @(posedge clk);
                #1 check("in reset");
                @(negedge clk);
                rst = 1'b0;
            end
        end
        if (ncmds[0] < 5 || ncmds[1] < 5 || ncmds[2] < 5 || ncmds[3] < 5) begin
            $display("FAIL: too few commands %0d %0d %0d %0d", ncmds[0], ncmds[1], ncmds[2], ncmds[3]);
            $fatal(1);
        end
        $display("PASS (%0d/%0d/%0d/%0d commands)", ncmds[0], ncmds[1], ncmds[2], ncmds[3]);
        $finish;
    end
endmodule
