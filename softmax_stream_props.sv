// Assertions for `softmax_stream`, mined and checked by `veriloop assert`.
// Each held on the original (proved, or simulation-only where no proof was found) and
// catches mutants; together they catch 14 of 128 confirmed mutants (11%).

module softmax_stream_veriloop_props (
    input logic clk,
    input logic [4:0] cnt,
    input logic [30:0] eprod,
    input logic [15:0] m_data,
    input logic m_ready,
    input logic m_valid,
    input logic rst_n,
    input logic s_ready,
    input logic [1:0] state
);
    // simulation-only (not violated by the testbench and 1 random runs of 10000 cycles; the proof timed out after 30 s); catches 6 of 128 confirmed mutants (5%)
    p2_range_cnt: assert property (@(posedge clk) disable iff (!rst_n) cnt <= 5'd20);
    // proved (Yosys sat-tempinduct, k-induction to depth 20 from the reset sequence); catches 2 of 128 confirmed mutants (2%)
    p9_range_eprod: assert property (@(posedge clk) disable iff (!rst_n) eprod <= 31'd1073758208);
    // proved (Yosys sat-tempinduct, k-induction to depth 20 from the reset sequence); catches 2 of 128 confirmed mutants (2%)
    p13_flag_equals_s_ready: assert property (@(posedge clk) disable iff (!rst_n) s_ready == (state == 2'd0));
    // proved (Yosys sat-tempinduct, k-induction to depth 20 from the reset sequence); catches 2 of 128 confirmed mutants (2%)
    p14_flag_equals_m_valid: assert property (@(posedge clk) disable iff (!rst_n) m_valid == (state == 2'd3));
    // simulation-only (not violated by the testbench and 1 random runs of 10000 cycles; no proof within depth 20); catches 3 of 128 confirmed mutants (2%)
    p20_handshake_m_data: assert property (@(posedge clk) disable iff (!rst_n) m_valid && !m_ready |=> $stable(m_data));
endmodule

bind softmax_stream softmax_stream_veriloop_props vl_props (.clk(clk), .cnt(cnt), .eprod(eprod), .m_data(m_data), .m_ready(m_ready), .m_valid(m_valid), .rst_n(rst_n), .s_ready(s_ready), .state(state));
