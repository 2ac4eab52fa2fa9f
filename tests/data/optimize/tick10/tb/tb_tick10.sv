// Self-checking testbench for tick10: a pseudo-random enable; `tick` must be high exactly in
// every tenth enabled cycle (a model counts the enabled cycles).
module tb_tick10;
    logic clk = 1'b0, rst_n = 1'b0, en = 1'b0;
    logic tick;
    int   model = 0, errors = 0, ticks = 0;
    logic [15:0] lfsr = 16'hACE1;

    tick10 dut (.clk(clk), .rst_n(rst_n), .en(en), .tick(tick));

    always #5 clk = ~clk;

    initial begin
        repeat (2) @(negedge clk);
        rst_n = 1'b1;
        repeat (500) begin
            @(negedge clk);
            lfsr = {lfsr[14:0], lfsr[15] ^ lfsr[13] ^ lfsr[12] ^ lfsr[10]};
            en = lfsr[0] | lfsr[3];
            #1;
            if (tick !== (en && model == 9)) begin
                errors++;
                $display("FAIL: tick=%b en=%b model=%0d", tick, en, model);
            end
            ticks += tick;
            @(posedge clk);
            if (en) model = (model == 9) ? 0 : model + 1;
        end
        if (errors == 0 && ticks > 10) $display("PASS (%0d ticks)", ticks);
        else $display("FAIL: %0d errors, %0d ticks", errors, ticks);
        $finish;
    end
endmodule
