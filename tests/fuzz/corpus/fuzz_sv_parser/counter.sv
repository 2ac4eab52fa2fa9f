// counter: modulo-(MAXV+1) up/down counter with synchronous load and enable.
// Loads are clamped to MAXV. tc is the terminal-count strobe: high in the
// cycle in which an enabled count step will wrap. Asynchronous active-low reset.
module counter #(
    parameter int          W    = 8,
    parameter logic [7:0]  MAXV = 8'd199
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         en,
    input  logic         load,
    input  logic         up,        // 1: count up, 0: count down
    input  logic [W-1:0] din,
    output logic [W-1:0] count,
    output logic         tc,
    output logic         at_max
);
    logic at_zero;

    assign at_zero = (count == '0);
    assign at_max  = (count == MAXV);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            count <= '0;
        end else if (load) begin
            count <= (din > MAXV) ? MAXV : din;
        end else if (en) begin
            if (up) begin
                count <= at_max ? '0 : count + 1'b1;
            end else begin
                count <= at_zero ? MAXV : count - 1'b1;
            end
        end
    end

    assign tc = en && !load && (up ? at_max : at_zero);
endmodule
