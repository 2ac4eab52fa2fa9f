// mac: signed 8x8 multiply-accumulate into a 20-bit wrapping accumulator.
// clear restarts the accumulation (loading the current product when en is
// also high). ovf is a sticky signed-overflow flag cleared by clear.
// count is the number of products accumulated since clear (saturating).
module mac #(
    parameter int ACC_W = 20
) (
    input  logic                    clk,
    input  logic                    rst_n,
    input  logic                    en,
    input  logic                    clear,
    input  logic signed [7:0]       a,
    input  logic signed [7:0]       b,
    output logic signed [ACC_W-1:0] acc,
    output logic                    ovf,
    output logic [5:0]              count
);
    logic signed [15:0]      prod;
    logic signed [ACC_W-1:0] prod_ext, sum;
    logic                    add_ovf;

    assign prod     = a * b;
    assign prod_ext = {{(ACC_W-16){prod[15]}}, prod};
    assign sum      = acc + prod_ext;
    // operands of equal sign, result of the other sign
    assign add_ovf  = (acc[ACC_W-1] == prod_ext[ACC_W-1]) && (sum[ACC_W-1] != acc[ACC_W-1]);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            acc   <= '0;
            ovf   <= 1'b0;
            count <= '0;
        end else if (clear) begin
            acc   <= en ? prod_ext : '0;
            ovf   <= 1'b0;
            count <= en ? 6'd1 : 6'd0;
        end else if (en) begin
            acc <= sum;
            if (add_ovf) ovf <= 1'b1;
            if (count != 6'd63) count <= count + 6'd1;
        end
    end
endmodule
