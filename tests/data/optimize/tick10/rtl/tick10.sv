// tick10: `tick` is high in every tenth enabled cycle. The counter is wider than it needs to
// be (8 bits for 0..9) and compares with >= where == would do: room for `veriloop optimize`.
module tick10 (
    input  logic clk,
    input  logic rst_n,
    input  logic en,
    output logic tick
);
    logic [7:0] cnt;

    assign tick = en && (cnt >= 8'd9);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)  cnt <= 8'd0;
        else if (en) cnt <= (cnt >= 8'd9) ? 8'd0 : cnt + 8'd1;
    end
endmodule
