// Self-checking testbench for a_sdram_ctrl.
//
// Three checkers run side by side:
//  1. a cycle-level reference model of the controller spec (init sequence,
//     refresh timer and priority, activate / column command / CAS capture
//     timing) compared with every output at every falling clock edge;
//  2. an SDRAM device model that decodes the command bus, enforces the
//     device rules (tRP, tRFC, tMRD, tRCD, write recovery, banks closed
//     before ACTIVE / REFRESH, mode register set before use, refresh rate),
//     stores written words with their byte masks and returns read data
//     CAS-latency cycles after each READ, as programmed in the mode register;
//  3. a host scoreboard: a shadow memory updated on every accepted write and
//     compared with rd_data on every rd_valid.
// The controller's outputs change 1 time unit after the rising edge (<= #1);
// the testbench samples and drives everything at the falling edge.
module tb_a_sdram_ctrl;
    // spec constants
    localparam int INIT_WAIT = 100, INIT_REFS = 8;
    localparam int T_RP = 3, T_RFC = 9, T_MRD = 2, T_RCD = 3, T_WR = 2, CL = 2;
    localparam int REF_INTERVAL = 300;
    localparam logic [3:0] C_INH = 4'b1111, C_NOP = 4'b0111, C_ACT = 4'b0011, C_RD = 4'b0101,
                           C_WR = 4'b0100, C_PRE = 4'b0010, C_REF = 4'b0001, C_MRS = 4'b0000;

    reg         clk = 1'b0;
    reg         rst = 1'b1;
    reg         req = 1'b0, req_we = 1'b0;
    reg  [21:0] req_addr = '0;
    reg  [15:0] req_wdata = '0;
    reg  [1:0]  req_be = 2'b11;
    reg  [15:0] sd_dq_in = '0;
    wire        req_ack, rd_valid, init_done, ready;
    wire [15:0] rd_data;
    wire        sd_cke, sd_cs_n, sd_ras_n, sd_cas_n, sd_we_n, sd_dq_oe;
    wire [1:0]  sd_ba, sd_dqm;
    wire [11:0] sd_addr;
    wire [15:0] sd_dq_out;

    a_sdram_ctrl dut (
        .clk(clk), .rst(rst),
        .req(req), .req_we(req_we), .req_addr(req_addr), .req_wdata(req_wdata), .req_be(req_be),
        .req_ack(req_ack), .rd_valid(rd_valid), .rd_data(rd_data), .init_done(init_done), .ready(ready),
        .sd_cke(sd_cke), .sd_cs_n(sd_cs_n), .sd_ras_n(sd_ras_n), .sd_cas_n(sd_cas_n), .sd_we_n(sd_we_n),
        .sd_ba(sd_ba), .sd_addr(sd_addr), .sd_dqm(sd_dqm), .sd_dq_out(sd_dq_out), .sd_dq_oe(sd_dq_oe),
        .sd_dq_in(sd_dq_in)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h5D5D_A11C;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    int cyc = 0;
    int n_wr = 0, n_rd = 0, n_ref = 0;

    task automatic fail(input string msg);
        $display("FAIL: cyc=%0d %s", cyc, msg);
        $fatal(1);
    endtask

    // contents of never-written locations
    function automatic logic [15:0] pattern(input logic [21:0] a);
        return 16'(a * 32'h9E37) ^ 16'h5A0F;
    endfunction

    // ==================================================================
    // 1. reference model of the controller
    // ==================================================================
    localparam int S_PWR = 0, S_IREF = 1, S_IMRS = 2, S_IDLE = 3, S_ROW = 4, S_RD = 5;

    int          m_st, m_tmr, m_icnt, m_cas, m_refc;
    bit          m_pend, m_cke, m_oe, m_idone, m_ack, m_rdv;
    logic [3:0]  m_cmd;
    logic [1:0]  m_ba, m_dqm;
    logic [11:0] m_addr;
    logic [15:0] m_dout, m_rdd;
    bit          l_we;
    logic [1:0]  l_ba, l_be;
    logic [7:0]  l_col;
    logic [15:0] l_wd;

    task automatic model_reset();
        m_st = S_PWR; m_tmr = INIT_WAIT - 1; m_icnt = 0; m_cas = 0; m_refc = REF_INTERVAL - 1;
        m_pend = 0; m_cke = 0; m_oe = 0; m_idone = 0; m_ack = 0; m_rdv = 0;
        m_cmd = C_INH; m_ba = 0; m_dqm = 2'b11; m_addr = 0; m_dout = 0; m_rdd = 0;
        l_we = 0; l_ba = 0; l_be = 0; l_col = 0; l_wd = 0;
    endtask

    function automatic bit m_ready();
        return m_st == S_IDLE && m_tmr == 0 && !m_pend;
    endfunction

    task automatic model_step(input bit i_req, input bit i_we, input logic [21:0] i_addr,
                              input logic [15:0] i_wd, input logic [1:0] i_be, input logic [15:0] i_dq);
        bit free, pend;
        free = (m_tmr == 0);
        pend = m_pend;
        // registered strobes default low, command bus NOP
        m_cmd = C_NOP; m_dqm = 2'b11; m_oe = 0; m_ack = 0; m_rdv = 0;
        if (m_idone && m_refc == 0) m_pend = 1;
        if (m_idone) m_refc = (m_refc == 0) ? REF_INTERVAL - 1 : m_refc - 1;
        if (!free) m_tmr--;
        case (m_st)
            S_PWR: begin
                m_cke = 1;
                if (free) begin
                    m_cmd = C_PRE; m_addr = 12'h400; m_tmr = T_RP - 1; m_icnt = 0; m_st = S_IREF;
                end
            end
            S_IREF: if (free) begin
                m_cmd = C_REF; m_tmr = T_RFC - 1; m_icnt++;
                if (m_icnt == INIT_REFS) m_st = S_IMRS;
            end
            S_IMRS: if (free) begin
                m_cmd = C_MRS; m_ba = 0; m_addr = 12'h220; m_tmr = T_MRD - 1; m_idone = 1; m_st = S_IDLE;
            end
            S_IDLE: if (free) begin
                if (pend) begin
                    m_cmd = C_REF; m_tmr = T_RFC - 1; m_pend = 0;
                end else if (i_req) begin
                    l_we = i_we; l_ba = i_addr[21:20]; l_col = i_addr[7:0]; l_wd = i_wd; l_be = i_be;
                    m_cmd = C_ACT; m_ba = i_addr[21:20]; m_addr = i_addr[19:8];
                    m_tmr = T_RCD - 1; m_ack = 1; m_st = S_ROW;
                end
            end
            S_ROW: if (free) begin
                m_ba = l_ba; m_addr = {4'h4, l_col};
                if (l_we) begin
                    m_cmd = C_WR; m_dout = l_wd; m_oe = 1; m_dqm = ~l_be;
                    m_tmr = T_WR + T_RP - 1; m_st = S_IDLE;
                end else begin
                    m_cmd = C_RD; m_dqm = 2'b00; m_cas = CL; m_st = S_RD;
                end
            end
            S_RD: begin
                if (m_cas == 0) begin
                    m_rdd = i_dq; m_rdv = 1; m_tmr = T_RP - 1; m_st = S_IDLE;
                end else m_cas--;
            end
        endcase
    endtask

    task automatic check_model(input string where);
        if ({sd_cs_n, sd_ras_n, sd_cas_n, sd_we_n} !== m_cmd || sd_cke !== m_cke ||
            sd_ba !== m_ba || sd_addr !== m_addr || sd_dqm !== m_dqm ||
            sd_dq_oe !== m_oe || sd_dq_out !== m_dout)
            fail($sformatf("%s: SDRAM pins cmd=%b cke=%b ba=%0d addr=%03h dqm=%b oe=%b dq=%04h, expected cmd=%b cke=%b ba=%0d addr=%03h dqm=%b oe=%b dq=%04h",
                 where, {sd_cs_n, sd_ras_n, sd_cas_n, sd_we_n}, sd_cke, sd_ba, sd_addr, sd_dqm, sd_dq_oe, sd_dq_out,
                 m_cmd, m_cke, m_ba, m_addr, m_dqm, m_oe, m_dout));
        if (req_ack !== m_ack || rd_valid !== m_rdv || rd_data !== m_rdd || init_done !== m_idone ||
            ready !== m_ready())
            fail($sformatf("%s: host side ack=%b rd_valid=%b rd_data=%04h init_done=%b ready=%b, expected ack=%b rd_valid=%b rd_data=%04h init_done=%b ready=%b",
                 where, req_ack, rd_valid, rd_data, init_done, ready, m_ack, m_rdv, m_rdd, m_idone, m_ready()));
    endtask

    // ==================================================================
    // 2. SDRAM device model
    // ==================================================================
    logic [15:0] mem [logic [21:0]];
    bit          b_open [4];
    logic [11:0] b_row [4];
    int          b_act_at [4], b_free_at [4];
    int          busy_until, dev_cl, last_ref, n_init_ref, reset_at;
    bit          mode_ok, pre_all_seen, in_init;
    logic [15:0] rd_sched [int];

    task automatic dev_reset_seen();
        // the controller restarts its init sequence; the device keeps its contents
        reset_at = cyc; pre_all_seen = 0; n_init_ref = 0; last_ref = -1; in_init = 1;
    endtask

    function automatic bit all_closed();
        return !b_open[0] && !b_open[1] && !b_open[2] && !b_open[3];
    endfunction

    function automatic int all_free_at();
        int t;
        t = 0;
        foreach (b_free_at[i]) if (b_free_at[i] > t) t = b_free_at[i];
        return t;
    endfunction

    task automatic device_cycle();
        logic [3:0]  c;
        logic [21:0] a;
        int          b;
        c = {sd_cs_n, sd_ras_n, sd_cas_n, sd_we_n};
        b = sd_ba;
        if (c[3] || c == C_NOP) return;
        if (sd_cke !== 1'b1) fail("command issued with CKE low");
        if (cyc < busy_until) fail($sformatf("command %b during tRFC / tMRD / tRP window (busy until %0d)", c, busy_until));
        case (c)
            C_PRE: begin
                if (!sd_addr[10]) fail("single-bank PRECHARGE not expected from this controller");
                if (cyc - reset_at < INIT_WAIT) fail($sformatf("PRECHARGE ALL only %0d cycles after reset", cyc - reset_at));
                foreach (b_open[i]) begin
                    b_open[i] = 0;
                    if (b_free_at[i] < cyc + T_RP) b_free_at[i] = cyc + T_RP;
                end
                busy_until = cyc + T_RP;
                pre_all_seen = 1;
            end
            C_REF: begin
                if (!pre_all_seen) fail("REFRESH before the init PRECHARGE ALL");
                if (!all_closed() || cyc < all_free_at()) fail("REFRESH with a bank not precharged");
                if (!in_init && last_ref >= 0 && cyc - last_ref > REF_INTERVAL + 30)
                    fail($sformatf("refresh gap %0d cycles", cyc - last_ref));
                if (in_init) n_init_ref++;
                last_ref = cyc;
                busy_until = cyc + T_RFC;
                n_ref++;
            end
            C_MRS: begin
                if (n_init_ref < INIT_REFS) fail($sformatf("LOAD MODE after only %0d init refreshes", n_init_ref));
                if (!all_closed() || cyc < all_free_at()) fail("LOAD MODE with a bank not precharged");
                if (sd_ba !== 2'b00 || sd_addr[11:10] !== 2'b00 || sd_addr[8:7] !== 2'b00)
                    fail($sformatf("LOAD MODE with reserved bits set: ba=%0d addr=%03h", sd_ba, sd_addr));
                if (sd_addr[2:0] !== 3'b000) fail($sformatf("burst length code %b, expected 1", sd_addr[2:0]));
                dev_cl = sd_addr[6:4];
                if (dev_cl != 2 && dev_cl != 3) fail($sformatf("unsupported CAS latency %0d", dev_cl));
                mode_ok = 1; in_init = 0;
                busy_until = cyc + T_MRD;
            end
            C_ACT: begin
                if (!mode_ok || in_init) fail("ACTIVE before the init sequence completed");
                if (b_open[b]) fail($sformatf("ACTIVE to bank %0d which still has row %03h open", b, b_row[b]));
                if (cyc < b_free_at[b]) fail($sformatf("ACTIVE to bank %0d before precharge completed", b));
                b_open[b] = 1; b_row[b] = sd_addr; b_act_at[b] = cyc;
            end
            C_RD, C_WR: begin
                if (!b_open[b]) fail($sformatf("%s to closed bank %0d", c == C_RD ? "READ" : "WRITE", b));
                if (cyc - b_act_at[b] < T_RCD) fail($sformatf("column command %0d cycles after ACTIVE", cyc - b_act_at[b]));
                if (sd_addr[11] !== 1'b0 || sd_addr[9:8] !== 2'b00) fail($sformatf("column address %03h", sd_addr));
                a = {sd_ba, b_row[b], sd_addr[7:0]};
                if (c == C_WR) begin
                    logic [15:0] old;
                    if (sd_dq_oe !== 1'b1) fail("WRITE without driving DQ");
                    old = mem.exists(a) ? mem[a] : pattern(a);
                    if (!sd_dqm[0]) old[7:0] = sd_dq_out[7:0];
                    if (!sd_dqm[1]) old[15:8] = sd_dq_out[15:8];
                    mem[a] = old;
                end else begin
                    rd_sched[cyc + dev_cl] = mem.exists(a) ? mem[a] : pattern(a);
                    if (sd_dqm !== 2'b00) fail("READ with DQM masking");
                end
                if (sd_addr[10]) begin      // auto precharge
                    b_open[b] = 0;
                    b_free_at[b] = (c == C_WR) ? cyc + T_WR + T_RP : cyc + 1 + T_RP;
                end
            end
            default: fail($sformatf("unexpected command %b", c));
        endcase
    endtask

    // ==================================================================
    // 3. host scoreboard
    // ==================================================================
    logic [15:0] shadow [logic [21:0]];
    logic [15:0] exp_rd [$];
    bit          p_req, p_we;
    logic [21:0] p_addr;
    logic [15:0] p_wd;
    logic [1:0]  p_be;

    task automatic host_cycle();
        if (rd_valid === 1'b1) begin
            if (exp_rd.size() == 0) fail("rd_valid without an outstanding read");
            if (rd_data !== exp_rd[0])
                fail($sformatf("read data %04h, shadow memory says %04h", rd_data, exp_rd[0]));
            void'(exp_rd.pop_front());
        end
        if (req_ack === 1'b1) begin
            // the request that was on the lines in the previous cycle
            if (!p_req) fail("req_ack without a request");
            if (p_we) begin
                logic [15:0] v;
                v = shadow.exists(p_addr) ? shadow[p_addr] : pattern(p_addr);
                if (p_be[0]) v[7:0] = p_wd[7:0];
                if (p_be[1]) v[15:8] = p_wd[15:8];
                shadow[p_addr] = v;
                n_wr++;
            end else begin
                exp_rd.push_back(shadow.exists(p_addr) ? shadow[p_addr] : pattern(p_addr));
                n_rd++;
            end
        end
    endtask

    // ==================================================================
    // cycle driver
    // ==================================================================
    // advance one clock with the host lines as currently driven
    task automatic cycle();
        logic [15:0] dq;
        // data bus for this cycle: device read data if scheduled, else noise
        if (rd_sched.exists(cyc)) begin
            dq = rd_sched[cyc];
            rd_sched.delete(cyc);
        end else dq = rnd();
        sd_dq_in = dq;
        p_req = req; p_we = req_we; p_addr = req_addr; p_wd = req_wdata; p_be = req_be;
        @(posedge clk);
        if (rst) model_reset();
        else model_step(p_req, p_we, p_addr, p_wd, p_be, dq);
        @(negedge clk);
        cyc++;
        check_model("after edge");
        if (!rst) begin
            device_cycle();
            host_cycle();
        end
    endtask

    // host op: hold the request until it is acknowledged
    task automatic host_op(input bit we, input logic [21:0] a, input logic [15:0] d, input logic [1:0] be);
        int guard;
        req = 1'b1; req_we = we; req_addr = a; req_wdata = d; req_be = be;
        guard = 0;
        do begin
            cycle();
            guard++;
            if (guard > 2000) fail("request never acknowledged");
        end while (req_ack !== 1'b1);
        req = 1'b0;
        if (!we) begin
            guard = 0;
            while (exp_rd.size() != 0) begin
                logic [31:0] r;
                r = rnd();
                req_we = r[0]; req_addr = r[31:10];      // noise, req low
                cycle();
                guard++;
                if (guard > 200) fail("read data never returned");
            end
        end
    endtask

    task automatic drain();
        int guard;
        req = 1'b0;
        guard = 0;
        while (!(m_st == S_IDLE && exp_rd.size() == 0)) begin
            cycle();
            guard++;
            if (guard > 500) fail("controller did not return to idle");
        end
    endtask

    task automatic wait_init();
        int guard;
        guard = 0;
        while (init_done !== 1'b1) begin
            logic [31:0] r;
            r = rnd();
            req = r[0]; req_we = r[1]; req_addr = {r[31:12], r[3:2]};   // ignored during init
            cycle();
            guard++;
            if (guard > 400) fail("init_done never rose");
        end
        req = 1'b0;
    endtask

    task automatic async_reset();
        #2 rst = 1'b1;
        #2;
        model_reset();
        check_model("async reset");
        rd_sched.delete();
        @(negedge clk);
        cycle(); cycle();
        rst = 1'b0;
        dev_reset_seen();
    endtask

    // address pool: a few banks / rows / columns so that reads hit written words
    function automatic logic [21:0] pool_addr();
        logic [31:0] r;
        r = rnd();
        return {r[1:0], 10'h0, r[3:2], 5'h0, r[6:4]};
    endfunction

    initial begin
        model_reset();
        foreach (b_open[i]) begin b_open[i] = 1; b_row[i] = '0; b_act_at[i] = 0; b_free_at[i] = 0; end
        busy_until = 0; dev_cl = 0; mode_ok = 0;
        req = 1'b1; req_addr = 22'h12345;        // held in reset: ignored
        cycle(); cycle(); cycle();
        rst = 1'b0;
        dev_reset_seen();
        wait_init();

        // directed: write / read back, byte enables, all banks
        host_op(1, 22'h0_000_00, 16'hA5A5, 2'b11);
        host_op(0, 22'h0_000_00, 16'h0, 2'b00);
        host_op(1, 22'h1_ABC_12, 16'h1234, 2'b11);
        host_op(1, 22'h2_ABC_12, 16'h5678, 2'b11);
        host_op(1, 22'h3_FFF_FF, 16'h9ABC, 2'b11);
        host_op(0, 22'h1_ABC_12, 16'h0, 2'b00);
        host_op(0, 22'h3_FFF_FF, 16'h0, 2'b00);
        host_op(1, 22'h2_ABC_12, 16'hFF00, 2'b01);   // low byte only
        host_op(0, 22'h2_ABC_12, 16'h0, 2'b00);
        host_op(1, 22'h2_ABC_12, 16'h00EE, 2'b10);   // high byte only
        host_op(0, 22'h2_ABC_12, 16'h0, 2'b00);
        host_op(0, 22'h0_123_45, 16'h0, 2'b00);      // never written
        // back-to-back requests, req held high
        for (int k = 0; k < 40; k++) begin
            logic [31:0] r;
            r = rnd();
            host_op(r[0], pool_addr(), r[31:16], r[9:8]);
        end

        // idle long enough for several refreshes
        drain();
        repeat (3 * REF_INTERVAL) cycle();

        // random host traffic with gaps
        for (int k = 0; k < 700; k++) begin
            logic [31:0] r;
            r = rnd();
            host_op(r[0], (r[7:4] == 0) ? r[31:10] : pool_addr(), r[31:16], r[9:8]);
            repeat (r[12:11] == 0 ? r[15:13] : 0) cycle();
            if (k == 350) begin
                drain();
                repeat (r[15:13]) cycle();
                async_reset();
                wait_init();
            end
        end
        drain();

        // request lines changing every cycle, like random stimulus
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = rnd();
            req = r[0] | r[1]; req_we = r[2];
            req_addr = r[3] ? pool_addr() : {r[31:12], r[5:4]};
            req_wdata = r[31:16]; req_be = r[9:8];
            cycle();
        end
        drain();
        if (n_ref < 20 || n_wr < 100 || n_rd < 100) fail($sformatf("too little traffic: %0d refreshes, %0d writes, %0d reads", n_ref, n_wr, n_rd));
        $display("PASS (%0d writes, %0d reads, %0d refreshes, %0d cycles)", n_wr, n_rd, n_ref, cyc);
        $finish;
    end
endmodule
