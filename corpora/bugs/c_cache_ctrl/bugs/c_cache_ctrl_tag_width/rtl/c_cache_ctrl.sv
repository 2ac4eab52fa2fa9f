// c_cache_ctrl.sv
//
// Direct-mapped, write-back / write-allocate cache controller.
//
//   geometry   16 lines x 4 words x 32 bit; the CPU address is a 16-bit word
//              address split as { tag[15:6], index[5:2], offset[1:0] }
//   uncached   tag 10'h3FF (the top 64 words, the I/O window) bypasses the
//              cache: one single-word memory access with the CPU byte enables
//   cpu side   cpu_req is looked at only in IDLE. The request (address, write
//              enable, byte enables, write data) is captured there, so the
//              CPU-side inputs are don't-care until cpu_ready pulses.
//              cpu_rdata holds the last read word.
//   mem side   one word per transaction. A transaction is offered on mem_req
//              (with mem_we / mem_be / mem_addr / mem_wdata) and is taken at a
//              clock edge where mem_gnt is high. A read returns its word later
//              with mem_rvalid; only one read is ever outstanding. mem_gnt and
//              mem_rvalid outside those windows are ignored.
//   flush      flush_req (taken in IDLE when there is no cpu_req) walks all
//              lines, writes every dirty one back and cleans it; flush_done
//              pulses at the end of the walk.
//   stats      stat_hits / stat_misses count cached accesses, stat_wbacks
//              counts dirty lines written back (evictions and flushes).

