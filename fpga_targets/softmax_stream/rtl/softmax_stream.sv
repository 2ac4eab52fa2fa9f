// softmax_stream -- fixed-point streaming softmax over vectors of N elements.
//
// Number formats
//   input  s_data : signed int8, Q4.4 (real value x/16, range -8 .. +7.9375)
//   output m_data : unsigned 16 bits, Q0.15 probability (32768 = 1.0)
//
// Algorithm (bit-exact with corpora/hls/softmax_stream_hls/tb/softmax_stream_golden.h)
//   1. running max     mx = max_i x_i, tracked while the N inputs stream in
//   2. exponent        d_i = mx - x_i (0..255, Q4.4) = 16*hi + lo
//                      e_i = (EA[hi] * EB[lo] + 2^14) >> 15  ~= 2^15 * exp(-d_i/16)
//                      EA[k] = round(2^15 * exp(-k)), EB[j] = round(2^15 * exp(-j/16))
//                      (two 16-entry tables and one 16x16 multiply; |e_i - exact| <= 0.82
//                      LSB over all 256 d, checked exhaustively)
//   3. sum             S = sum_i e_i            (2^15 <= S <= N * 2^15)
//   4. reciprocal      R = floor(2^35 / S)      (21-bit restoring division, 1 bit/cycle)
//   5. normalize       y_i = (e_i * R + 2^19) >> 20
//
// Error bound: for every element |y_i / 32768 - softmax(x / 16)_i| <= 2^-12 (2.441e-4)
// against double-precision softmax of the same Q4.4 inputs, for N = 8.  Derivation:
// with |e_i' - e_i| <= eps = 0.82 LSB and S, S' >= 2^15 (the max element is exact),
// |e'/S' - e/S| <= (1 + N) * eps / 2^15 = 2.23e-4; the floor in R costs < 1/32 LSB and
// the output rounding 1/2 LSB (2^-15 units), total < 2.40e-4.  Measured maximum over
// 200k random / clustered / extreme vectors and all equal-gap sweeps: 1.55e-4.
//
// Interface: s_valid / s_ready / s_data (one element per beat, N beats per vector);
//            m_valid / m_ready / m_data / m_last (N beats per vector, m_last on the last).
//
// Cycle behavior (defaults N = 8, RW = 21 division steps):
//   * s_ready is high only in the load state.  Elements are accepted on rising edges
//     with s_valid && s_ready (bubbles allowed); let t be the cycle of the N-th one.
//   * Cycles t+1 .. t+N: one exponent per cycle (element 0 first), summed.
//   * Cycles t+N+1 .. t+N+RW: reciprocal, one quotient bit per cycle.
//   * From cycle t+N+RW+1 (t+30 by default): m_valid is high for the N output beats
//     in order; each beat holds, with m_data / m_last stable, until m_valid && m_ready,
//     and the next beat is valid in the following cycle.  The cycle after the N-th
//     output handshake s_ready is high again.  s_ready and m_valid are never high
//     together.
//   * rst_n is an asynchronous active-low reset; it discards a partial vector.
module softmax_stream #(
  parameter int N = 8
) (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        s_valid,
  output logic        s_ready,
  input  logic [7:0]  s_data,
  output logic        m_valid,
  input  logic        m_ready,
  output logic [15:0] m_data,
  output logic        m_last
);
  localparam int RW = 21;                  // reciprocal (quotient) bits
  localparam int SW = 16 + $clog2(N);      // width of the exponent sum
  localparam int CW = ($clog2(N) > 5) ? $clog2(N) : 5;

  localparam S_LOAD = 2'd0;
  localparam S_EXP  = 2'd1;
  localparam S_DIV  = 2'd2;
  localparam S_OUT  = 2'd3;

  logic [1:0]     state;
  logic [CW-1:0]  cnt;
  logic [N*8-1:0] xbuf;
  logic [N*16-1:0] ebuf;
  logic [7:0]     mx;
  logic [SW-1:0]  sum;
  logic [SW-1:0]  rem;
  logic [RW-1:0]  quo;

  assign s_ready = (state == S_LOAD);
  assign m_valid = (state == S_OUT);
  assign m_last  = (cnt == N - 1);

  // ---- exponent unit: e = 2^15 * exp(-d/16) = EA[d[7:4]] * EB[d[3:0]] / 2^15
  logic [7:0]  d;
  logic [15:0] ea;
  logic [15:0] eb;
  logic [30:0] eprod;
  logic [15:0] e;

  assign d = mx - xbuf[cnt*8 +: 8];

  always_comb begin
    case (d[7:4])
      4'd0:  ea = 16'd32768;
      4'd1:  ea = 16'd12055;
      4'd2:  ea = 16'd4435;
      4'd3:  ea = 16'd1631;
      4'd4:  ea = 16'd600;
      4'd5:  ea = 16'd221;
      4'd6:  ea = 16'd81;
      4'd7:  ea = 16'd30;
      4'd8:  ea = 16'd11;
      4'd9:  ea = 16'd4;
      4'd10: ea = 16'd1;
      4'd11: ea = 16'd1;
      default: ea = 16'd0;       // exp(-k) * 2^15 < 0.5 for k >= 12
    endcase
  end

  always_comb begin
    case (d[3:0])
      4'd0:  eb = 16'd32768;
      4'd1:  eb = 16'd30783;
      4'd2:  eb = 16'd28918;
      4'd3:  eb = 16'd27166;
      4'd4:  eb = 16'd25520;
      4'd5:  eb = 16'd23974;
      4'd6:  eb = 16'd22521;
      4'd7:  eb = 16'd21157;
      4'd8:  eb = 16'd19875;
      4'd9:  eb = 16'd18671;
      4'd10: eb = 16'd17539;
      4'd11: eb = 16'd16477;
      4'd12: eb = 16'd15479;
      4'd13: eb = 16'd14541;
      4'd14: eb = 16'd13660;
      default: eb = 16'd12832;
    endcase
  end

  assign eprod = ea * eb + 31'd16384;
  assign e     = eprod[30:15];

  // ---- reciprocal step: shift-subtract
  logic [SW:0] rem2;
  assign rem2 = {rem, 1'b0};

  // ---- normalize
  logic [35:0] prod;
  assign prod   = ebuf[cnt*16 +: 16] * quo + 36'd524288;
  assign m_data = prod[35:20];

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state <= S_LOAD;
      cnt   <= '0;
    end else begin
      case (state)
        S_LOAD: begin
          if (s_valid) begin
            cnt <= cnt + 1'b1;
            if (cnt == N - 1) begin
              cnt   <= '0;
              state <= S_EXP;
            end
          end
        end
        S_EXP: begin
          cnt <= cnt + 1'b1;
          if (cnt == N - 1) begin
            cnt   <= '0;
            state <= S_DIV;
          end
        end
        S_DIV: begin
          cnt <= cnt + 1'b1;
          if (cnt == RW - 1) begin
            cnt   <= '0;
            state <= S_OUT;
          end
        end
        default: begin
          if (m_ready) begin
            cnt <= cnt + 1'b1;
            if (cnt == N - 1) begin
              cnt   <= '0;
              state <= S_LOAD;
            end
          end
        end
      endcase
    end
  end

  // datapath registers without reset: always written before use
  always_ff @(posedge clk) begin
    if (s_valid && s_ready) begin
      xbuf[cnt*8 +: 8] <= s_data;
      // signed compare done as unsigned compare of offset-binary values
      if (cnt == 0 || {~s_data[7], s_data[6:0]} > {~mx[7], mx[6:0]}) mx <= s_data;
    end
    if (state == S_EXP) begin
      ebuf[cnt*16 +: 16] <= e;
      sum <= ((cnt == 0) ? {SW{1'b0}} : sum) + e;
      rem <= 1 << 14;
    end
    if (state == S_DIV) begin
      if (rem2 >= sum) begin
        rem <= rem2 - sum;
        quo <= {quo[RW-2:0], 1'b1};
      end else begin
        rem <= rem2;
        quo <= {quo[RW-2:0], 1'b0};
      end
    end
  end
endmodule
