// uart_tx: 8N1 UART transmitter. Each bit lasts CLKS_PER_BIT clocks; data
// goes out LSB first. tx_start is accepted only while idle; the byte is
// latched at acceptance. done pulses for one cycle when the stop bit ends.
module uart_tx #(
    parameter int CLKS_PER_BIT = 6
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       tx_start,
    input  logic [7:0] tx_data,
    output logic       tx,
    output logic       busy,
    output logic       done
);
    localparam logic [1:0] S_IDLE  = 2'd0;
    localparam logic [1:0] S_START = 2'd1;
    localparam logic [1:0] S_DATA  = 2'd2;
    localparam logic [1:0] S_STOP  = 2'd3;
    localparam int         CW      = $clog2(CLKS_PER_BIT);

    logic [1:0]    state;
    logic [CW-1:0] clk_cnt;     // position inside the current bit
    logic [2:0]    bit_idx;     // data bit being sent, wraps back to 0
    logic [7:0]    shreg;
    logic          bit_end;

    assign bit_end = (clk_cnt == CW'(CLKS_PER_BIT - 1));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state   <= S_IDLE;
            clk_cnt <= '0;
            bit_idx <= '0;
            shreg   <= '0;
            tx      <= 1'b1;
            done    <= 1'b0;
        end else begin
            done <= 1'b0;
            if (state != S_IDLE) clk_cnt <= bit_end ? '0 : clk_cnt + 1'b1;
            case (state)
                S_IDLE: begin
                    if (tx_start) begin
                        shreg <= tx_data;
                        tx    <= 1'b0;           // start bit
                        state <= S_START;
                    end
                end
                S_START: begin
                    if (bit_end) begin
                        tx    <= shreg[0];
                        state <= S_DATA;
                    end
                end
                S_DATA: begin
                    if (bit_end) begin
                        shreg   <= shreg >> 1;
                        bit_idx <= bit_idx + 1'b1;
                        if (bit_idx == 3'd7) begin
                            tx    <= 1'b1;       // stop bit
                            state <= S_STOP;
                        end else begin
                            tx    <= shreg[1];
                        end
                    end
                end
                S_STOP: begin
                    if (bit_end) begin
                        done  <= 1'b1;
                        state <= S_IDLE;
                    end
                end
                default: state <= S_IDLE;
            endcase
        end
    end

    assign busy = (state != S_IDLE);
endmodule
