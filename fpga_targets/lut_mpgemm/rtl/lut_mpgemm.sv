// lut_mpgemm -- LUT-based mixed-precision GEMV: 1..4-bit weights x int8 activations.
//
// Computes y[m] = sum_k W[m][k] * x[k] (m < M, k < K), int32 (ACCW) results.
// Activations arrive G at a time.  For each group the engine builds once the LUT of
// all 2^G subset sums T[i] = sum_{g : i[g]=1} x[g] and reuses it for every weight
// bit-plane b and every row m:
//     y[m] += (+/-) T[{W[m][g] bit b : g = G-1..0}] << b
// Weights of a group have nb = s_nbits + 1 bits (1..4).  With s_signed = 1 they are
// two's complement (the top plane is subtracted); with s_signed = 0 they are unsigned.
// Precision and signedness are chosen per group beat (mixed precision).
//
// Interface (NG = K/G beats per vector):
//   s_act[g*8 +: 8]        activation x[grp*G + g]               (signed)
//   s_wgt[(m*G+g)*4 +: 4]  weight W[m][grp*G + g] in the low nb bits (upper bits ignored)
//   s_nbits                weight bits - 1 (0..3)
//   s_signed               weights are two's complement
//   m_data[m*ACCW +: ACCW] y[m]                                  (signed)
//
// Cycle behavior (defaults K=16, M=4, G=4):
//   * s_ready is high only in the input state; a beat is accepted on a rising edge
//     with s_valid && s_ready (cycle t).
//   * Cycles t+1 .. t+G: LUT build by doubling, step j fills entries [2^j, 2^(j+1))
//     with T[e] = T[e - 2^j] + x[j]  (T[0] = 0).
//   * Cycles t+G+1 .. t+G+nb: one weight bit-plane per cycle (LSB first), all M rows in
//     parallel.
//   * Cycle t+G+nb+1: s_ready is high again (low for exactly G+nb cycles after each
//     beat) unless the beat was the last of a vector; then m_valid is high instead
//     (latency G+nb+1 cycles) and holds, with m_data stable, until m_valid && m_ready.
//     The accumulators are cleared on that handshake and s_ready returns the next cycle.
//     s_ready and m_valid are never high together.
//   * rst_n is an asynchronous active-low reset: clears the accumulators and aborts a
//     partial vector.
module lut_mpgemm #(
  parameter int K    = 16,
  parameter int M    = 4,
  parameter int G    = 4,
  parameter int ACCW = 32
) (
  input  logic              clk,
  input  logic              rst_n,
  input  logic              s_valid,
  output logic              s_ready,
  input  logic [G*8-1:0]    s_act,
  input  logic [M*G*4-1:0]  s_wgt,
  input  logic [1:0]        s_nbits,
  input  logic              s_signed,
  output logic              m_valid,
  input  logic              m_ready,
  output logic [M*ACCW-1:0] m_data
);
  localparam int NG = K / G;
  localparam int TN = 1 << G;
  localparam int TW = 8 + $clog2(G);             // LUT entry width
  localparam int GW = (NG > 1) ? $clog2(NG) : 1;
  localparam int CW = (G > 4) ? $clog2(G) : 2;   // build step / bit-plane counter

  localparam S_IN    = 2'd0;
  localparam S_BUILD = 2'd1;
  localparam S_PLANE = 2'd2;
  localparam S_OUT   = 2'd3;

  logic [1:0]           state;
  logic [CW-1:0]        cnt;
  logic [GW-1:0]        grp;
  logic [G*8-1:0]       act;
  logic [M*G*4-1:0]     wgt;
  logic [1:0]           nbm1;
  logic                 sgn;
  logic [(TN-1)*TW-1:0] tbl_hi;
  logic [TN*TW-1:0]     tbl;
  logic [M*ACCW-1:0]    acc;

  assign tbl     = {tbl_hi, {TW{1'b0}}};
  assign s_ready = (state == S_IN);
  assign m_valid = (state == S_OUT);
  assign m_data  = acc;

  // bit-plane lookup for every row
  logic [M*G-1:0]    pidx;
  logic [M*ACCW-1:0] term;       // LUT entry sign-extended to ACCW, << plane
  logic            neg_plane;

  assign neg_plane = sgn && (cnt == nbm1);

  always_comb begin
    for (int m = 0; m < M; m++) begin
      for (int g = 0; g < G; g++) begin
        pidx[m*G+g] = wgt[(m*G+g)*4 + cnt];
      end
      term[m*ACCW +: ACCW] = {{(ACCW-TW){tbl[pidx[m*G +: G]*TW + TW-1]}}, tbl[pidx[m*G +: G]*TW +: TW]} << cnt;
    end
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state <= S_IN;
      grp   <= '0;
      acc   <= '0;
    end else begin
      case (state)
        S_IN: begin
          if (s_valid) state <= S_BUILD;
        end
        S_BUILD: begin
          if (cnt == G - 1) state <= S_PLANE;
        end
        S_PLANE: begin
          for (int m = 0; m < M; m++) begin
            if (neg_plane)
              acc[m*ACCW +: ACCW] <= acc[m*ACCW +: ACCW] - term[m*ACCW +: ACCW];
            else
              acc[m*ACCW +: ACCW] <= acc[m*ACCW +: ACCW] + term[m*ACCW +: ACCW];
          end
          if (cnt == nbm1) begin
            if (grp == NG - 1) begin
              grp   <= '0;
              state <= S_OUT;
            end else begin
              grp   <= grp + 1'b1;
              state <= S_IN;
            end
          end
        end
        default: begin
          if (m_ready) begin
            acc   <= '0;
            state <= S_IN;
          end
        end
      endcase
    end
  end

  // datapath registers without reset: always written before use
  always_ff @(posedge clk) begin
    if (s_valid && s_ready) begin
      act  <= s_act;
      wgt  <= s_wgt;
      nbm1 <= s_nbits;
      sgn  <= s_signed;
      cnt  <= '0;
    end
    if (state == S_BUILD) begin
      cnt <= (cnt == G - 1) ? '0 : cnt + 1'b1;
      for (int e = 1; e < TN; e++) begin
        if ((e >> cnt) == 1)
          tbl_hi[(e-1)*TW +: TW] <= tbl[(e - (1 << cnt))*TW +: TW] + {{(TW-8){act[cnt*8+7]}}, act[cnt*8 +: 8]};
      end
    end
    if (state == S_PLANE) cnt <= cnt + 1'b1;
  end
endmodule
