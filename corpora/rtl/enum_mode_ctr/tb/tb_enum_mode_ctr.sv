// Self-checking testbench for enum_mode_ctr. The model keeps the mode as a
// level index 0..3, its own phase and change counters. Every control
// combination is applied from every mode, then seeded random controls;
// asynchronous reset is asserted between edges several times and the
// non-zero reset values are checked on the cycles right after release.
module tb_enum_mode_ctr;
    logic       clk = 1'b0, resetn = 1'b0, up = 1'b0, down = 1'b0, off = 1'b0;
    logic [1:0] mode_o;
    logic [3:0] level, phase;
    logic       pwm;
    logic [7:0] changes;

    enum_mode_ctr dut (.clk(clk), .resetn(resetn), .up(up), .down(down), .off(off),
                       .mode_o(mode_o), .level(level), .phase(phase), .pwm(pwm), .changes(changes));

    always #5 clk = ~clk;

    integer    mm = 2, mp = 10, mc = 128, cyc = 0;
    reg [31:0] rs = 32'h600D_CAFE;

    function [31:0] xs32(input [31:0] x);
        reg [31:0] t;
        begin
            t = x ^ (x << 13);
            t = t ^ (t >> 17);
            xs32 = t ^ (t << 5);
        end
    endfunction

    function integer lvl(input integer m);
        lvl = (m == 0) ? 0 : (m == 1) ? 4 : (m == 2) ? 9 : 15;
    endfunction

    task check(input string where);
        begin
            if (mode_o !== mm[1:0] || level !== lvl(mm) || phase !== mp[3:0] ||
                pwm !== (mp < lvl(mm)) || changes !== mc[7:0]) begin
                $display("FAIL: %s cyc=%0d up=%b down=%b off=%b got mode=%0d level=%0d phase=%0d pwm=%b changes=%0d exp %0d %0d %0d %b %0d",
                         where, cyc, up, down, off, mode_o, level, phase, pwm, changes,
                         mm, lvl(mm), mp, mp < lvl(mm), mc);
                $fatal(1);
            end
        end
    endtask

    task model_edge;
        integer nm;
        begin
            nm = mm;
            if (off) nm = 0;
            else if (up && !down) nm = (mm == 3) ? 3 : mm + 1;
            else if (down && !up) nm = (mm <= 1) ? mm : mm - 1;
            if (nm != mm) mc = (mc + 1) % 256;
            mm = nm;
            mp = (mp + 1) % 16;
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

    task areset;
        begin
            #2 resetn = 1'b0;
            #1 mm = 2; mp = 10; mc = 128;
            check("async reset");
            @(posedge clk);
            #1 check("async reset held");
            @(negedge clk);
            resetn = 1'b1;
        end
    endtask

    task goto_mode(input integer m);
        begin
            off = 1'b1; up = 1'b0; down = 1'b0; step();
            off = 1'b0; up = 1'b1;
            while (mm != m) step();
            up = 1'b0;
        end
    endtask

    integer m, v, i;
    initial begin
        up = 1'b1; off = 1'b1;              // ignored in reset
        @(negedge clk);
        #1 check("in reset");
        @(negedge clk);
        resetn = 1'b1; up = 1'b0; off = 1'b0;
        repeat (3) step();
        for (m = 0; m < 4; m = m + 1)
            for (v = 0; v < 8; v = v + 1) begin
                goto_mode(m);
                {off, down, up} = v[2:0];
                step();
                {off, down, up} = 3'b000;
                step();
            end
        for (i = 0; i < 5000; i = i + 1) begin
            rs = xs32(rs);
            up   = rs[0] & rs[1];
            down = rs[2] & rs[3];
            off  = (rs[7:4] == 4'd0);
            if (i == 50 || i == 2500 || rs[31:22] == 10'h3C3) areset();
            step();
        end
        $display("PASS");
        $finish;
    end
endmodule
