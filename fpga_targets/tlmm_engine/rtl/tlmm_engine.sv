// tlmm_engine -- ternary-weight x int8-activation matrix-vector engine by table lookup.
//
// Computes y[m] = sum_k W[m][k] * x[k] for m in 0..M-1, k in 0..K-1, with
// W[m][k] in {-1, 0, +1} and x[k] a signed int8.  Results are int32 (ACCW bits).
//
// Weight code (2 bits per weight): 2'b01 = +1, 2'b11 = -1, 2'b00 = 0, 2'b10 = 0 (reserved).
// A ternary weight is split as w = p - n with p, n in {0,1}.  For every group of G
// activations the engine builds, online, the table T[i] = sum_{g : i[g]=1} x[g]
// of all 2^G subset sums (T[0] = 0); the positive mask P and the negative mask N of
// each row's G weights index that table: row contribution = T[P] - T[N].
//
// Interface (one input beat per group of G activations, NG = K/G beats per vector):
//   s_act[g*8 +: 8]        activation x[grp*G + g]                (signed)
//   s_wgt[(m*G+g)*2 +: 2]  weight code of W[m][grp*G + g]
//   m_data[m*ACCW +: ACCW] y[m]                                   (signed)
//
// Cycle behavior (TN = 2^G; defaults K=16, M=4, G=4 -> TN=16, NG=4):
//   * s_ready is high only in the input state.  A beat is accepted on a rising edge
//     where s_valid && s_ready (cycle t).
//   * Cycles t+1 .. t+TN-1 (TN-1 cycles): table build, one entry per cycle,
//     T[i] = T[i & (i-1)] + x[lowest set bit of i], i = 1 .. TN-1.
//   * Cycle t+TN: lookup, all M rows in parallel: acc[m] += T[P_m] - T[N_m]
//     (acc[m] is restarted from 0 on the first group of a vector).
//   * So s_ready is low for exactly TN cycles after each accepted beat and is high
//     again at cycle t+TN+1, except after the last (NG-th) beat of a vector: then
//     m_valid rises at cycle t+TN+1 (latency TN+1 = 17 cycles by default) and stays
//     high, with m_data stable, until m_valid && m_ready; the cycle after that
//     handshake s_ready is high again.  s_ready and m_valid are never high together.
//   * rst_n is an asynchronous active-low reset; it aborts a partial vector.
module tlmm_engine #(
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
  input  logic [M*G*2-1:0]  s_wgt,
  output logic              m_valid,
  input  logic              m_ready,
  output logic [M*ACCW-1:0] m_data
);
  localparam int NG = K / G;
  localparam int TN = 1 << G;
  localparam int TW = 8 + $clog2(G);           // width of one subset sum
  localparam int DW = TW + 1;                  // width of T[P] - T[N]
  localparam int GW = (NG > 1) ? $clog2(NG) : 1;
  localparam int LW = (G > 1) ? $clog2(G) : 1;

  localparam S_IN    = 2'd0;
  localparam S_BUILD = 2'd1;
  localparam S_LOOK  = 2'd2;
  localparam S_OUT   = 2'd3;

  logic [1:0]            state;
  logic [G-1:0]          bidx;       // table entry being built
  logic [GW-1:0]         grp;        // group index inside the vector
  logic [G*8-1:0]        act;        // latched activations of the group
  logic [M*G*2-1:0]      wgt;        // latched weight codes of the group
  logic [(TN-1)*TW-1:0]  tbl_hi;     // entries 1 .. TN-1
  logic [TN*TW-1:0]      tbl;        // full table, entry 0 tied to zero
  logic [M*ACCW-1:0]     acc;

  assign tbl     = {tbl_hi, {TW{1'b0}}};
  assign s_ready = (state == S_IN);
  assign m_valid = (state == S_OUT);
  assign m_data  = acc;

  // ---- table build: entry bidx = T[bidx with lowest one cleared] + x[lowest one]
  logic [LW-1:0]        lsb;
  logic [G-1:0]         base;
  logic [TW-1:0]        entry;

  always_comb begin
    lsb = '0;
    for (int i = G - 1; i >= 0; i--) begin
      if (bidx[i]) lsb = i;
    end
  end

  // sign extension is written out explicitly (no reliance on signed context)
  assign base  = bidx & (bidx - 1'b1);
  assign entry = tbl[base*TW +: TW] + {{(TW-8){act[lsb*8+7]}}, act[lsb*8 +: 8]};

  // ---- lookup: positive / negative masks of every row
  logic [M*G-1:0]  pmask;
  logic [M*G-1:0]  nmask;
  logic [M*DW-1:0] delta;

  always_comb begin
    for (int m = 0; m < M; m++) begin
      for (int g = 0; g < G; g++) begin
        pmask[m*G+g] = wgt[(m*G+g)*2] & ~wgt[(m*G+g)*2+1];
        nmask[m*G+g] = wgt[(m*G+g)*2] &  wgt[(m*G+g)*2+1];
      end
      delta[m*DW +: DW] = {tbl[pmask[m*G +: G]*TW + TW-1], tbl[pmask[m*G +: G]*TW +: TW]}
                        - {tbl[nmask[m*G +: G]*TW + TW-1], tbl[nmask[m*G +: G]*TW +: TW]};
    end
  end

  // ---- control
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state <= S_IN;
      grp   <= '0;
    end else begin
      case (state)
        S_IN: begin
          if (s_valid) state <= S_BUILD;
        end
        S_BUILD: begin
          if (bidx == TN - 1) state <= S_LOOK;
        end
        S_LOOK: begin
          if (grp == NG - 1) begin
            grp   <= '0;
            state <= S_OUT;
          end else begin
            grp   <= grp + 1'b1;
            state <= S_IN;
          end
        end
        default: begin
          if (m_ready) state <= S_IN;
        end
      endcase
    end
  end

  // ---- datapath (no reset needed: every value is written before it is used)
  always_ff @(posedge clk) begin
    if (s_valid && s_ready) begin
      act  <= s_act;
      wgt  <= s_wgt;
      bidx <= 1;
    end
    if (state == S_BUILD) begin
      bidx <= bidx + 1'b1;
      tbl_hi[(bidx-1)*TW +: TW] <= entry;
    end
    if (state == S_LOOK) begin
      for (int m = 0; m < M; m++) begin
        acc[m*ACCW +: ACCW] <= ((grp == 0) ? {ACCW{1'b0}} : acc[m*ACCW +: ACCW])
                             + {{(ACCW-DW){delta[m*DW+DW-1]}}, delta[m*DW +: DW]};
      end
    end
  end
endmodule
