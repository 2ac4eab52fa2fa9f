// handshake: valid/ready skid buffer. in_ready is a register output (it
// does not depend on out_ready combinationally); when the output stalls
// while an input beat is accepted, the beat is parked in the skid register.
// Also counts accepted input beats (wrapping).
module handshake #(
    parameter int W = 8
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         in_valid,
    output logic         in_ready,
    input  logic [W-1:0] in_data,
    output logic         out_valid,
    input  logic         out_ready,
    output logic [W-1:0] out_data,
    output logic [7:0]   beats
);
    logic         m_valid, s_valid;
    logic [W-1:0] m_data, s_data;
    logic         in_fire, out_fire;

    assign in_ready  = !s_valid;
    assign in_fire   = in_valid && in_ready;
    assign out_fire  = m_valid && out_ready;
    assign out_valid = m_valid;
    assign out_data  = m_data;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            m_valid <= 1'b0;
            s_valid <= 1'b0;
            m_data  <= '0;
            s_data  <= '0;
        end else if (s_valid) begin
            // skid full: input is blocked, drain the skid into the output
            if (out_ready) begin
                m_data  <= s_data;
                s_valid <= 1'b0;
            end
        end else if (out_fire || !m_valid) begin
            // output register free this cycle: load straight through
            m_valid <= in_valid;
            if (in_valid) m_data <= in_data;
        end else if (in_valid) begin
            // output stalled and a new beat arrives: park it
            s_valid <= 1'b1;
            s_data  <= in_data;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)       beats <= 8'd0;
        else if (in_fire) beats <= beats + 8'd1;
    end
endmodule
