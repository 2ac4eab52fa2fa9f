// Self-checking testbench for code_lock_fsm. The model counts correct digits
// (0..3), open and alarm as separate flags. Directed sequences walk every
// right/wrong digit at every position, then seeded random keying biased
// towards the right digits; the async reset is pulsed between edges.
module tb_code_lock_fsm;
    reg        clk = 1'b0, rst = 1'b1, key = 1'b0, clear = 1'b0;
    reg  [3:0] digit = 4'd0;
    wire       unlock, alarm, bad;
    wire [1:0] fails;
    wire [2:0] state;

    code_lock_fsm dut (.clk(clk), .rst(rst), .key(key), .digit(digit), .clear(clear),
                       .unlock(unlock), .alarm(alarm), .bad(bad), .fails(fails), .state(state));

    always #5 clk = ~clk;

    reg [3:0]  code [0:3];
    integer    pos = 0, nf = 0, cyc = 0;   // pos 0..3 entering, 4 open, 5 alarm
    reg [31:0] rs = 32'h0BAD_F00D;
    reg        e_bad;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    task check(input string where);
        begin
            e_bad = (pos < 4) && !clear && key && (digit != code[pos]);
            if (unlock !== (pos == 4) || alarm !== (pos == 5) || bad !== e_bad ||
                fails !== nf[1:0] || state !== pos[2:0]) begin
                $display("FAIL: %s cyc=%0d key=%b digit=%h clear=%b got unlock=%b alarm=%b bad=%b fails=%0d state=%0d exp pos=%0d bad=%b fails=%0d",
                         where, cyc, key, digit, clear, unlock, alarm, bad, fails, state, pos, e_bad, nf);
                $fatal(1);
            end
        end
    endtask

    task model_edge;
        integer np;
        begin
            e_bad = (pos < 4) && !clear && key && (digit != code[pos]);
            np = pos;
            if (pos < 4) begin
                if (clear) np = 0;
                else if (key && digit == code[pos]) np = pos + 1;
                else if (key) np = (nf == 2) ? 5 : 0;
            end else if (pos == 4) begin
                if (clear || key) np = 0;
            end else if (clear) np = 0;
            if (clear || pos == 4) nf = 0;
            else if (e_bad) nf = (nf + 1) % 4;
            pos = np;
            if (rst) begin pos = 0; nf = 0; end
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

    task press(input [3:0] d);
        begin
            key = 1'b1; digit = d; step();
            key = 1'b0; digit = ~d; step();
        end
    endtask

    integer p, w, i, k;
    initial begin
        code[0] = 4'h3; code[1] = 4'h7; code[2] = 4'h1; code[3] = 4'h9;
        key = 1'b1; digit = 4'h3;
        @(negedge clk);
        step();
        step();
        rst = 1'b0; key = 1'b0;
        step();
        // every position x every digit value
        for (p = 0; p < 4; p = p + 1)
            for (w = 0; w < 16; w = w + 1) begin
                clear = 1'b1; step(); clear = 1'b0;
                for (k = 0; k < p; k = k + 1) press(code[k]);
                press(w[3:0]);
                if (pos == 4) press(4'h0);
            end
        // failure counting into alarm, clear priority, hold in alarm
        clear = 1'b1; step(); clear = 1'b0;
        for (k = 0; k < 4; k = k + 1) press(4'hF);
        for (k = 0; k < 4; k = k + 1) press(code[k]);
        key = 1'b1; clear = 1'b1; digit = code[0]; step();
        key = 1'b0; clear = 1'b0;
        // random keying, biased towards the right digit
        for (i = 0; i < 6000; i = i + 1) begin
            rs = xs32(rs);
            key   = rs[0] | rs[1];
            clear = (rs[6:2] == 5'd0);
            digit = (pos < 4 && rs[9:7] != 3'd0) ? code[pos] : rs[13:10];
            if (i == 3000 || rs[31:23] == 9'd7) begin
                #2 rst = 1'b1;
                #1 pos = 0; nf = 0;
                check("async reset");
                @(negedge clk);
                #1 check("async reset held");
                rst = 1'b0;
            end
            step();
        end
        $display("PASS");
        $finish;
    end
endmodule
