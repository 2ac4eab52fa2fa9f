// Self-checking testbench for c_alu16. The expected result and flags come
// from a reference model written with integer arithmetic. Besides vectors that
// change every input at once, each vector is followed by steps that change a
// single input (cin, b, a, op) so that any input the ALU fails to react to
// shows up as a stale output.
module tb_c_alu16;
    logic [3:0]  op  = 4'h0;
    logic [15:0] a   = 16'h0, b = 16'h0;
    logic        cin = 1'b0;
    logic [15:0] y;
    logic        zero, carry, neg, ovf;

    c_alu16 dut (.op(op), .a(a), .b(b), .cin(cin), .y(y), .zero(zero), .carry(carry),
                 .neg(neg), .ovf(ovf));

    logic [31:0] rs = 32'h1357_9BDF;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    int n_checks = 0;

    function automatic bit out_of_range(input longint v);
        return v > 32767 || v < -32768;
    endfunction

    task automatic model(output logic [15:0] ey, output logic ec, output logic ev);
        longint ua, ub, sa, sb, r;
        int     s;
        ua = a; ub = b; sa = $signed(a); sb = $signed(b);
        s  = b[3:0];
        ey = 16'h0; ec = 1'b0; ev = 1'b0;
        case (op)
            4'd0:  begin r = ua + ub;       ey = r[15:0]; ec = r > 65535;     ev = out_of_range(sa + sb); end
            4'd1:  begin r = ua + ub + cin; ey = r[15:0]; ec = r > 65535;     ev = out_of_range(sa + sb + cin); end
            4'd2:  begin r = ua - ub;       ey = r[15:0]; ec = ua < ub;       ev = out_of_range(sa - sb); end
            4'd3:  begin r = ua - ub - cin; ey = r[15:0]; ec = ua < ub + cin; ev = out_of_range(sa - sb - cin); end
            4'd4:  ey = a & b;
            4'd5:  ey = a | b;
            4'd6:  ey = a ^ b;
            4'd7:  ey = ~a;
            4'd8:  begin
                       for (int i = 0; i < 16; i++) ey[i] = (i >= s) ? a[i - s] : 1'b0;
                       ec = (s == 0) ? 1'b0 : a[16 - s];
                   end
            4'd9:  begin
                       for (int i = 0; i < 16; i++) ey[i] = (i + s <= 15) ? a[i + s] : 1'b0;
                       ec = (s == 0) ? 1'b0 : a[s - 1];
                   end
            4'd10: begin
                       for (int i = 0; i < 16; i++) ey[i] = (i + s <= 15) ? a[i + s] : a[15];
                       ec = (s == 0) ? 1'b0 : a[s - 1];
                   end
            4'd11: for (int i = 0; i < 16; i++) ey[i] = a[(i - s + 16) % 16];
            4'd12: ey = (sa < sb) ? 16'd1 : 16'd0;
            4'd13: ey = (ua < ub) ? 16'd1 : 16'd0;
            4'd14: begin r = -ua; ey = r[15:0]; ec = (a != 0); ev = out_of_range(-sa); end
            default: ey = b;
        endcase
    endtask

    task automatic check(input string what);
        logic [15:0] ey;
        logic        ec, ev;
        #1;
        model(ey, ec, ev);
        n_checks++;
        if (y !== ey || zero !== (ey == 16'h0) || neg !== ey[15] || carry !== ec || ovf !== ev) begin
            $display("FAIL: %s op=%0d a=%04h b=%04h cin=%b: y=%04h z=%b c=%b n=%b v=%b, expected y=%04h z=%b c=%b n=%b v=%b",
                     what, op, a, b, cin, y, zero, carry, neg, ovf,
                     ey, (ey == 16'h0), ec, ey[15], ev);
            $fatal(1);
        end
    endtask

    logic [15:0] corner [8] = '{16'h0000, 16'h0001, 16'h7FFF, 16'h8000, 16'h8001,
                                16'hFFFF, 16'h00FF, 16'h5555};

    initial begin
        // every opcode on every pair of corner values, both carry-ins
        for (int o = 0; o < 16; o++)
            for (int i = 0; i < 8; i++)
                for (int j = 0; j < 8; j++)
                    for (int c = 0; c < 2; c++) begin
                        op = 4'(o); a = corner[i]; b = corner[j]; cin = c[0];
                        check("corner");
                    end

        // every shift amount
        for (int o = 8; o < 12; o++)
            for (int s = 0; s < 16; s++) begin
                op = 4'(o); a = 16'hB38D; b = 16'(s) | 16'hA5A0; cin = 1'b0;
                check("shift");
                a = 16'h4C72;
                check("shift");
            end

        // random vectors, each followed by single-input changes
        for (int k = 0; k < 20000; k++) begin
            logic [31:0] r;
            r = rnd();
            op = r[3:0]; cin = r[4]; a = r[31:16]; b = rnd();
            check("random");
            cin = ~cin;
            check("cin only changed");
            b = b ^ (16'h1 << r[8:5]);
            check("b only changed");
            a = a ^ (16'h1 << r[12:9]);
            check("a only changed");
            op = op ^ (4'h1 << r[14:13]);
            check("op only changed");
        end

        $display("%0d checks", n_checks);
        $display("PASS");
        $finish;
    end
endmodule
