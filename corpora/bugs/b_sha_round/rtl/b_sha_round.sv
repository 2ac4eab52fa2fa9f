// b_sha_round: iterative SHA-2 style compression core (simplified variant).
//
// Operation
//   * While idle, every msg_valid shifts msg_word into a 16-word message
//     window (the first word loaded ends up in w[0]).  words counts the
//     words loaded so far and saturates at 16; block_ready = (words == 16).
//   * init (idle only) reloads the chaining state with the IV and clears
//     the block counter.
//   * start while idle with a full window begins a compression: the
//     working variables a..h are loaded from the chaining state and one
//     round runs per clock for ROUNDS clocks.  The window doubles as the
//     message schedule: each round consumes w[0] and appends a new word
//     computed from w[0], w[1], w[9] and w[14].
//   * After the last round a FINAL cycle adds a..h back into the chaining
//     state (feed-forward) and done pulses for one clock afterwards.
//   * start / init / msg_valid while busy are ignored.
//   * msg_le = 1 marks msg_word as little-endian: its bytes are swapped
//     before it enters the window.
//   * sched_word shows the oldest window word, i.e. the schedule word W[t]
//     consumed by the current round while busy.
//   * short_mode, sampled with start, selects ROUNDS_SHORT rounds instead
//     of ROUNDS for that block.
//
// The round constant of round t is a table word selected by t[3:0] and
// rotated right by 8*t[5:4] bits, so that each block of 16 rounds uses a
// different rotation of the same table.
module b_sha_round #(
    parameter int ROUNDS       = 48,       // rounds per block (<= 64)
    parameter int ROUNDS_SHORT = 32,       // rounds per block in short mode
    parameter int RW           = 6         // round counter width
) (
    input  logic          clk,
    input  logic          rst_n,           // asynchronous, active low
    input  logic          init,            // reload IV (idle only)
    input  logic          msg_valid,       // shift msg_word into the window
    input  logic [31:0]   msg_word,
    input  logic          msg_le,          // msg_word is little-endian
    input  logic          start,           // begin a compression
    input  logic          short_mode,      // ROUNDS_SHORT rounds (with start)
    input  logic [2:0]    dig_sel,         // digest word select
    output logic          busy,
    output logic          done,            // one-cycle pulse, digest updated
    output logic          block_ready,     // 16 message words loaded
    output logic [4:0]    words,           // words loaded (0..16)
    output logic [RW-1:0] round_o,         // rounds completed in this block
    output logic [7:0]    blocks,          // blocks compressed since init
    output logic [31:0]   dig_word,        // chaining word dig_sel
    output logic [31:0]   sched_word,      // w[0]: schedule word of this round
    output logic [255:0]  digest           // {H0, H1, ..., H7}
);

    // ------------------------------------------------------------------
    // FSM encoding
    // ------------------------------------------------------------------
    localparam logic [1:0] S_IDLE  = 2'd0;
    localparam logic [1:0] S_ROUND = 2'd1;
    localparam logic [1:0] S_FINAL = 2'd2;

    localparam logic [4:0] WORDS_PER_BLOCK = 5'd16;

    // ------------------------------------------------------------------
    // Initial chaining value
    // ------------------------------------------------------------------
    localparam logic [31:0] IV0 = 32'h6A1F_3C05;
    localparam logic [31:0] IV1 = 32'hB2E4_9D71;
    localparam logic [31:0] IV2 = 32'h3C6E_F0A8;
    localparam logic [31:0] IV3 = 32'hA54F_12D9;
    localparam logic [31:0] IV4 = 32'h510E_827F;
    localparam logic [31:0] IV5 = 32'h9B05_6C3E;
    localparam logic [31:0] IV6 = 32'h1F83_D9AB;
    localparam logic [31:0] IV7 = 32'h5BE0_CD19;

    // ------------------------------------------------------------------
    // Helper functions (pure)
    // ------------------------------------------------------------------
    function automatic logic [31:0] rotr(input logic [31:0] x, input int n);
        return (x >> n) | (x << (32 - n));
    endfunction

    // "big" sigma functions used by the compression rounds
    function automatic logic [31:0] bsig0(input logic [31:0] x);
        return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22);
    endfunction

    function automatic logic [31:0] bsig1(input logic [31:0] x);
        return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25);
    endfunction

    // "small" sigma functions used by the message schedule
    function automatic logic [31:0] ssig0(input logic [31:0] x);
        return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3);
    endfunction

    function automatic logic [31:0] ssig1(input logic [31:0] x);
        return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10);
    endfunction

    // byte swap for little-endian message words
    function automatic logic [31:0] bswap32(input logic [31:0] x);
        return {x[7:0], x[15:8], x[23:16], x[31:24]};
    endfunction

    // round constant table, 16 entries
    function automatic logic [31:0] ktab(input logic [3:0] i);
        logic [31:0] k;
        case (i)
            4'h0: k = 32'h4A09_E667;
            4'h1: k = 32'h71C4_2F98;
            4'h2: k = 32'hB5C0_FBCF;
            4'h3: k = 32'hE9B5_DBA5;
            4'h4: k = 32'h3956_C25B;
            4'h5: k = 32'h59F1_11F1;
            4'h6: k = 32'h923F_82A4;
            4'h7: k = 32'hAB1C_5ED5;
            4'h8: k = 32'hD807_AA98;
            4'h9: k = 32'h1283_5B01;
            4'hA: k = 32'h2431_85BE;
            4'hB: k = 32'h550C_7DC3;
            4'hC: k = 32'h72BE_5D74;
            4'hD: k = 32'h80DE_B1FE;
            4'hE: k = 32'h9BDC_06A7;
            default: k = 32'hC19B_F174;
        endcase
        return k;
    endfunction

    function automatic logic [31:0] kconst(input logic [RW-1:0] t);
        return rotr(ktab(t[3:0]), {t[5:4], 3'b000});
    endfunction

    // ------------------------------------------------------------------
    // State
    // ------------------------------------------------------------------
    logic [1:0]    state;
    logic [RW-1:0] round;
    logic          short_q;                // short mode of the running block
    logic [31:0]   hs [8];                 // chaining state H0..H7
    logic [31:0]   va, vb, vc, vd, ve, vf, vg, vh;   // working variables
    logic [31:0]   w  [16];                // message window / schedule

    // ------------------------------------------------------------------
    // Control decode
    // ------------------------------------------------------------------
    logic          idle, accept, load_word, shift_en, last_round;
    logic [RW-1:0] round_lim;
    logic [31:0]   msg_in;

    assign idle        = (state == S_IDLE);
    assign block_ready = (words == WORDS_PER_BLOCK);
    assign accept      = idle && start && block_ready;
    assign load_word   = idle && msg_valid && !accept;
    assign shift_en    = load_word || (state == S_ROUND);
    assign round_lim   = short_q ? RW'(ROUNDS_SHORT - 1) : RW'(ROUNDS - 1);
    assign last_round  = (round == round_lim);
    assign msg_in      = msg_le ? bswap32(msg_word) : msg_word;

    // ------------------------------------------------------------------
    // Round datapath
    // ------------------------------------------------------------------
    logic [31:0] kt, wt, ch, maj, t1, t2, w_next, w_in;

    always_comb begin
        kt     = kconst(round);
        wt     = w[0];
        ch     = (ve & vf) ^ (~ve & vg);
        maj    = (va & vb) ^ (va & vc) ^ (vb & vc);
        t1     = vh + bsig1(ve) + ch + kt + wt;
        t2     = bsig0(va) + maj;
        w_next = ssig1(w[14]) + w[9] + ssig0(w[1]) + w[0];
    end

    // new word entering the top of the window: a message word while
    // loading, a schedule word while the rounds run
    assign w_in = (state == S_ROUND) ? w_next : msg_in;

    // ------------------------------------------------------------------
    // Message window: a 16-stage shift register
    // ------------------------------------------------------------------
    genvar gi;
    generate
        for (gi = 0; gi < 15; gi++) begin : g_win
            always_ff @(posedge clk or negedge rst_n) begin
                if (!rst_n)
                    w[gi] <= 32'h0;
                else if (shift_en)
                    w[gi] <= w[gi + 1];
            end
        end
    endgenerate

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            w[15] <= 32'h0;
        else if (shift_en)
            w[15] <= w_in;
    end

    // ------------------------------------------------------------------
    // Word counter
    // ------------------------------------------------------------------
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            words <= 5'd0;
        end else if (accept) begin
            words <= 5'd0;
        end else if (load_word && !block_ready) begin
            words <= words + 5'd1;
        end
    end

    // ------------------------------------------------------------------
    // Main FSM, working variables and chaining state
    // ------------------------------------------------------------------
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state   <= S_IDLE;
            round   <= '0;
            short_q <= 1'b0;
            blocks  <= 8'd0;
            va <= 32'h0; vb <= 32'h0; vc <= 32'h0; vd <= 32'h0;
            ve <= 32'h0; vf <= 32'h0; vg <= 32'h0; vh <= 32'h0;
            hs[0] <= IV0; hs[1] <= IV1; hs[2] <= IV2; hs[3] <= IV3;
            hs[4] <= IV4; hs[5] <= IV5; hs[6] <= IV6; hs[7] <= IV7;
        end else begin
            case (state)
                S_IDLE: begin
                    if (accept) begin
                        va    <= hs[0];
                        vb    <= hs[1];
                        vc    <= hs[2];
                        vd    <= hs[3];
                        ve    <= hs[4];
                        vf    <= hs[5];
                        vg    <= hs[6];
                        vh    <= hs[7];
                        round   <= '0;
                        short_q <= short_mode;
                        state   <= S_ROUND;
                    end else if (init) begin
                        hs[0] <= IV0; hs[1] <= IV1; hs[2] <= IV2; hs[3] <= IV3;
                        hs[4] <= IV4; hs[5] <= IV5; hs[6] <= IV6; hs[7] <= IV7;
                        blocks <= 8'd0;
                    end
                end

                S_ROUND: begin
                    // one compression round
                    va <= t1 + t2;
                    vb <= va;
                    vc <= vb;
                    vd <= vc;
                    ve <= vd + t1;
                    vf <= ve;
                    vg <= vf;
                    vh <= vg;
                    round <= round + 1'b1;
                    if (last_round)
                        state <= S_FINAL;
                end

                S_FINAL: begin
                    // feed-forward into the chaining state
                    hs[0] <= hs[0] + va;
                    hs[1] <= hs[1] + vb;
                    hs[2] <= hs[2] + vc;
                    hs[3] <= hs[3] + vd;
                    hs[4] <= hs[4] + ve;
                    hs[5] <= hs[5] + vf;
                    hs[6] <= hs[6] + vg;
                    hs[7] <= hs[7] + vh;
                    blocks <= blocks + 8'd1;
                    state  <= S_IDLE;
                end

                default: begin
                    state <= S_IDLE;
                end
            endcase
        end
    end

    // done: registered one-cycle pulse after the feed-forward cycle
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            done <= 1'b0;
        else
            done <= (state == S_FINAL);
    end

    // ------------------------------------------------------------------
    // Outputs
    // ------------------------------------------------------------------
    assign busy    = !idle;
    assign round_o = round;
    assign sched_word = w[0];
    assign digest  = {hs[0], hs[1], hs[2], hs[3], hs[4], hs[5], hs[6], hs[7]};

    always_comb begin
        unique case (dig_sel)
            3'd0: dig_word = hs[0];
            3'd1: dig_word = hs[1];
            3'd2: dig_word = hs[2];
            3'd3: dig_word = hs[3];
            3'd4: dig_word = hs[4];
            3'd5: dig_word = hs[5];
            3'd6: dig_word = hs[6];
            3'd7: dig_word = hs[7];
            default: dig_word = 32'h0;
        endcase
    end

endmodule
