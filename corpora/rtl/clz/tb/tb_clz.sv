// Self-checking testbench for clz: exhaustive over all 2^16 inputs in all four
// modes. The reference model scans bits one at a time from the top (no binary
// search) and shifts with an integer loop; every output is checked for every
// vector.
module tb_clz;
    logic [15:0] in = '0, norm;
    logic [1:0]  mode = '0;
    logic [4:0]  count;
    logic [3:0]  msb;
    logic        zero;

    clz dut (.in(in), .mode(mode), .count(count), .msb(msb), .norm(norm), .zero(zero));

    int n = 0;

    task automatic check();
        logic [15:0] w, en;
        int lz;
        case (mode)
            2'd0: w = in;
            2'd1: w = ~in;
            2'd2: for (int i = 0; i < 16; i++) w[15 - i] = in[i];
            default: w = (in << 8) | 16'h00FF;
        endcase
        lz = 0;
        while (lz < 16 && !w[15 - lz]) lz++;
        en = (lz == 16) ? 16'h0000 : (w << lz);
        if (int'(count) != lz || zero !== (lz == 16) || norm !== en ||
            int'(msb) != (lz == 16 ? 0 : 15 - lz)) begin
            $display("FAIL: in=%h mode=%0d got count=%0d msb=%0d norm=%h zero=%b exp count=%0d msb=%0d norm=%h zero=%b",
                     in, mode, count, msb, norm, zero, lz, lz == 16 ? 0 : 15 - lz, en, lz == 16);
            $fatal(1);
        end
        n++;
    endtask

    initial begin
        for (int m = 0; m < 4; m++)
            for (int i = 0; i < 65536; i++) begin
                mode = m[1:0]; in = i[15:0];
                #1 check();
            end
        if (n != 262144) begin $display("FAIL: %0d vectors", n); $fatal(1); end
        $display("PASS");
        $finish;
    end
endmodule
