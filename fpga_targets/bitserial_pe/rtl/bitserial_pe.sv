// bitserial_pe -- weight-bit-serial multiply-accumulate PE with per-group dequantization.
//
// One input beat carries a group of GS int8 activations a[i], GS weights w[i] of
// runtime-selectable precision (2, 3, 4 or 8 bits, two's complement), and the
// group's integer scale s (signed SCW bits) and right shift sh (unsigned SHW bits).
// The PE walks the weight bits one bit-plane per cycle:
//     psum = sum_b  (+/-) (sum_{i : w[i] bit b = 1} a[i]) << b
// (the top plane b = nbits-1 is subtracted: two's-complement sign bit), which equals
// sum_i a[i] * w[i].  The group is then dequantized and accumulated:
//     acc += (psum * s + ((1 << sh) >> 1)) >>> sh       (round half up, arithmetic shift)
// A beat with s_last = 1 closes the dot product: acc is sent out and cleared.
//
// Interface:
//   s_act[i*8 +: 8]  activation a[i]         (signed)
//   s_wgt[i*8 +: 8]  weight lane i; only the low nbits are used (upper bits ignored),
//                    sign-extended from bit nbits-1
//   s_mode           0: 2-bit, 1: 3-bit, 2: 4-bit, 3: 8-bit weights
//   s_scale, s_shift, s_last   as above
//   m_data           accumulated dot product (signed ACCW bits)
//
// Cycle behavior (nb = selected weight bits):
//   * s_ready is high only in the idle/input state; a beat is accepted on a rising
//     edge with s_valid && s_ready (cycle t).
//   * Cycles t+1 .. t+nb: one bit-plane per cycle (LSB first).
//   * Cycle t+nb+1: dequantize-and-accumulate.
//   * Cycle t+nb+2: if the beat had s_last = 0, s_ready is high again (s_ready is low
//     for exactly nb+1 cycles after each beat); if s_last = 1, m_valid rises instead
//     (latency nb+2 cycles from the last beat) and holds, with m_data stable, until
//     m_valid && m_ready; acc is cleared on that handshake and s_ready is high in the
//     next cycle.  s_ready and m_valid are never high together.
//   * rst_n is an asynchronous active-low reset: it clears the accumulator and
//     aborts a partially accumulated dot product.
module bitserial_pe #(
  parameter int GS   = 4,    // activations per group (per beat)
  parameter int SCW  = 8,    // scale width (signed)
  parameter int SHW  = 4,    // shift width (unsigned)
  parameter int ACCW = 32
) (
  input  logic            clk,
  input  logic            rst_n,
  input  logic            s_valid,
  output logic            s_ready,
  input  logic [GS*8-1:0] s_act,
  input  logic [GS*8-1:0] s_wgt,
  input  logic [1:0]      s_mode,
  input  logic [SCW-1:0]  s_scale,
  input  logic [SHW-1:0]  s_shift,
  input  logic            s_last,
  output logic            m_valid,
  input  logic            m_ready,
  output logic [ACCW-1:0] m_data
);
  localparam int SW = 8 + $clog2(GS);   // plane sum width
  localparam int PW = 16 + $clog2(GS);  // exact dot-product width
  localparam int QW = PW + SCW;         // scaled product width
  localparam logic [QW-1:0] ONE = 1;

  localparam S_IN  = 2'd0;
  localparam S_BIT = 2'd1;
  localparam S_DQ  = 2'd2;
  localparam S_OUT = 2'd3;

  logic [1:0]            state;
  logic [2:0]            bitn;      // current bit-plane
  logic [2:0]            topb;      // index of the sign plane (nbits - 1)
  logic [GS*8-1:0]       act;
  logic [GS*8-1:0]       wgt;
  logic [SCW-1:0]        scale;
  logic [SHW-1:0]        shift;
  logic                  last;
  logic [PW-1:0]         psum;
  logic [ACCW-1:0]       acc;

  // All arithmetic below is on explicitly sign-extended, equal-width unsigned
  // vectors (two's complement bit patterns), so no result depends on signed context.
  logic [SW-1:0]         plane;     // sum of activations whose weight bit is set
  logic [PW-1:0]         term;      // plane << bit, sign-extended to PW
  logic [QW-1:0]         scaled;    // psum * scale
  logic [QW-1:0]         biased;    // scaled + ((1 << shift) >> 1)
  logic [2*QW-1:0]       shifted;   // sign-filled biased >> shift

  assign s_ready = (state == S_IN);
  assign m_valid = (state == S_OUT);
  assign m_data  = acc;

  always_comb begin
    plane = '0;
    for (int i = 0; i < GS; i++) begin
      if (wgt[i*8 + bitn]) plane = plane + {{(SW-8){act[i*8+7]}}, act[i*8 +: 8]};
    end
  end

  assign term    = {{(PW-SW){plane[SW-1]}}, plane} << bitn;
  assign scaled  = {{(QW-PW){psum[PW-1]}}, psum} * {{(QW-SCW){scale[SCW-1]}}, scale};
  assign biased  = scaled + ((ONE << shift) >> 1);
  assign shifted = {{QW{biased[QW-1]}}, biased} >> shift;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state <= S_IN;
      acc   <= '0;
    end else begin
      case (state)
        S_IN: begin
          if (s_valid) state <= S_BIT;
        end
        S_BIT: begin
          if (bitn == topb) state <= S_DQ;
        end
        S_DQ: begin
          // round half up: add (1 << shift) >> 1, then arithmetic shift
          acc   <= acc + {{(ACCW-QW){shifted[QW-1]}}, shifted[QW-1:0]};
          state <= last ? S_OUT : S_IN;
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

  always_ff @(posedge clk) begin
    if (s_valid && s_ready) begin
      act   <= s_act;
      wgt   <= s_wgt;
      scale <= s_scale;
      shift <= s_shift;
      last  <= s_last;
      psum  <= '0;
      bitn  <= '0;
      case (s_mode)
        2'd0:    topb <= 3'd1;
        2'd1:    topb <= 3'd2;
        2'd2:    topb <= 3'd3;
        default: topb <= 3'd7;
      endcase
    end
    if (state == S_BIT) begin
      bitn <= bitn + 1'b1;
      if (bitn == topb) psum <= psum - term;
      else              psum <= psum + term;
    end
  end
endmodule
