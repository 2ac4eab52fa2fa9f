// Self-checking testbench for bcd_add2: exhaustive over all valid BCD
// operand pairs and both carry-in values (20000 cases) against decimal
// integer arithmetic; bad_in is checked for every byte value on either
// operand against valid and invalid partners (the sum is not specified
// for invalid digits).
module tb_bcd_add2;
    logic [7:0] a, b;                  // start at x so the first apply is an event
    logic       cin;
    logic [7:0] s;
    logic       cout, bad_in, nines;

    bcd_add2 dut (.a(a), .b(b), .cin(cin), .s(s), .cout(cout), .bad_in(bad_in), .nines(nines));

    function [7:0] to_bcd(input integer v);
        to_bcd = {4'(v / 10), 4'(v % 10)};
    endfunction

    integer x, y, c, tot, n99;
    reg [7:0] es;
    reg       ebad;
    initial begin
        n99 = 0;
        for (x = 0; x < 100; x = x + 1)
            for (y = 0; y < 100; y = y + 1)
                for (c = 0; c < 2; c = c + 1) begin
                    a = to_bcd(x); b = to_bcd(y); cin = c;
                    #1;
                    tot = x + y + c;
                    es = to_bcd(tot % 100);
                    if (s !== es || cout !== (tot >= 100) || bad_in !== 1'b0 || nines !== (tot == 99)) begin
                        $display("FAIL: %0d + %0d + %0d got s=%h cout=%b bad=%b nines=%b exp s=%h cout=%b bad=0 nines=%b",
                                 x, y, c, s, cout, bad_in, nines, es, tot >= 100, tot == 99);
                        $fatal(1);
                    end
                    if (tot == 99) n99 = n99 + 1;
                end
        for (x = 0; x < 256; x = x + 1)
            for (c = 0; c < 4; c = c + 1) begin
                // each operand byte against a valid, a mixed and an invalid partner
                y = (c == 0) ? 8'h45 : (c == 1) ? ((x * 37) & 255) : (c == 2) ? 8'h9A : 8'hA9;
                if (x[0]) begin a = x; b = y; end else begin a = y; b = x; end
                cin = x[1];
                #1;
                ebad = (x % 16 > 9) || (x / 16 > 9) || (y % 16 > 9) || (y / 16 > 9);
                if (bad_in !== ebad) begin
                    $display("FAIL: a=%h b=%h got bad_in=%b exp %b", a, b, bad_in, ebad);
                    $fatal(1);
                end
            end
        if (n99 != 199) begin
            $display("FAIL: nines cases %0d", n99);
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
