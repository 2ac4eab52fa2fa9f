// Self-checking testbench for priority_encoder: exhaustive over all 256
// request patterns; the reference model counts and scans bits independently.
module tb_priority_encoder;
    logic [7:0] req, grant;
    logic [2:0] idx, lsb_idx;
    logic       valid, multi;

    priority_encoder dut (
        .req(req), .idx(idx), .valid(valid), .grant(grant),
        .lsb_idx(lsb_idx), .multi(multi)
    );

    initial begin
        for (int pass = 0; pass < 2; pass++) begin
            for (int v = 0; v < 256; v++) begin
                int hi, lo, cnt;
                logic [7:0] eg;
                // second pass walks the patterns in reverse order
                req = (pass == 0) ? v[7:0] : 8'(255 - v);
                #1;
                hi = 0; lo = 0; cnt = 0;
                for (int i = 0; i < 8; i++) begin
                    if (req[i]) begin
                        if (cnt == 0) lo = i;
                        hi = i;
                        cnt++;
                    end
                end
                eg = (cnt == 0) ? 8'h00 : 8'(1 << hi);
                if (int'(idx) != hi || valid !== (cnt != 0) || grant !== eg ||
                    int'(lsb_idx) != lo || multi !== (cnt > 1)) begin
                    $display("FAIL: req=%08b got idx=%0d valid=%b grant=%08b lsb=%0d multi=%b exp idx=%0d valid=%0d grant=%08b lsb=%0d multi=%0d",
                             req, idx, valid, grant, lsb_idx, multi, hi, cnt != 0, eg, lo, cnt > 1);
                    $fatal(1);
                end
            end
        end
        $display("PASS");
        $finish;
    end
endmodule
