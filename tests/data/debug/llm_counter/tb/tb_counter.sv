module tb_counter;
    logic clk = 0, rst_n = 0;
    logic [7:0] count;
    counter dut (.clk(clk), .rst_n(rst_n), .count(count));
    always #5 clk = ~clk;
    initial begin
        #12 rst_n = 1;
        for (int t = 1; t <= 20; t++) begin
            @(posedge clk); #1;
            if (count !== 8'(t)) begin $display("FAIL: count %0d expected %0d", count, t); $fatal(1); end
        end
        $display("PASS");
        $finish;
    end
endmodule
