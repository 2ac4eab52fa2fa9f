// Self-checking testbench for gray_codec. The reference builds the reflected
// Gray sequence by mirroring (no XOR formula) and inverts it with a lookup
// table; every code is checked, adjacency is checked exhaustively.
module tb_gray_codec;
    localparam int W = 8;
    localparam int N = 1 << W;

    logic [W-1:0] bin_in, gray_in, gray_b, gray_out, bin_out, gray_next;
    logic         adjacent;

    gray_codec #(.W(W)) dut (
        .bin_in(bin_in), .gray_in(gray_in), .gray_b(gray_b),
        .gray_out(gray_out), .bin_out(bin_out), .gray_next(gray_next),
        .adjacent(adjacent)
    );

    int gseq [N];      // gseq[b] = Gray code of b
    int ginv [N];      // ginv[g] = binary value of Gray code g

    initial begin
        // reflect-and-prefix construction of the Gray sequence
        gseq[0] = 0;
        for (int len = 1; len < N; len = len * 2) begin
            for (int k = 0; k < len; k++) gseq[len + k] = len + gseq[len - 1 - k];
        end
        for (int b = 0; b < N; b++) ginv[gseq[b]] = b;

        for (int i = 0; i < N; i++) begin
            for (int j = 0; j < N; j++) begin
                int eo, pc;
                // bin_in walks a different permutation than gray_in
                bin_in  = W'((i * 37 + j * 11) % N);
                gray_in = i[W-1:0];
                gray_b  = j[W-1:0];
                #1;
                pc = $countones(i ^ j);
                if (int'(gray_out) != gseq[int'(bin_in)] ||
                    int'(bin_out) != ginv[i] ||
                    int'(gray_next) != gseq[(ginv[i] + 1) % N] ||
                    adjacent !== (pc == 1)) begin
                    $display("FAIL: bin_in=%02h gray_in=%02h gray_b=%02h got g=%02h b=%02h n=%02h adj=%b exp g=%02h b=%02h n=%02h adj=%0d",
                             bin_in, gray_in, gray_b, gray_out, bin_out, gray_next, adjacent,
                             gseq[int'(bin_in)], ginv[i], gseq[(ginv[i] + 1) % N], pc == 1);
                    $fatal(1);
                end
            end
        end
        $display("PASS");
        $finish;
    end
endmodule
