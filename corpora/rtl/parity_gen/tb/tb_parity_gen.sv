// Self-checking testbench for parity_gen: the reference model counts ones bit
// by bit with integers. Every output is checked for every vector: all-zero /
// all-one words, a walking one and a walking zero through all 32 bits with
// every par_in pattern and both senses, and several thousand seeded random
// vectors (with par_in usually the correct parity plus random corruption).
module tb_parity_gen;
    logic [31:0] data = '0;
    logic [3:0]  par_in = '0, par, err;
    logic        odd = 1'b0, word_par, err_any;
    logic [2:0]  err_cnt;
    logic [1:0]  first_err;

    parity_gen dut (.data(data), .par_in(par_in), .odd(odd), .par(par), .word_par(word_par),
                    .err(err), .err_any(err_any), .err_cnt(err_cnt), .first_err(first_err));

    function automatic logic [3:0] model_par(input logic [31:0] d, input logic o);
        logic [3:0] p;
        for (int by = 0; by < 4; by++) begin
            int ones = 0;
            for (int i = 0; i < 8; i++) ones += d[8 * by + i];
            p[by] = (ones % 2 == 1) ^ o;
        end
        return p;
    endfunction

    task automatic check();
        logic [3:0] ep, ee;
        int tot, ec, ef;
        ep = model_par(data, odd);
        tot = 0;
        for (int i = 0; i < 32; i++) tot += data[i];
        ee = ep ^ par_in;
        ec = 0; ef = -1;
        for (int i = 0; i < 4; i++) if (ee[i]) begin ec++; if (ef < 0) ef = i; end
        if (ef < 0) ef = 0;
        if (par !== ep || word_par !== ((tot % 2 == 1) ^ odd) || err !== ee ||
            err_any !== (ec != 0) || int'(err_cnt) != ec || int'(first_err) != ef) begin
            $display("FAIL: data=%h par_in=%b odd=%b got par=%b wp=%b err=%b any=%b cnt=%0d first=%0d exp par=%b wp=%b err=%b any=%b cnt=%0d first=%0d",
                     data, par_in, odd, par, word_par, err, err_any, err_cnt, first_err,
                     ep, (tot % 2 == 1) ^ odd, ee, ec != 0, ec, ef);
            $fatal(1);
        end
    endtask

    task automatic apply(input logic [31:0] d, input logic [3:0] p, input logic o);
        data = d; par_in = p; odd = o;
        #1 check();
    endtask

    initial begin
        void'($urandom(32'd23));
        for (int o = 0; o < 2; o++)
            for (int p = 0; p < 16; p++) begin
                apply(32'h0000_0000, p[3:0], o[0]);
                apply(32'hFFFF_FFFF, p[3:0], o[0]);
                for (int b = 0; b < 32; b++) begin
                    apply(32'h1 << b, p[3:0], o[0]);
                    apply(~(32'h1 << b), p[3:0], o[0]);
                    apply(32'h3 << b, p[3:0], o[0]);
                end
            end
        for (int k = 0; k < 4000; k++) begin
            logic [31:0] d;
            logic        o;
            d = $urandom; o = $urandom;
            if (k % 2) apply(d, $urandom, o);
            else apply(d, model_par(d, o) ^ (($urandom % 2) ? 4'($urandom) : 4'h0), o);
        end
        $display("PASS");
        $finish;
    end
endmodule
