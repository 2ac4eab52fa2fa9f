// a_sdram_ctrl.v -- simplified SDRAM controller
//
// Drives one x16 SDR SDRAM (4 banks, 4096 rows, 256 columns) with single-word
// accesses. Every read and write opens the row, issues the column command
// with auto precharge and lets the bank close again, so no row is ever left
// open between accesses (closed-page policy).
//
// Power-up sequence
//   1. hold CKE high and issue NOPs for INIT_WAIT cycles
//   2. PRECHARGE ALL, wait tRP
//   3. INIT_REFS x AUTO REFRESH, tRFC after each
//   4. LOAD MODE REGISTER (burst length 1, sequential, CAS latency CAS_LAT,
//      single-location writes), wait tMRD; init_done goes high
//
// After init a refresh timer raises a refresh request every REF_INTERVAL
// cycles. The request is served (AUTO REFRESH) the next time the controller
// is idle, before any new host request.
//
// Host interface
//   req / req_we / req_addr / req_wdata / req_be are sampled when the
//   controller is idle and its timer has expired; the cycle after that
//   req_ack is high for one cycle (together with the ACTIVATE command).
//   The host may change its request lines at any time before that.
//   Reads return rd_data with a one-cycle rd_valid pulse.
//   req_addr = {bank[1:0], row[11:0], column[7:0]}.
//
// Two-process style: one combinational block computes the next value of
// every register, the sequential blocks only load them. All SDRAM pins are
// driven from registers. Reset is asynchronous, active high. The sequential
// blocks use `<= #1` so that waveforms show the clock-to-q delay.

`define SD_CMD_INHIBIT  4'b1111     // {cs_n, ras_n, cas_n, we_n}
`define SD_CMD_NOP      4'b0111
`define SD_CMD_ACTIVE   4'b0011
`define SD_CMD_READ     4'b0101
`define SD_CMD_WRITE    4'b0100
`define SD_CMD_PRECHG   4'b0010
`define SD_CMD_REFRESH  4'b0001
`define SD_CMD_LOADMODE 4'b0000

