module tb_tiny_alu;
    logic [3:0] a, b, y, shl, expect_y;
    logic [1:0] op;
    logic zero;
    tiny_alu dut (.a(a), .b(b), .op(op), .y(y), .shl(shl), .zero(zero));
    initial begin
        for (int o = 0; o < 3; o++)
            for (int i = 0; i < 16; i++)
                for (int j = 0; j < 16; j++) begin
                    op = o[1:0]; a = i[3:0]; b = j[3:0];
                    #1;
                    expect_y = o == 0 ? a + b : o == 1 ? a - b : a & b;
                    if (y !== expect_y || zero !== (expect_y == 0) || shl !== {a[2:0], 1'b0}) begin
                        $display("FAIL: op=%0d a=%0d b=%0d y=%0d expected %0d", o, a, b, y, expect_y);
                        $fatal(1);
                    end
                end
        $display("PASS");
        $finish;
    end
endmodule
