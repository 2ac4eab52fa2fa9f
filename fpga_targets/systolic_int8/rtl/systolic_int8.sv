// systolic_int8 -- weight-stationary N x N int8 systolic array tile, int32 accumulation.
//
// Computes C = A * B one row at a time: for every streamed row a = A[i][0..N-1]
// the tile returns c[j] = sum_k a[k] * B[k][j], j = 0..N-1.
// B is held stationary: PE(k, j) keeps B[k][j].  Activations enter row k from
// the left, skewed by k steps, and move right one PE per step; partial sums move
// down one PE per step; the bottom outputs are de-skewed (column j delayed by
// N-1-j steps) so that all N results of a row leave together.
//
// Interface:
//   weights : w_valid / w_ready, w_data[(k*N+j)*8 +: 8] = B[k][j]   (signed int8)
//   rows    : a_valid / a_ready, a_data[k*8 +: 8]       = A[i][k]   (signed int8)
//   results : c_valid / c_ready, c_data[j*ACCW +: ACCW] = C[i][j]   (signed)
//
// Cycle behavior:
//   * The whole array advances one "step" in every cycle where step = !c_valid || c_ready
//     (global stall on output back-pressure; nothing moves while c_valid && !c_ready).
//   * w_ready is high exactly when no accepted row is still in flight (the array is
//     drained).  A weight load completes on w_valid && w_ready and takes effect for
//     rows accepted from the next cycle on.
//   * a_ready = step && (weights loaded since reset) && !(w_valid && w_ready):
//     a row is accepted on a rising edge with a_valid && a_ready; a cycle with no row
//     accepted inserts a bubble.
//   * Latency: a row accepted in cycle t appears on c_data with c_valid high D = 2N-1
//     steps later (cycle t + 7 for N = 4 when there is no back-pressure); rows come out
//     in order, one per step, with the same bubble pattern they went in with.
//     c_data is stable while c_valid && !c_ready.
//   * Draining needs no flush: the array keeps stepping while the output is free.
//   * rst_n is an asynchronous active-low reset: it empties the array and forgets
//     the weights (a new weight load is required).
module systolic_int8 #(
  parameter int N    = 4,
  parameter int ACCW = 32
) (
  input  logic              clk,
  input  logic              rst_n,
  input  logic              w_valid,
  output logic              w_ready,
  input  logic [N*N*8-1:0]  w_data,
  input  logic              a_valid,
  output logic              a_ready,
  input  logic [N*8-1:0]    a_data,
  output logic              c_valid,
  input  logic              c_ready,
  output logic [N*ACCW-1:0] c_data
);
  localparam int D  = 2 * N - 1;                 // steps from input to output
  localparam int NS = (N > 1) ? N * (N - 1) / 2 : 1;  // skew / de-skew stages

  logic              loaded;
  logic [D-1:0]      vpipe;                      // valid bit of every in-flight step
  logic [N*N*8-1:0]  wreg;                       // stationary weights B[k][j]
  logic [NS*8-1:0]   skew;                       // row k: k stages at k*(k-1)/2
  logic [N*N*8-1:0]  areg;                       // activation held in PE(k,j)
  logic [N*N*ACCW-1:0] preg;                     // partial sum leaving PE(k,j)
  logic [NS*ACCW-1:0] dsk;                       // column j: N-1-j stages
  logic [N*N*8-1:0]  ain;                        // activation entering PE(k,j)
  logic [N*N*16-1:0] prod;                       // a * b of PE(k,j), 16-bit two's complement

  logic step, w_fire, a_fire;

  assign step    = !c_valid || c_ready;
  assign c_valid = vpipe[D-1];
  assign w_ready = (vpipe == '0);
  assign w_fire  = w_valid && w_ready;
  assign a_ready = step && loaded && !w_fire;
  assign a_fire  = a_valid && a_ready;

  // activation seen by each PE in the current step
  always_comb begin
    for (int k = 0; k < N; k++) begin
      for (int j = 0; j < N; j++) begin
        if (j > 0)
          ain[(k*N+j)*8 +: 8] = areg[(k*N+j-1)*8 +: 8];
        else if (k > 0)
          ain[(k*N)*8 +: 8] = skew[(k*(k-1)/2 + k-1)*8 +: 8];
        else
          ain[7:0] = a_data[7:0];
      end
    end
  end

  // products on explicitly sign-extended operands (no reliance on signed context)
  always_comb begin
    for (int i = 0; i < N * N; i++) begin
      prod[i*16 +: 16] = {{8{ain[i*8+7]}}, ain[i*8 +: 8]} * {{8{wreg[i*8+7]}}, wreg[i*8 +: 8]};
    end
  end

  // de-skewed bottom row: column j leaves through its last de-skew stage
  always_comb begin
    for (int j = 0; j < N; j++) begin
      if (j == N - 1)
        c_data[j*ACCW +: ACCW] = preg[((N-1)*N+j)*ACCW +: ACCW];
      else
        c_data[j*ACCW +: ACCW] = dsk[(j*(N-1) - j*(j-1)/2 + (N-2-j))*ACCW +: ACCW];
    end
  end

  // control
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      loaded <= 1'b0;
      vpipe  <= '0;
    end else begin
      if (w_fire) loaded <= 1'b1;
      if (step) vpipe <= {vpipe[D-2:0], a_fire};
    end
  end

  // datapath (no reset: only slots tagged valid in vpipe are ever observed)
  always_ff @(posedge clk) begin
    if (w_fire) wreg <= w_data;
    if (step) begin
      for (int k = 1; k < N; k++) begin
        for (int s = 0; s < k; s++) begin
          if (s == 0)
            skew[(k*(k-1)/2)*8 +: 8] <= a_data[k*8 +: 8];
          else
            skew[(k*(k-1)/2 + s)*8 +: 8] <= skew[(k*(k-1)/2 + s-1)*8 +: 8];
        end
      end
      for (int k = 0; k < N; k++) begin
        for (int j = 0; j < N; j++) begin
          areg[(k*N+j)*8 +: 8] <= ain[(k*N+j)*8 +: 8];
          if (k == 0)
            preg[j*ACCW +: ACCW] <= {{(ACCW-16){prod[j*16+15]}}, prod[j*16 +: 16]};
          else
            preg[(k*N+j)*ACCW +: ACCW] <= preg[((k-1)*N+j)*ACCW +: ACCW]
                                        + {{(ACCW-16){prod[(k*N+j)*16+15]}}, prod[(k*N+j)*16 +: 16]};
        end
      end
      for (int j = 0; j < N - 1; j++) begin
        for (int s = 0; s < N - 1 - j; s++) begin
          if (s == 0)
            dsk[(j*(N-1) - j*(j-1)/2)*ACCW +: ACCW] <= preg[((N-1)*N+j)*ACCW +: ACCW];
          else
            dsk[(j*(N-1) - j*(j-1)/2 + s)*ACCW +: ACCW] <= dsk[(j*(N-1) - j*(j-1)/2 + s-1)*ACCW +: ACCW];
        end
      end
    end
  end
endmodule
