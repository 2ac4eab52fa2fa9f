// Self-checking testbench for a_pwm_dimmer.
//  * a lock-step cycle model (button edges, level, gamma target, duty ramp,
//    period counter, blink prescaler, mode select) is compared with level,
//    duty and pwm_out at every falling clock edge;
//  * a period-level check counts the high cycles of pwm_out over whole
//    periods once the duty has settled and compares them with the gamma
//    table, for every level on the way up and down.
// Inputs change at the falling edge; reset is synchronous and active high.
module tb_a_pwm_dimmer;
    localparam int PERIOD = 100;
    localparam int STEP   = 8;
    localparam int GAMMA [16] = '{0, 1, 2, 3, 5, 7, 10, 14, 19, 25, 32, 41, 52, 65, 80, 100};

    reg        clk = 1'b0;
    reg        rst = 1'b1;
    reg        btn_up = 1'b0, btn_down = 1'b0;
    reg  [1:0] mode = 2'd0;
    wire       pwm_out;
    wire [3:0] level;
    wire [7:0] duty;

    a_pwm_dimmer dut (
        .clk(clk), .rst(rst), .btn_up(btn_up), .btn_down(btn_down), .mode(mode),
        .pwm_out(pwm_out), .level(level), .duty(duty)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h7777_1234;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    // lock-step model
    bit m_upq = 0, m_dnq = 0, m_pwm = 0;
    int m_level = 0, m_cnt = 0, m_blink = 0, m_duty = 0;
    int cyc = 0, high_cnt = 0;

    task automatic model_reset();
        m_upq = 0; m_dnq = 0; m_pwm = 0;
        m_level = 0; m_cnt = 0; m_blink = 0; m_duty = 0;
    endtask

    task automatic check(input string where);
        if (level !== 4'(m_level) || duty !== 8'(m_duty) || pwm_out !== m_pwm) begin
            $display("FAIL: %s cyc=%0d got level=%0d duty=%0d pwm_out=%b exp level=%0d duty=%0d pwm_out=%b (mode %0d)",
                     where, cyc, level, duty, pwm_out, m_level, m_duty, m_pwm, mode);
            $fatal(1);
        end
    endtask

    task automatic cycle();
        bit up, dn;
        int md, tgt;
        bit raw, ue, de;
        up = btn_up; dn = btn_down; md = mode;
        @(posedge clk);
        cyc++;
        if (rst) begin
            model_reset();
        end else begin
            raw = (m_cnt < m_duty);
            case (md)
                0: m_pwm = raw;
                1: m_pwm = raw && (m_blink >= 4);
                2: m_pwm = 1;
                default: m_pwm = 0;
            endcase
            tgt = GAMMA[m_level];
            if (m_cnt == PERIOD - 1) begin
                m_cnt = 0;
                m_blink = (m_blink + 1) % 8;
                if (m_duty < tgt)      m_duty = (tgt - m_duty > STEP) ? m_duty + STEP : tgt;
                else if (m_duty > tgt) m_duty = (m_duty - tgt > STEP) ? m_duty - STEP : tgt;
            end else begin
                m_cnt++;
            end
            ue = up && !m_upq;
            de = dn && !m_dnq;
            if (ue && !de && m_level != 15) m_level++;
            else if (de && !ue && m_level != 0) m_level--;
            m_upq = up; m_dnq = dn;
        end
        @(negedge clk);
        check("after edge");
        high_cnt += pwm_out;
    endtask

    // one button press: a few cycles high, a few low
    task automatic press(input bit up);
        if (up) btn_up = 1'b1; else btn_down = 1'b1;
        repeat (3) cycle();
        btn_up = 1'b0; btn_down = 1'b0;
        repeat (2) cycle();
    endtask

    // wait for the duty to settle, then measure pwm_out over two whole periods
    task automatic settle_and_measure();
        int exp;
        exp = GAMMA[m_level];
        while (m_duty != exp) cycle();
        while (m_cnt != 0) cycle();
        cycle();                      // registered output lags one cycle
        high_cnt = 0;
        repeat (2 * PERIOD) cycle();
        if (high_cnt != 2 * exp) begin
            $display("FAIL: level %0d: pwm_out high %0d of %0d cycles, expected %0d",
                     m_level, high_cnt, 2 * PERIOD, 2 * exp);
            $fatal(1);
        end
    endtask

    initial begin
        btn_up = 1'b1; mode = 2'd2;        // ignored in reset
        cycle(); cycle();
        rst = 1'b0; btn_up = 1'b0; mode = 2'd0;
        repeat (3) cycle();

        // walk up through every level, then back down, measuring each
        settle_and_measure();
        for (int l = 1; l <= 15; l++) begin
            press(1'b1);
            settle_and_measure();
        end
        press(1'b1);                        // saturates at 15
        settle_and_measure();
        for (int l = 14; l >= 0; l--) begin
            press(1'b0);
            settle_and_measure();
        end
        press(1'b0);                        // saturates at 0
        // both buttons at once: no change
        btn_up = 1'b1; btn_down = 1'b1; repeat (3) cycle();
        btn_up = 1'b0; btn_down = 1'b0; repeat (2) cycle();

        // all modes at a mid level
        repeat (9) press(1'b1);
        for (int md = 0; md < 4; md++) begin
            mode = md;
            repeat (16 * PERIOD) cycle();
        end
        // mode changing every cycle
        for (int k = 0; k < 3000; k++) begin
            mode = rnd();
            cycle();
        end
        mode = 2'd0;

        // synchronous reset in the middle of a fade
        repeat (6) press(1'b1);
        repeat (3 * PERIOD + 17) cycle();
        rst = 1'b1;
        #2 check("reset is synchronous");
        cycle(); cycle();
        rst = 1'b0;

        // random buttons and modes
        for (int k = 0; k < 20000; k++) begin
            logic [31:0] r;
            r = rnd();
            if (r[3:0] == 0) btn_up = ~btn_up;
            if (r[7:4] == 0) btn_down = ~btn_down;
            if (r[15:8] == 0) mode = r[17:16];
            cycle();
        end
        $display("PASS (%0d cycles)", cyc);
        $finish;
    end
endmodule
