// adder_tree: sums eight unsigned 8-bit operands packed into one bus with a
// three-level tree of adder instances (widths grow by one bit per level).
// Also reports the maximum operand and whether the sum exceeds a threshold.
module adder_tree #(
    parameter int W = 8
) (
    input  logic [8*W-1:0] in_flat,   // operand i is in_flat[i*W +: W]
    input  logic [W+2:0]   threshold,
    output logic [W+2:0]   sum,
    output logic [W-1:0]   max_val,
    output logic           over       // sum > threshold
);
    logic [W:0]   l1 [4];
    logic [W+1:0] l2 [2];

    // level 1: four W-bit adders
    adder #(.W(W)) u_l1_0 (.a(in_flat[0*W +: W]), .b(in_flat[1*W +: W]), .sum(l1[0]));
    adder #(.W(W)) u_l1_1 (.a(in_flat[2*W +: W]), .b(in_flat[3*W +: W]), .sum(l1[1]));
    adder #(.W(W)) u_l1_2 (.a(in_flat[4*W +: W]), .b(in_flat[5*W +: W]), .sum(l1[2]));
    adder #(.W(W)) u_l1_3 (.a(in_flat[6*W +: W]), .b(in_flat[7*W +: W]), .sum(l1[3]));

    // level 2: two (W+1)-bit adders
    adder #(.W(W+1)) u_l2_0 (.a(l1[0]), .b(l1[1]), .sum(l2[0]));
    adder #(.W(W+1)) u_l2_1 (.a(l1[2]), .b(l1[3]), .sum(l2[1]));

    // level 3: final (W+2)-bit adder
    adder #(.W(W+2)) u_l3 (.a(l2[0]), .b(l2[1]), .sum(sum));

    // running maximum over the operands
    always_comb begin
        max_val = in_flat[W-1:0];
        for (int i = 1; i < 8; i++) begin
            if (in_flat[i*W +: W] > max_val) max_val = in_flat[i*W +: W];
        end
    end

    assign over = (sum > threshold);
endmodule