module c_cache_ctrl (
    input  logic        clk,
    input  logic        rst_n,

    // CPU side
    input  logic        cpu_req,
    input  logic        cpu_we,
    input  logic [3:0]  cpu_be,
    input  logic [15:0] cpu_addr,
    input  logic [31:0] cpu_wdata,
    output logic        cpu_ready,
    output logic [31:0] cpu_rdata,
    output logic        cpu_busy,

    input  logic        flush_req,
    output logic        flush_done,

    // memory side
    output logic        mem_req,
    output logic        mem_we,
    output logic [3:0]  mem_be,
    output logic [15:0] mem_addr,
    output logic [31:0] mem_wdata,
    input  logic        mem_gnt,
    input  logic        mem_rvalid,
    input  logic [31:0] mem_rdata,

    // statistics
    output logic [15:0] stat_hits,
    output logic [15:0] stat_misses,
    output logic [15:0] stat_wbacks
);

    localparam int AW    = 16;                    // CPU / memory word address
    localparam int OFF_W = 2;                     // word within the line
    localparam int IDX_W = 4;                     // line index
    localparam int TAG_W = AW - IDX_W - OFF_W - 1;
    localparam int LINES = 1 << IDX_W;
    localparam int WORDS = 1 << OFF_W;

    localparam [3:0] S_IDLE    = 4'd0,
                     S_LOOKUP  = 4'd1,
                     S_WB      = 4'd2,    // evict: write the victim line back
                     S_RF_REQ  = 4'd3,    // refill: offer one word read
                     S_RF_WAIT = 4'd4,    // refill: wait for its data
                     S_FL_SCAN = 4'd5,    // flush: look at line fl_idx
                     S_FL_WB   = 4'd6,    // flush: write line fl_idx back
                     S_UC_REQ  = 4'd7,    // uncached: offer the access
                     S_UC_WAIT = 4'd8;    // uncached: wait for read data

    localparam [1:0] LAST_BEAT = 2'd3;
    localparam [TAG_W-1:0] UC_TAG = {TAG_W{1'b1}};

    // ---------------------------------------------------------------- storage
    logic [TAG_W-1:0]  tag_q  [0:LINES-1];
    logic [LINES-1:0]  valid_q;
    logic [LINES-1:0]  dirty_q;
    logic [31:0]       data_q [0:LINES*WORDS-1];

    // ------------------------------------------------------ captured request
    logic [AW-1:0]    req_addr_q;
    logic             req_we_q;
    logic [3:0]       req_be_q;
    logic [31:0]      req_wdata_q;
    logic             refilled_q;    // the LOOKUP after a refill is not a new hit

    logic [3:0]       state_q, state_d;
    logic [OFF_W-1:0] beat_q;
    logic [IDX_W-1:0] fl_idx_q;

    // ------------------------------------------------------ address decoding
    logic [TAG_W-1:0] req_tag;
    logic [IDX_W-1:0] req_idx;
    logic [OFF_W-1:0] req_off;
    logic             uncached;
    logic             hit;
    logic             victim_dirty;
    logic [31:0]      hit_word;
    logic [31:0]      merged_word;

    assign req_tag  = req_addr_q[AW-1 -: TAG_W];
    assign req_idx  = req_addr_q[OFF_W +: IDX_W];
    assign req_off  = req_addr_q[OFF_W-1:0];
    assign uncached = (req_tag == UC_TAG);

    assign hit          = valid_q[req_idx] && (tag_q[req_idx] == req_tag);
    assign victim_dirty = valid_q[req_idx] && dirty_q[req_idx];
    assign hit_word     = data_q[{req_idx, req_off}];

    // byte-lane merge of the CPU write data into the cached word
    always_comb begin
        merged_word = hit_word;
        for (int i = 0; i < 4; i++) begin
            if (req_be_q[i])
                merged_word[8*i +: 8] = req_wdata_q[8*i +: 8];
        end
    end

    assign cpu_busy = (state_q != S_IDLE);

    // --------------------------------------- next state and memory interface
    always_comb begin
        state_d   = state_q;
        mem_req   = 1'b0;
        mem_we    = 1'b0;
        mem_be    = 4'h0;
        mem_addr  = 16'h0000;
        mem_wdata = 32'h0000_0000;

        case (state_q)
            S_IDLE: begin
                if (cpu_req)
                    state_d = S_LOOKUP;
                else if (flush_req)
                    state_d = S_FL_SCAN;
            end

            S_LOOKUP: begin
                if (uncached)
                    state_d = S_UC_REQ;
                else if (hit)
                    state_d = S_IDLE;
                else if (victim_dirty)
                    state_d = S_WB;
                else
                    state_d = S_RF_REQ;
            end

            S_WB: begin
                mem_req   = 1'b1;
                mem_we    = 1'b1;
                mem_be    = 4'hF;
                mem_addr  = {tag_q[req_idx], req_idx, beat_q};
                mem_wdata = data_q[{req_idx, beat_q}];
                if (mem_gnt && beat_q == LAST_BEAT)
                    state_d = S_RF_REQ;
            end

            S_RF_REQ: begin
                mem_req  = 1'b1;
                mem_be   = 4'hF;
                mem_addr = {req_tag, req_idx, beat_q};
                if (mem_gnt)
                    state_d = S_RF_WAIT;
            end

            S_RF_WAIT: begin
                if (mem_rvalid)
                    state_d = (beat_q == LAST_BEAT) ? S_LOOKUP : S_RF_REQ;
            end

            S_FL_SCAN: begin
                if (valid_q[fl_idx_q] && dirty_q[fl_idx_q])
                    state_d = S_FL_WB;
                else if (fl_idx_q == 4'(LINES - 1))
                    state_d = S_IDLE;
            end

            S_FL_WB: begin
                mem_req   = 1'b1;
                mem_we    = 1'b1;
                mem_be    = 4'hF;
                mem_addr  = {tag_q[fl_idx_q], fl_idx_q, beat_q};
                mem_wdata = data_q[{fl_idx_q, beat_q}];
                if (mem_gnt && beat_q == LAST_BEAT)
                    state_d = S_FL_SCAN;
            end

            S_UC_REQ: begin
                mem_req   = 1'b1;
                mem_we    = req_we_q;
                mem_be    = req_be_q;
                mem_addr  = req_addr_q;
                mem_wdata = req_wdata_q;
                if (mem_gnt)
                    state_d = req_we_q ? S_IDLE : S_UC_WAIT;
            end

            S_UC_WAIT: begin
                if (mem_rvalid)
                    state_d = S_IDLE;
            end

            default: state_d = S_IDLE;
        endcase
    end

    // ------------------------------------------------------- control registers
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state_q     <= S_IDLE;
            beat_q      <= 2'd0;
            fl_idx_q    <= 4'd0;
            req_addr_q  <= 16'h0000;
            req_we_q    <= 1'b0;
            req_be_q    <= 4'h0;
            req_wdata_q <= 32'h0;
            refilled_q  <= 1'b0;
            cpu_ready   <= 1'b0;
            cpu_rdata   <= 32'h0;
            flush_done  <= 1'b0;
        end else begin
            state_q    <= state_d;
            cpu_ready  <= 1'b0;
            flush_done <= 1'b0;

            case (state_q)
                S_IDLE: begin
                    if (cpu_req) begin
                        req_addr_q  <= cpu_addr;
                        req_we_q    <= cpu_we;
                        req_be_q    <= cpu_be;
                        req_wdata_q <= cpu_wdata;
                        refilled_q  <= 1'b0;
                    end else if (flush_req) begin
                        fl_idx_q <= 4'd0;
                    end
                end

                S_LOOKUP: begin
                    beat_q <= 2'd0;
                    if (!uncached && hit) begin
                        cpu_ready <= 1'b1;
                        if (!req_we_q)
                            cpu_rdata <= hit_word;
                    end
                end

                S_WB: begin
                    if (mem_gnt)
                        beat_q <= beat_q + 2'd1;     // wraps to 0 after the last beat
                end

                S_RF_WAIT: begin
                    if (mem_rvalid) begin
                        beat_q <= beat_q + 2'd1;
                        if (beat_q == LAST_BEAT)
                            refilled_q <= 1'b1;
                    end
                end

                S_FL_SCAN: begin
                    beat_q <= 2'd0;
                    if (!(valid_q[fl_idx_q] && dirty_q[fl_idx_q])) begin
                        if (fl_idx_q == 4'(LINES - 1))
                            flush_done <= 1'b1;
                        else
                            fl_idx_q <= fl_idx_q + 4'd1;
                    end
                end

                S_FL_WB: begin
                    if (mem_gnt)
                        beat_q <= beat_q + 2'd1;
                end

                S_UC_REQ: begin
                    if (mem_gnt && req_we_q)
                        cpu_ready <= 1'b1;
                end

                S_UC_WAIT: begin
                    if (mem_rvalid) begin
                        cpu_rdata <= mem_rdata;
                        cpu_ready <= 1'b1;
                    end
                end

                default: ;
            endcase
        end
    end

    // ---------------------------------------------- tag / valid / dirty arrays
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            valid_q <= '0;
            dirty_q <= '0;
            for (int i = 0; i < LINES; i++)
                tag_q[i] <= '0;
        end else begin
            if (state_q == S_LOOKUP && !uncached && hit && req_we_q)
                dirty_q[req_idx] <= 1'b1;

            if (state_q == S_RF_WAIT && mem_rvalid && beat_q == LAST_BEAT) begin
                tag_q[req_idx]   <= req_tag;
                valid_q[req_idx] <= 1'b1;
                dirty_q[req_idx] <= 1'b0;
            end

            if (state_q == S_FL_WB && mem_gnt && beat_q == LAST_BEAT)
                dirty_q[fl_idx_q] <= 1'b0;
        end
    end

    // ------------------------------------------------------------- data array
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (int i = 0; i < LINES*WORDS; i++)
                data_q[i] <= 32'h0;
        end else begin
            if (state_q == S_LOOKUP && !uncached && hit && req_we_q)
                data_q[{req_idx, req_off}] <= merged_word;

            if (state_q == S_RF_WAIT && mem_rvalid)
                data_q[{req_idx, beat_q}] <= mem_rdata;
        end
    end

    // ------------------------------------------------------------- statistics
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            stat_hits   <= 16'd0;
            stat_misses <= 16'd0;
            stat_wbacks <= 16'd0;
        end else begin
            if (state_q == S_LOOKUP && !uncached) begin
                if (hit && !refilled_q)
                    stat_hits <= stat_hits + 16'd1;
                if (!hit)
                    stat_misses <= stat_misses + 16'd1;
                if (!hit && victim_dirty)
                    stat_wbacks <= stat_wbacks + 16'd1;
            end

            if (state_q == S_FL_SCAN && valid_q[fl_idx_q] && dirty_q[fl_idx_q])
                stat_wbacks <= stat_wbacks + 16'd1;
        end
    end

endmodule
