// Self-checking testbench for c_traffic_ctrl. A clock-by-clock model of the
// phase sequence, the request latches and the phase timer predicts the
// lights, walk and the wait flags; they are checked at every falling edge,
// together with the safety rules (never two non-red roads, walk only when
// both roads are red). Tick rate and request rates vary by phase of the test.
module tb_c_traffic_ctrl;
    logic       clk = 1'b0, rst = 1'b1;
    logic       tick = 1'b0, ped_btn = 1'b0, side_car = 1'b0;
    logic [1:0] main_lt, side_lt;
    logic       walk, ped_wait, car_wait;

    c_traffic_ctrl dut (.clk(clk), .rst(rst), .tick(tick), .ped_btn(ped_btn), .side_car(side_car),
                        .main_lt(main_lt), .side_lt(side_lt), .walk(walk),
                        .ped_wait(ped_wait), .car_wait(car_wait));

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h7AFF_1C01;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    localparam int MAIN_G = 0, MAIN_Y = 1, ALLRED = 2, WALK = 3, SIDE_G = 4, SIDE_Y = 5;
    localparam int TM_MAIN = 12, TM_YEL = 3, TM_RED = 2, TM_WALK = 8, TM_SIDE = 10;
    localparam logic [1:0] RED = 2'b00, YEL = 2'b01, GRN = 2'b10;

    int m_st = ALLRED, m_cnt = 0;
    bit m_ped = 0, m_car = 0;
    int cyc = 0;
    int visits [6] = '{0, 0, 0, 0, 0, 0};

    task automatic check();
        logic [1:0] em, es;
        em = (m_st == MAIN_G) ? GRN : (m_st == MAIN_Y) ? YEL : RED;
        es = (m_st == SIDE_G) ? GRN : (m_st == SIDE_Y) ? YEL : RED;
        if (main_lt !== em || side_lt !== es || walk !== (m_st == WALK) ||
            ped_wait !== m_ped || car_wait !== m_car) begin
            $display("FAIL: cycle %0d phase %0d: main=%b side=%b walk=%b ped_wait=%b car_wait=%b, expected main=%b side=%b walk=%b ped_wait=%b car_wait=%b",
                     cyc, m_st, main_lt, side_lt, walk, ped_wait, car_wait,
                     em, es, (m_st == WALK), m_ped, m_car);
            $fatal(1);
        end
        if ((main_lt != RED && side_lt != RED) || (walk && (main_lt != RED || side_lt != RED))) begin
            $display("FAIL: cycle %0d unsafe lights main=%b side=%b walk=%b", cyc, main_lt, side_lt, walk);
            $fatal(1);
        end
    endtask

    task automatic step();
        int  nxt, ntime;
        bit  exp_, ld;
        @(posedge clk);
        if (rst) begin
            m_st = ALLRED; m_cnt = 0; m_ped = 0; m_car = 0;
        end else begin
            exp_  = (m_cnt == 0);
            nxt   = m_st;
            ntime = TM_MAIN;
            if (exp_) begin
                case (m_st)
                    MAIN_G: if (m_car || m_ped) begin nxt = MAIN_Y; ntime = TM_YEL; end
                    MAIN_Y: begin nxt = ALLRED; ntime = TM_RED; end
                    ALLRED: if (m_ped)      begin nxt = WALK;   ntime = TM_WALK; end
                            else if (m_car) begin nxt = SIDE_G; ntime = TM_SIDE; end
                            else            begin nxt = MAIN_G; ntime = TM_MAIN; end
                    WALK:   if (m_car)      begin nxt = SIDE_G; ntime = TM_SIDE; end
                            else            begin nxt = MAIN_G; ntime = TM_MAIN; end
                    SIDE_G: begin nxt = SIDE_Y; ntime = TM_YEL; end
                    default: begin nxt = MAIN_G; ntime = TM_MAIN; end
                endcase
            end
            ld = (nxt != m_st);
            if (ld && nxt == WALK)                 m_ped = 0;
            else if (ped_btn && m_st != WALK)      m_ped = 1;
            if (ld && nxt == SIDE_G)               m_car = 0;
            else if (side_car && m_st != SIDE_G)   m_car = 1;
            if (ld)                                m_cnt = ntime;
            else if (tick && m_cnt != 0)           m_cnt--;
            if (ld) visits[nxt]++;
            m_st = nxt;
        end
        @(negedge clk);
        cyc++;
        check();
    endtask

    initial begin
        tick = 1'b1; ped_btn = 1'b1; side_car = 1'b1;     // ignored in reset
        repeat (3) step();
        rst = 1'b0;
        tick = 1'b0; ped_btn = 1'b0; side_car = 1'b0;

        // quiet: main stays green
        repeat (40) begin tick = 1'b1; step(); end
        // one pedestrian, then one car, then both, with a tick every clock
        ped_btn = 1'b1; step(); ped_btn = 1'b0;
        repeat (40) step();
        side_car = 1'b1; step(); side_car = 1'b0;
        repeat (40) step();
        ped_btn = 1'b1; side_car = 1'b1; step(); ped_btn = 1'b0; side_car = 1'b0;
        repeat (60) step();

        for (int k = 0; k < 40000; k++) begin
            logic [31:0] r;
            int ph;
            r = rnd();
            ph = (k / 2500) % 4;
            case (ph)
                0:       begin tick = 1'b1;          ped_btn = (r[5:0] == 0);  side_car = (r[11:6] == 0); end
                1:       begin tick = (r[1:0] == 0); ped_btn = (r[7:2] == 0);  side_car = (r[9:8] == 0);  end
                2:       begin tick = r[0];          ped_btn = r[1];           side_car = r[2];           end
                default: begin tick = (r[2:0] != 0); ped_btn = (r[9:3] == 0);  side_car = 1'b0;           end
            endcase
            step();
            if (k == 20000) begin
                rst = 1'b1; step(); step(); rst = 1'b0;
            end
        end

        for (int s = 0; s < 6; s++)
            if (visits[s] < 20) begin
                $display("FAIL: phase %0d entered only %0d times", s, visits[s]);
                $fatal(1);
            end
        $display("phases entered: %0d %0d %0d %0d %0d %0d",
                 visits[0], visits[1], visits[2], visits[3], visits[4], visits[5]);
        $display("PASS");
        $finish;
    end
endmodule