// fields of the host address
`define ADDR_BANK       21:20
`define ADDR_ROW        19:8
`define ADDR_COL        7:0

module a_sdram_ctrl(clk, rst,
                    req, req_we, req_addr, req_wdata, req_be,
                    req_ack, rd_valid, rd_data, init_done, ready,
                    sd_cke, sd_cs_n, sd_ras_n, sd_cas_n, sd_we_n,
                    sd_ba, sd_addr, sd_dqm, sd_dq_out, sd_dq_oe, sd_dq_in);

    input         clk;
    input         rst;          // asynchronous, active high

    // host side
    input         req;          // request pending
    input         req_we;       // 1: write, 0: read
    input  [21:0] req_addr;     // {bank, row, column}
    input  [15:0] req_wdata;    // write data
    input  [1:0]  req_be;       // write byte enables (1 = write that byte)
    output        req_ack;      // request taken (one cycle)
    output        rd_valid;     // read data valid (one cycle)
    output [15:0] rd_data;      // read data, held until the next read
    output        init_done;    // power-up sequence complete
    output        ready;        // a request would be taken in this cycle

    // SDRAM side
    output        sd_cke;       // clock enable
    output        sd_cs_n;      // chip select
    output        sd_ras_n;     // row address strobe
    output        sd_cas_n;     // column address strobe
    output        sd_we_n;      // write enable
    output [1:0]  sd_ba;        // bank address
    output [11:0] sd_addr;      // row / column / mode address
    output [1:0]  sd_dqm;       // data mask, 1 = masked
    output [15:0] sd_dq_out;    // write data (tri-state buffer outside)
    output        sd_dq_oe;     // drive sd_dq_out on the DQ pins
    input  [15:0] sd_dq_in;     // read data from the DQ pins

    reg           req_ack;
    reg           rd_valid;
    reg    [15:0] rd_data;
    reg           init_done;
    reg           sd_cke;
    reg    [1:0]  sd_ba;
    reg    [11:0] sd_addr;
    reg    [1:0]  sd_dqm;
    reg    [15:0] sd_dq_out;
    reg           sd_dq_oe;

    // ------------------------------------------------------------------
    // timing, in clock cycles (shortened power-up and refresh interval so
    // that a simulation reaches normal operation quickly)
    // ------------------------------------------------------------------
    localparam [15:0] INIT_WAIT    = 16'd100;  // power-up NOP time
    localparam [3:0]  INIT_REFS    = 4'd8;     // refreshes during init
    localparam [15:0] T_RP         = 16'd3;    // PRECHARGE to next command
    localparam [15:0] T_RFC        = 16'd9;    // REFRESH to next command
    localparam [15:0] T_MRD        = 16'd2;    // LOAD MODE to next command
    localparam [15:0] T_RCD        = 16'd3;    // ACTIVE to READ / WRITE
    localparam [15:0] T_WR         = 16'd2;    // write recovery before precharge
    localparam [2:0]  CAS_LAT      = 3'd2;
    localparam [9:0]  REF_INTERVAL = 10'd300;  // cycles between refreshes

    // address bit 10: "all banks" for PRECHARGE, auto precharge for READ/WRITE
    localparam [11:0] A10_AP       = 12'b0100_0000_0000;

    // mode register: A9 single-location writes, CAS latency, sequential, BL = 1
    localparam [11:0] MODE_REG     = {2'b00, 1'b1, 2'b00, CAS_LAT, 1'b0, 3'b000};

    // controller states
    localparam [2:0] ST_POWERUP  = 3'd0,
                     ST_INIT_REF = 3'd1,
                     ST_INIT_MRS = 3'd2,
                     ST_IDLE     = 3'd3,
                     ST_ROW_OPEN = 3'd4,
                     ST_READ     = 3'd5;

    // registers
    reg  [2:0]  state;
    reg  [15:0] tmr;            // counts down to zero: wait before next command
    reg  [3:0]  init_cnt;       // refreshes issued during init
    reg  [2:0]  cas_cnt;        // cycles until read data is on the bus
    reg  [3:0]  cmd;            // {cs_n, ras_n, cas_n, we_n}
    reg  [9:0]  ref_cnt;
    reg         ref_pending;

    // latched host request
    reg         lat_we;
    reg  [1:0]  lat_ba;
    reg  [7:0]  lat_col;
    reg  [15:0] lat_wdata;
    reg  [1:0]  lat_be;

    // next values
    reg  [2:0]  state_nxt;
    reg  [15:0] tmr_nxt;
    reg  [3:0]  init_cnt_nxt;
    reg  [2:0]  cas_cnt_nxt;
    reg  [3:0]  cmd_nxt;
    reg         cke_nxt;
    reg  [1:0]  ba_nxt;
    reg  [11:0] addr_nxt;
    reg  [1:0]  dqm_nxt;
    reg  [15:0] dq_out_nxt;
    reg         dq_oe_nxt;
    reg         init_done_nxt;
    reg         ref_pending_nxt;
    reg         ack_nxt;
    reg         rd_valid_nxt;
    reg  [15:0] rd_data_nxt;
    reg         lat_load;

    wire        tmr_done = !tmr;
    wire        ref_tick = init_done && (ref_cnt == 10'd0);

    assign {sd_cs_n, sd_ras_n, sd_cas_n, sd_we_n} = cmd;

    assign ready = (state == ST_IDLE) && tmr_done && !ref_pending;

    // ------------------------------------------------------------------
    // refresh interval timer: runs once the init sequence is complete
    // ------------------------------------------------------------------
    always @(posedge clk or posedge rst) begin
        if (rst) begin
            ref_cnt <= #1 REF_INTERVAL - 10'd1;
        end else if (init_done) begin
            if (ref_cnt == 10'd0)
                ref_cnt <= #1 REF_INTERVAL - 10'd1;
            else
                ref_cnt <= #1 ref_cnt - 10'd1;
        end
    end

    // ------------------------------------------------------------------
    // next-state and output logic
    // ------------------------------------------------------------------
    always @(*) begin
        // defaults: hold, NOP on the command bus, strobes low
        state_nxt       = state;
        tmr_nxt         = tmr_done ? tmr : tmr - 16'd1;
        init_cnt_nxt    = init_cnt;
        cas_cnt_nxt     = cas_cnt;
        cmd_nxt         = `SD_CMD_NOP;
        cke_nxt         = sd_cke;
        ba_nxt          = sd_ba;
        addr_nxt        = sd_addr;
        dqm_nxt         = 2'b11;
        dq_out_nxt      = sd_dq_out;
        dq_oe_nxt       = 1'b0;
        init_done_nxt   = init_done;
        ref_pending_nxt = ref_pending | ref_tick;
        ack_nxt         = 1'b0;
        rd_valid_nxt    = 1'b0;
        rd_data_nxt     = rd_data;
        lat_load        = 1'b0;

        case (state)
            // CKE up, NOPs until the power-up time has passed
            ST_POWERUP: begin
                cke_nxt = 1'b1;
                if (tmr_done) begin
                    cmd_nxt      = `SD_CMD_PRECHG;
                    addr_nxt     = A10_AP;                  // all banks
                    tmr_nxt      = T_RP - 16'd1;
                    init_cnt_nxt = 4'd0;
                    state_nxt    = ST_INIT_REF;
                end
            end

            ST_INIT_REF: begin
                if (tmr_done) begin
                    cmd_nxt      = `SD_CMD_REFRESH;
                    tmr_nxt      = T_RFC - 16'd1;
                    init_cnt_nxt = init_cnt + 4'd1;
                    if (init_cnt == INIT_REFS - 4'd1)
                        state_nxt = ST_INIT_MRS;
                end
            end

            ST_INIT_MRS: begin
                if (tmr_done) begin
                    cmd_nxt       = `SD_CMD_LOADMODE;
                    ba_nxt        = 2'b00;
                    addr_nxt      = MODE_REG;
                    tmr_nxt       = T_MRD - 16'd1;
                    init_done_nxt = 1'b1;
                    state_nxt     = ST_IDLE;
                end
            end

            // refresh first, then host requests
            ST_IDLE: begin
                if (tmr_done) begin
                    if (ref_pending) begin
                        cmd_nxt         = `SD_CMD_REFRESH;
                        tmr_nxt         = T_RFC - 16'd1;
                    end else if (req) begin
                        lat_load  = 1'b1;
                        cmd_nxt   = `SD_CMD_ACTIVE;
                        ba_nxt    = req_addr[`ADDR_BANK];
                        addr_nxt  = req_addr[`ADDR_ROW];
                        tmr_nxt   = T_RCD - 16'd1;
                        ack_nxt   = 1'b1;
                        state_nxt = ST_ROW_OPEN;
                    end
                end
            end

            // row is open: column command with auto precharge
            ST_ROW_OPEN: begin
                if (tmr_done) begin
                    ba_nxt   = lat_ba;
                    addr_nxt = A10_AP | {4'h0, lat_col};
                    if (lat_we) begin
                        cmd_nxt    = `SD_CMD_WRITE;
                        dq_out_nxt = lat_wdata;
                        dq_oe_nxt  = 1'b1;
                        dqm_nxt    = ~lat_be;
                        tmr_nxt    = T_WR + T_RP - 16'd1;
                        state_nxt  = ST_IDLE;
                    end else begin
                        cmd_nxt     = `SD_CMD_READ;
                        dqm_nxt     = 2'b00;
                        cas_cnt_nxt = CAS_LAT;
                        state_nxt   = ST_READ;
                    end
                end
            end

            // wait for the CAS latency, capture the word
            ST_READ: begin
                if (cas_cnt == 3'd0) begin
                    rd_data_nxt  = sd_dq_in;
                    rd_valid_nxt = 1'b1;
                    tmr_nxt      = T_RP - 16'd1;
                    state_nxt    = ST_IDLE;
                end else begin
                    cas_cnt_nxt = cas_cnt - 3'd1;
                end
            end

            default: begin
                state_nxt = ST_IDLE;
            end
        endcase
    end

    // ------------------------------------------------------------------
    // controller registers
    // ------------------------------------------------------------------
    always @(posedge clk or posedge rst) begin
        if (rst) begin
            state       <= #1 ST_POWERUP;
            tmr         <= #1 INIT_WAIT - 16'd1;
            init_cnt    <= #1 4'd0;
            cas_cnt     <= #1 3'd0;
            cmd         <= #1 `SD_CMD_INHIBIT;
            sd_cke      <= #1 1'b0;
            sd_ba       <= #1 2'b00;
            sd_addr     <= #1 12'h000;
            sd_dqm      <= #1 2'b11;
            sd_dq_out   <= #1 16'h0000;
            sd_dq_oe    <= #1 1'b0;
            init_done   <= #1 1'b0;
            ref_pending <= #1 1'b0;
            req_ack     <= #1 1'b0;
            rd_valid    <= #1 1'b0;
            rd_data     <= #1 16'h0000;
        end else begin
            state       <= #1 state_nxt;
            tmr         <= #1 tmr_nxt;
            init_cnt    <= #1 init_cnt_nxt;
            cas_cnt     <= #1 cas_cnt_nxt;
            cmd         <= #1 cmd_nxt;
            sd_cke      <= #1 cke_nxt;
            sd_ba       <= #1 ba_nxt;
            sd_addr     <= #1 addr_nxt;
            sd_dqm      <= #1 dqm_nxt;
            sd_dq_out   <= #1 dq_out_nxt;
            sd_dq_oe    <= #1 dq_oe_nxt;
            init_done   <= #1 init_done_nxt;
            ref_pending <= #1 ref_pending_nxt;
            req_ack     <= #1 ack_nxt;
            rd_valid    <= #1 rd_valid_nxt;
            rd_data     <= #1 rd_data_nxt;
        end
    end

    // request latch: loaded when the ACTIVE command is issued
    always @(posedge clk or posedge rst) begin
        if (rst) begin
            lat_we    <= #1 1'b0;
            lat_ba    <= #1 2'b00;
            lat_col   <= #1 8'h00;
            lat_wdata <= #1 16'h0000;
            lat_be    <= #1 2'b00;
        end else if (lat_load) begin
            lat_we    <= #1 req_we;
            lat_ba    <= #1 req_addr[`ADDR_BANK];
            lat_col   <= #1 req_addr[`ADDR_COL];
            lat_wdata <= #1 req_wdata;
            lat_be    <= #1 req_be;
        end
    end

endmodule
