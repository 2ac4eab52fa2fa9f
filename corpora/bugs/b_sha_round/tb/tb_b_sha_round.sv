// Self-checking testbench for b_sha_round.
// A cycle-accurate reference model (FSM state, round counter, word counter,
// block counter, done pulse) runs beside the DUT; the compression itself is
// computed in one go with an independent software implementation of the
// same algorithm when a block is accepted. Every output is checked after
// every clock edge.
module tb_b_sha_round;
    localparam int ROUNDS       = 48;
    localparam int ROUNDS_SHORT = 32;

    logic         clk = 1'b0, rst_n = 1'b0;
    logic         init = 1'b0, msg_valid = 1'b0, msg_le = 1'b0;
    logic         start = 1'b0, short_mode = 1'b0;
    logic [31:0]  msg_word = '0;
    logic [2:0]   dig_sel = '0;
    logic         busy, done, block_ready;
    logic [4:0]   words;
    logic [5:0]   round_o;
    logic [7:0]   blocks;
    logic [31:0]  dig_word, sched_word;
    logic [255:0] digest;

    b_sha_round #(.ROUNDS(ROUNDS), .ROUNDS_SHORT(ROUNDS_SHORT), .RW(6)) dut (
        .clk(clk), .rst_n(rst_n), .init(init), .msg_valid(msg_valid),
        .msg_word(msg_word), .msg_le(msg_le), .start(start),
        .short_mode(short_mode), .dig_sel(dig_sel), .busy(busy), .done(done),
        .block_ready(block_ready), .words(words), .round_o(round_o),
        .blocks(blocks), .dig_word(dig_word), .sched_word(sched_word),
        .digest(digest)
    );

    always #5 clk = ~clk;

    // ------------------------------------------------------------------
    // reference algorithm
    // ------------------------------------------------------------------
    logic [31:0] IVS [8] = '{32'h6A1F3C05, 32'hB2E49D71, 32'h3C6EF0A8, 32'hA54F12D9,
                             32'h510E827F, 32'h9B056C3E, 32'h1F83D9AB, 32'h5BE0CD19};
    logic [31:0] KT [16] = '{32'h4A09E667, 32'h71C42F98, 32'hB5C0FBCF, 32'hE9B5DBA5,
                             32'h3956C25B, 32'h59F111F1, 32'h923F82A4, 32'hAB1C5ED5,
                             32'hD807AA98, 32'h12835B01, 32'h243185BE, 32'h550C7DC3,
                             32'h72BE5D74, 32'h80DEB1FE, 32'h9BDC06A7, 32'hC19BF174};

    function automatic logic [31:0] ror(logic [31:0] x, int n);
        logic [63:0] d;
        d = {x, x} >> (n % 32);
        return d[31:0];
    endfunction

    function automatic logic [31:0] swap_bytes(logic [31:0] x);
        logic [31:0] r;
        for (int i = 0; i < 4; i++) r[8*i +: 8] = x[8*(3-i) +: 8];
        return r;
    endfunction

    typedef logic [31:0] word8_t [8];
    typedef logic [31:0] sched_t [80];

    // message schedule: the 16 block words, then W[t] from W[t-2], W[t-7],
    // W[t-15] and W[t-16]
    function automatic sched_t expand(logic [31:0] m [16]);
        sched_t W;
        logic [31:0] s0, s1;
        for (int t = 0; t < 16; t++) W[t] = m[t];
        for (int t = 16; t < 80; t++) begin
            s0 = ror(W[t-15], 7) ^ ror(W[t-15], 18) ^ (W[t-15] >> 3);
            s1 = ror(W[t-2], 17) ^ ror(W[t-2], 19) ^ (W[t-2] >> 10);
            W[t] = s1 + W[t-7] + s0 + W[t-16];
        end
        return W;
    endfunction

    function automatic word8_t compress(word8_t hin, sched_t W, int nr);
        logic [31:0] a, b, c, d, e, f, g, h, t1, t2, k;
        word8_t hout;
        a = hin[0]; b = hin[1]; c = hin[2]; d = hin[3];
        e = hin[4]; f = hin[5]; g = hin[6]; h = hin[7];
        for (int t = 0; t < nr; t++) begin
            k  = ror(KT[t % 16], 8 * ((t / 16) % 4));
            t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + k + W[t];
            t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        end
        hout[0] = hin[0] + a; hout[1] = hin[1] + b; hout[2] = hin[2] + c; hout[3] = hin[3] + d;
        hout[4] = hin[4] + e; hout[5] = hin[5] + f; hout[6] = hin[6] + g; hout[7] = hin[7] + h;
        return hout;
    endfunction

    // ------------------------------------------------------------------
    // cycle model
    // ------------------------------------------------------------------
    int          mst;          // 0 idle, 1 rounds, 2 final
    int          mround, mwords, mblocks, mlim;
    bit          mdone;
    word8_t      H, Hn;
    logic [31:0] win [16];     // the DUT's message window, w[0] first
    sched_t      Wm;
    int          cyc = 0;
    int          nblocks_checked = 0;

    task automatic model_reset();
        mst = 0; mround = 0; mwords = 0; mblocks = 0; mdone = 0; mlim = ROUNDS;
        H = IVS;
        foreach (win[i]) win[i] = '0;
    endtask

    task automatic model_edge();
        bit pdone;
        pdone = (mst == 2);
        case (mst)
            0: begin
                if (start && mwords == 16) begin
                    mst = 1; mround = 0; mwords = 0;
                    mlim = short_mode ? ROUNDS_SHORT : ROUNDS;
                    Wm = expand(win);
                    Hn = compress(H, Wm, mlim);
                end else begin
                    if (init) begin H = IVS; mblocks = 0; end
                    if (msg_valid) begin
                        for (int i = 0; i < 15; i++) win[i] = win[i+1];
                        win[15] = msg_le ? swap_bytes(msg_word) : msg_word;
                        if (mwords < 16) mwords++;
                    end
                end
            end
            1: begin
                for (int i = 0; i < 15; i++) win[i] = win[i+1];
                win[15] = Wm[mround + 16];
                mround++;
                if (mround == mlim) mst = 2;
            end
            default: begin
                H = Hn; mblocks = (mblocks + 1) % 256; mst = 0;
                nblocks_checked++;
            end
        endcase
        mdone = pdone;
    endtask

    task automatic check(input string where);
        logic [255:0] exp_dig;
        exp_dig = {H[0], H[1], H[2], H[3], H[4], H[5], H[6], H[7]};
        if (busy !== (mst != 0) || done !== mdone || block_ready !== (mwords == 16) ||
            int'(words) != mwords || int'(round_o) != mround || int'(blocks) != mblocks) begin
            $display("FAIL: %s cyc=%0d busy=%b done=%b ready=%b words=%0d round=%0d blocks=%0d exp busy=%b done=%b words=%0d round=%0d blocks=%0d",
                     where, cyc, busy, done, block_ready, words, round_o, blocks,
                     (mst != 0), mdone, mwords, mround, mblocks);
            $fatal(1);
        end
        if (digest !== exp_dig) begin
            $display("FAIL: %s cyc=%0d digest=%h exp %h", where, cyc, digest, exp_dig);
            $fatal(1);
        end
        if (sched_word !== win[0]) begin
            $display("FAIL: %s cyc=%0d sched_word=%h exp %h (round %0d)", where, cyc, sched_word, win[0], mround);
            $fatal(1);
        end
        if (dig_word !== H[dig_sel]) begin
            $display("FAIL: %s cyc=%0d dig_word[%0d]=%h exp %h", where, cyc, dig_sel, dig_word, H[dig_sel]);
            $fatal(1);
        end
    endtask

    task automatic step();
        @(posedge clk);
        if (rst_n) model_edge();
        cyc++;
        #1 check("post-edge");
    endtask

    task automatic do_reset();
        #2 rst_n = 1'b0;
        #1;
        model_reset();
        check("async reset");
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
    endtask

    logic [31:0] rs = 32'hC0FF_EE11;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    task automatic idle_inputs();
        init = 0; msg_valid = 0; start = 0; short_mode = 0; msg_le = 0;
    endtask

    task automatic load_block(input logic [31:0] base, input bit le);
        for (int i = 0; i < 16; i++) begin
            msg_valid = 1; msg_le = le; msg_word = base ^ (32'h0101_0101 * i) ^ (i << 27);
            step();
        end
        msg_valid = 0; msg_le = 0;
    endtask

    task automatic run_block(input bit shrt);
        start = 1; short_mode = shrt; step();
        start = 0; short_mode = 0;
        while (busy) begin
            // inputs while busy must be ignored
            logic [31:0] r;
            r = rnd();
            init = r[0]; msg_valid = r[1]; start = r[2]; short_mode = r[3];
            msg_word = rnd(); dig_sel = r[6:4];
            step();
        end
        idle_inputs();
        if (!done) begin
            $display("FAIL: done not seen after busy cyc=%0d", cyc);
            $fatal(1);
        end
    endtask

    initial begin
        model_reset();
        init = 1; msg_valid = 1; start = 1;     // ignored while in reset
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1;
        idle_inputs();
        step();

        // directed: start with an incomplete window is ignored
        for (int i = 0; i < 15; i++) begin
            msg_valid = 1; start = 1; msg_word = 32'h0F0F_0000 + i; step();
        end
        idle_inputs();
        start = 1; step(); start = 0;          // 15 words: still ignored
        step();
        load_block(32'h6162_6380, 0);
        start = 1; step(); start = 0;          // full window: accepted
        while (busy) step();
        step();
        // chained block, then a short-mode block with little-endian words
        load_block(32'hDEAD_BEEF, 0);
        run_block(0);
        load_block(32'h1234_5678, 1);
        run_block(1);
        for (int i = 0; i < 8; i++) begin dig_sel = 3'(i); step(); end
        // init reloads the IV and clears the block count
        init = 1; step(); init = 0;
        load_block(32'hFFFF_FFFF, 0);
        // start, init and msg_valid together: start wins
        start = 1; init = 1; msg_valid = 1; msg_word = 32'hAAAA_5555; step();
        idle_inputs();
        while (busy) step();
        step();

        // random traffic
        for (int k = 0; k < 6000; k++) begin
            logic [31:0] r;
            r = rnd();
            msg_valid  = (r[2:0] != 0);
            start      = (r[4:3] == 0);
            init       = (r[11:5] == 0);
            msg_le     = r[12];
            short_mode = r[13];
            dig_sel    = r[16:14];
            msg_word   = rnd();
            step();
            if (k == 3000 || k == 4567) do_reset();
        end
        if (nblocks_checked < 40) begin
            $display("FAIL: only %0d blocks compressed", nblocks_checked);
            $fatal(1);
        end
        $display("PASS (%0d blocks)", nblocks_checked);
        $finish;
    end
endmodule
