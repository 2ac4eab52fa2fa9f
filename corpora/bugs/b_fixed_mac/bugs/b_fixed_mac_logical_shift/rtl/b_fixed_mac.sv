// b_fixed_mac: signed fixed-point multiply-accumulate with saturation.
//
// Operands a and b are Q1.FRAC signed numbers (DW bits). Their full
// product (2*DW bits, Q2.(2*FRAC)) is added to, or with sub subtracted
// from, an ACC_W-bit accumulator that saturates at its most positive and
// most negative values instead of wrapping (acc_sat is a sticky flag).
//   en         - accumulate this cycle
//   clr        - restart the sum: with en the accumulator takes +/- the
//                product, without en it is cleared; clr also clears acc_sat
// The result y is the accumulator scaled back to Q1.FRAC: rounded to
// nearest (ties toward +inf) when rnd_en is set, otherwise truncated toward
// -inf, then clipped to the DW-bit range (y_sat marks a clipped y).
module b_fixed_mac #(
    parameter int DW    = 8,
    parameter int FRAC  = 7,                // DW - 1
    parameter int ACC_W = 18
) (
    input  logic                    clk,
    input  logic                    rst_n,  // asynchronous, active low
    input  logic                    en,
    input  logic                    clr,
    input  logic                    sub,
    input  logic                    rnd_en,
    input  logic signed [DW-1:0]    a,
    input  logic signed [DW-1:0]    b,
    output logic signed [ACC_W-1:0] acc,
    output logic signed [DW-1:0]    y,
    output logic                    y_sat,
    output logic                    acc_sat,
    output logic                    vld     // en delayed by one clock
);
    localparam int PW = 2 * DW;             // product width

    localparam logic signed [ACC_W-1:0] ACC_MAX = {1'b0, {(ACC_W-1){1'b1}}};
    localparam logic signed [ACC_W-1:0] ACC_MIN = {1'b1, {(ACC_W-1){1'b0}}};
    localparam logic signed [ACC_W:0]   Y_MAX   = (ACC_W+1)'((1 << (DW-1)) - 1);
    localparam logic signed [ACC_W:0]   Y_MIN   = -(ACC_W+1)'(1 << (DW-1));
    localparam logic signed [ACC_W:0]   HALF    = (ACC_W+1)'(1 << (FRAC-1));

    // ------------------------------------------------------------------
    // multiply and accumulate
    // ------------------------------------------------------------------
    logic signed [PW-1:0]    prod;
    logic signed [ACC_W-1:0] prod_x, addend, base, sum, acc_nx;
    logic                    ovf_pos, ovf_neg;

    assign prod   = $signed(a) * $signed(b);
    assign prod_x = {{(ACC_W-PW){prod[PW-1]}}, prod};
    assign addend = sub ? (~prod_x + 1'b1) : prod_x;
    assign base   = clr ? '0 : acc;
    assign sum    = base + addend;

    // positive overflow: two non-negative operands gave a negative sum
    assign ovf_pos = ~base[ACC_W-1] & ~addend[ACC_W-1] & sum[ACC_W-1];
    // negative overflow: two negative operands gave a non-negative sum
    assign ovf_neg = base[ACC_W-1] & addend[ACC_W-1] & ~sum[ACC_W-1];

    always_comb begin
        if (ovf_pos)
            acc_nx = ACC_MAX;
        else if (ovf_neg)
            acc_nx = ACC_MIN;
        else
            acc_nx = sum;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            acc     <= '0;
            acc_sat <= 1'b0;
            vld     <= 1'b0;
        end else begin
            vld <= en;
            if (en)
                acc <= acc_nx;
            else if (clr)
                acc <= '0;

            if (clr)
                acc_sat <= en && (ovf_pos || ovf_neg);
            else if (en && (ovf_pos || ovf_neg))
                acc_sat <= 1'b1;
        end
    end

    // ------------------------------------------------------------------
    // scale back to Q1.FRAC, round or truncate, clip
    // ------------------------------------------------------------------
    logic signed [ACC_W:0] acc_x, q_full;

    assign acc_x = $signed({acc[ACC_W-1], acc});

    always_comb begin
        if (rnd_en) begin
            q_full = (acc_x + HALF) >> FRAC;
        end else begin
            q_full = acc_x >> FRAC;
        end

        if (q_full > Y_MAX) begin
            y     = Y_MAX[DW-1:0];
            y_sat = 1'b1;
        end else if (q_full < Y_MIN) begin
            y     = Y_MIN[DW-1:0];
            y_sat = 1'b1;
        end else begin
            y     = q_full[DW-1:0];
            y_sat = 1'b0;
        end
    end
endmodule
