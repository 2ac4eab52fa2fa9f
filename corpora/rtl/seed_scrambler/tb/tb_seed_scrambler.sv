// Self-checking testbench for seed_scrambler. The model is a bit-serial
// Fibonacci LFSR stepped eight times per enabled cycle (written as a
// function over an explicit tap list, not the RTL loop). The seed and the
// output reset value are checked right after reset release; random data,
// enables, re-seeds and bypass follow, with async resets between edges.
module tb_seed_scrambler;
    logic       clk = 1'b0, arst = 1'b1, en = 1'b0, reseed = 1'b0, bypass = 1'b0;
    logic [7:0] din = 8'h00;
    logic [7:0] ks, dout;
    logic [6:0] state;

    seed_scrambler dut (.clk(clk), .arst(arst), .en(en), .reseed(reseed), .bypass(bypass),
                        .din(din), .ks(ks), .dout(dout), .state(state));

    always #5 clk = ~clk;

    reg [6:0]  m_st = 7'h5B;
    reg [7:0]  m_out = 8'hFF;
    integer    cyc = 0;
    reg [31:0] rs = 32'h1357_9BDF;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    // keystream byte and next state: the bit sequence obeys
    // s[n] = s[n-7] ^ s[n-4]; the state holds the last seven bits with the
    // newest in bit 0. Returns {next state, keystream byte (first bit in 0)}.
    function [14:0] ref_step(input [6:0] s0);
        reg [14:0] seq;      // history window, newest bit in position 0
        integer n;
        begin
            seq = {8'd0, s0};
            for (n = 0; n < 8; n = n + 1) begin
                seq = {seq[13:0], 1'b0};
                seq[0] = seq[7] ^ seq[4];    // s[n-7] ^ s[n-4]
            end
            ref_step = {seq[6:0], seq[0], seq[1], seq[2], seq[3], seq[4], seq[5], seq[6], seq[7]};
        end
    endfunction

    task check(input string where);
        reg [14:0] r;
        begin
            r = ref_step(m_st);
            if (ks !== r[7:0] || dout !== m_out || state !== m_st) begin
                $display("FAIL: %s cyc=%0d got ks=%h dout=%h state=%h exp ks=%h dout=%h state=%h",
                         where, cyc, ks, dout, state, r[7:0], m_out, m_st);
                $fatal(1);
            end
        end
    endtask

    task model_edge;
        reg [14:0] r;
        begin
            r = ref_step(m_st);
            if (reseed) m_st = 7'h5B;
            else if (en) begin
                m_out = bypass ? din : (din ^ r[7:0]);
                m_st  = r[14:8];
            end
        end
    endtask

    task step;
        begin
            #1 check("pre-edge");
            @(posedge clk);
            model_edge;
            cyc = cyc + 1;
            #1 check("post-edge");
            @(negedge clk);
        end
    endtask

    integer i;
    initial begin
        en = 1'b1; din = 8'h3A;                 // ignored in reset
        @(negedge clk);
        #1 check("in reset");
        @(negedge clk);
        arst = 1'b0;
        for (i = 0; i < 6000; i = i + 1) begin
            rs = xs32(rs);
            en     = rs[0] | rs[1] | rs[2];
            reseed = (rs[7:3] == 5'd0);
            bypass = (rs[10:8] == 3'd0);
            din    = rs[23:16];
            if (i == 100 || i == 3000 || rs[31:22] == 10'h155) begin
                #2 arst = 1'b1;
                #1 m_st = 7'h5B; m_out = 8'hFF;
                check("async reset");
                @(posedge clk);
                #1 check("async reset held");
                @(negedge clk);
                arst = 1'b0;
            end
            step();
        end
        $display("PASS");
        $finish;
    end
endmodule
