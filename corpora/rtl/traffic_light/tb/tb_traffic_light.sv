// Self-checking testbench for traffic_light. The reference model is written
// as a phase name plus the number of cycles already spent in it; lights,
// walk and ped_wait are checked before and after every clock edge, together
// with the safety rule that the two roads are never both non-red and that
// walk is only shown with both roads red.
module tb_traffic_light;
    localparam int NS_MIN = 6, EW_MIN = 2, EW_MAX = 5, YEL = 3, RED = 2, WALK = 4;

    logic       clk = 1'b0, rst_n = 1'b0;
    logic       ew_car = 1'b0, ped_btn = 1'b0;
    logic [2:0] ns_light, ew_light;
    logic       walk, ped_wait;

    traffic_light dut (
        .clk(clk), .rst_n(rst_n), .ew_car(ew_car), .ped_btn(ped_btn),
        .ns_light(ns_light), .ew_light(ew_light), .walk(walk), .ped_wait(ped_wait)
    );

    always #5 clk = ~clk;

    logic [31:0] rs = 32'h7AFF_1C00;
    function automatic logic [31:0] rnd();
        rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5;
        return rs;
    endfunction

    string ph = "NSG";
    int    t  = 0;           // cycles spent in ph
    bit    pw = 0;
    int    cyc = 0;
    int    visits [string];

    task automatic check(input string where);
        logic [2:0] ens, eew;
        ens = 3'b100; eew = 3'b100;
        if (ph == "NSG") ens = 3'b001;
        if (ph == "NSY") ens = 3'b010;
        if (ph == "EWG") eew = 3'b001;
        if (ph == "EWY") eew = 3'b010;
        if (ns_light !== ens || ew_light !== eew || walk !== (ph == "WALK") || ped_wait !== pw) begin
            $display("FAIL: %s cyc=%0d phase=%s t=%0d got ns=%03b ew=%03b walk=%b pw=%b exp ns=%03b ew=%03b pw=%b",
                     where, cyc, ph, t, ns_light, ew_light, walk, ped_wait, ens, eew, pw);
            $fatal(1);
        end
        if ((ns_light != 3'b100 && ew_light != 3'b100) || (walk && (ns_light != 3'b100 || ew_light != 3'b100))) begin
            $display("FAIL: %s cyc=%0d unsafe ns=%03b ew=%03b walk=%b", where, cyc, ns_light, ew_light, walk);
            $fatal(1);
        end
    endtask

    task automatic step();
        string nx;
        #1 check("pre-edge");
        @(posedge clk);
        nx = ph;
        // minimum/maximum times are expressed as cycle counts, t+1 = cycles
        // completed in the phase at this edge
        if      (ph == "NSG"  && t + 1 >= NS_MIN && (ew_car || pw))         nx = "NSY";
        else if (ph == "NSY"  && t + 1 == YEL)                              nx = "RED1";
        else if (ph == "RED1" && t + 1 == RED)                              nx = "EWG";
        else if (ph == "EWG"  && (t + 1 == EW_MAX || (!ew_car && t + 1 >= EW_MIN))) nx = "EWY";
        else if (ph == "EWY"  && t + 1 == YEL)                              nx = "RED2";
        else if (ph == "RED2" && t + 1 == RED)                              nx = pw ? "WALK" : "NSG";
        else if (ph == "WALK" && t + 1 == WALK)                             nx = "NSG";
        if (ped_btn) pw = 1;
        else if (nx == "WALK" && ph != "WALK") pw = 0;
        if (nx != ph) begin t = 0; ph = nx; visits[ph]++; end
        else if (t < 15) t++;
        cyc++;
        #1 check("post-edge");
    endtask

    initial begin
        ew_car = 1'b1; ped_btn = 1'b1;
        repeat (2) @(posedge clk);
        #1 check("in reset");
        @(negedge clk);
        rst_n = 1'b1; ped_btn = 1'b0; ew_car = 1'b0;
        // no demand: main road keeps green, timer saturates
        repeat (30) step();
        // side-road car held: full cycles with maximum side green
        ew_car = 1'b1; repeat (40) step();
        // car arrives late in the main green, leaves early in side green
        ew_car = 1'b0; repeat (20) step();
        ew_car = 1'b1; while (ph != "EWG") step();
        ew_car = 1'b0; repeat (12) step();
        // pedestrian only
        ped_btn = 1'b1; step(); ped_btn = 1'b0;
        repeat (30) step();
        // pedestrian presses exactly while the walk phase is entered
        ped_btn = 1'b1; step(); ped_btn = 1'b0;
        while (!(ph == "RED2" && t == RED - 1)) step();
        ped_btn = 1'b1; step(); ped_btn = 1'b0;
        repeat (30) step();
        // random demand
        for (int k = 0; k < 3000; k++) begin
            logic [31:0] r;
            r = rnd();
            ew_car  = ((k / 64) % 2) ? (r[1:0] != 0) : (r[3:0] == 0);
            ped_btn = (r[9:4] == 0);
            step();
        end
        // asynchronous reset from the middle of a side-road phase, with a
        // pedestrian request pending
        ew_car = 1'b1;
        while (ph != "EWG") step();
        ped_btn = 1'b1; step(); ped_btn = 1'b0;
        if (!pw) begin
            $display("FAIL: pedestrian request not pending before reset test");
            $fatal(1);
        end
        @(negedge clk); #2 rst_n = 1'b0;
        #1 ph = "NSG"; t = 0; pw = 0;
        check("async reset");
        @(negedge clk); rst_n = 1'b1;
        repeat (20) step();
        foreach (visits[p]) if (visits[p] < 5) begin
            $display("FAIL: phase %s visited only %0d times", p, visits[p]);
            $fatal(1);
        end
        if (visits.num() != 7) begin
            $display("FAIL: only %0d distinct phases visited", visits.num());
            $fatal(1);
        end
        $display("PASS");
        $finish;
    end
endmodule
