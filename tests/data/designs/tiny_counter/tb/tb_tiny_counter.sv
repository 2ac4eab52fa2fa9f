module tb_tiny_counter;
    logic clk = 0, rst_n = 0, en = 0, wrap;
    logic [3:0] count, model = 0;
    tiny_counter dut (.clk(clk), .rst_n(rst_n), .en(en), .count(count), .wrap(wrap));
    always #5 clk = ~clk;
    initial begin
        #12 rst_n = 1;
        if (count !== 0) begin $display("FAIL: reset value %0d", count); $fatal(1); end
        for (int t = 0; t < 40; t++) begin
            en = (t % 5) != 3;
            #1;
            if (wrap !== (en && model == 15)) begin $display("FAIL: wrap at t=%0d", t); $fatal(1); end
            @(posedge clk); #1;
            if (en) model = model + 1;
            if (count !== model) begin $display("FAIL: count %0d expected %0d", count, model); $fatal(1); end
        end
        $display("PASS");
        $finish;
    end
endmodule
