// a_uart_tx8n1.v -- UART transmitter, 8N1
//
// Frame: one start bit (0), eight data bits LSB first, one stop bit (1).
// Every bit lasts CLKS_PER_BIT clock cycles.
//
//   tx_start  sampled while idle; tx_data is captured in the same cycle.
//             Ignored while a frame is being sent.
//   busy      high from the cycle after tx_start until the stop bit ends.
//   tx        registered serial output, idle high.
//   tx_done   one-cycle pulse after the stop bit has been sent.

`define UART_MARK  1'b1     // idle / stop level
`define UART_SPACE 1'b0     // start bit level

module a_uart_tx8n1 #(
    parameter CLKS_PER_BIT = 5
) (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       tx_start,
    input  wire [7:0] tx_data,
    output reg        tx,
    output wire       busy,
    output reg        tx_done
);

    localparam [1:0] S_IDLE  = 2'd0,
                     S_START = 2'd1,
                     S_DATA  = 2'd2,
                     S_STOP  = 2'd3;

    reg [1:0] state;
    reg [1:0] state_nxt;
    reg [3:0] baud_cnt;
    reg [2:0] bit_idx;
    reg [7:0] shreg;
    reg       tx_nxt;

    wire baud_tick = (baud_cnt == CLKS_PER_BIT - 1);
    wire last_bit  = (bit_idx == 3'd7);

    assign busy = (state != S_IDLE);

    // next-state logic
    always @(*) begin
        state_nxt = state;
        case (state)
            S_IDLE:  if (tx_start)              state_nxt = S_START;
            S_START: if (baud_tick)             state_nxt = S_DATA;
            S_DATA:  if (baud_tick && last_bit) state_nxt = S_STOP;
            S_STOP:  if (baud_tick)             state_nxt = S_IDLE;
            default:                            state_nxt = S_IDLE;
        endcase
    end

    // serial line level for the current state
    always @(state or shreg) begin
        case (state)
            S_START: tx_nxt = `UART_SPACE;
            S_DATA:  tx_nxt = shreg[0];
            default: tx_nxt = `UART_MARK;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= #1 S_IDLE;
            tx    <= #1 `UART_MARK;
        end else begin
            state <= #1 state_nxt;
            tx    <= #1 tx_nxt;
        end
    end

    // bit timing, data shifting and the done pulse
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            baud_cnt <= #1 4'd0;
            bit_idx  <= #1 3'd0;
            shreg    <= #1 8'h00;
            tx_done  <= #1 1'b0;
        end else begin
            tx_done <= #1 1'b0;
            if (state == S_IDLE) begin
                baud_cnt <= #1 4'd0;
                bit_idx  <= #1 3'd0;
                if (tx_start)
                    shreg <= #1 tx_data;
            end else if (baud_tick) begin
                baud_cnt <= #1 4'd0;
                if (state == S_DATA) begin
                    shreg   <= #1 {1'b0, shreg[7:1]};
                    bit_idx <= #1 bit_idx + 3'd1;
                end
                if (state == S_STOP)
                    tx_done <= #1 1'b1;
            end else begin
                baud_cnt <= #1 baud_cnt + 4'd1;
            end
        end
    end

endmodule
