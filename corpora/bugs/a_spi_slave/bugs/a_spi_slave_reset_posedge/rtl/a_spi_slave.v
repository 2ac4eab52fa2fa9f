// a_spi_slave.v -- SPI slave, mode 0 (CPOL = 0, CPHA = 0), MSB first
//
// sclk, cs_n and mosi are asynchronous to clk. They pass through two-flop
// synchronizers and SCLK edges are detected in the clk domain, so SCLK must
// be slower than clk / 4 for a real master.
//
//   * while cs_n is high the transmit shift register follows tx_data, so the
//     first MSB is on miso as soon as the slave is selected.
//   * MOSI is sampled on each rising SCLK edge. After the 8th rising edge the
//     byte is copied to rx_data and rx_valid is high for one clk cycle.
//   * MISO changes on the falling SCLK edges; the falling edge that follows a
//     complete byte loads the next tx_data.
//   * miso is driven low while the slave is not selected.

module a_spi_slave (
    input  wire       clk,
    input  wire       rst_n,
    // SPI pins
    input  wire       sclk,
    input  wire       cs_n,
    input  wire       mosi,
    output reg        miso,
    // user side
    input  wire [7:0] tx_data,
    output reg  [7:0] rx_data,
    output reg        rx_valid
);

    reg [2:0] sclk_r;       // [0], [1]: synchronizer, [2]: previous value
    reg [1:0] cs_r;
    reg [1:0] mosi_r;

    reg [2:0] bit_cnt;
    reg [7:0] rx_shreg;
    reg [7:0] tx_shreg;

    wire sclk_rise = sclk_r[1] & ~sclk_r[2];
    wire sclk_fall = ~sclk_r[1] & sclk_r[2];
    wire cs_sel    = ~cs_r[1];
    wire mosi_s    = mosi_r[1];

    // input synchronizers
    always @(posedge clk or posedge rst_n) begin
        if (!rst_n) begin
            sclk_r <= 3'b000;
            cs_r   <= 2'b11;
            mosi_r <= 2'b00;
        end else begin
            sclk_r <= {sclk_r[1:0], sclk};
            cs_r   <= {cs_r[0], cs_n};
            mosi_r <= {mosi_r[0], mosi};
        end
    end

    // shift registers and bit counter
    always @(posedge clk or posedge rst_n) begin
        if (!rst_n) begin
            bit_cnt  <= 3'd0;
            rx_shreg <= 8'h00;
            tx_shreg <= 8'h00;
            rx_data  <= 8'h00;
            rx_valid <= 1'b0;
        end else begin
            rx_valid <= 1'b0;
            if (!cs_sel) begin
                bit_cnt  <= 3'd0;
                tx_shreg <= tx_data;
            end else begin
                if (sclk_rise) begin
                    rx_shreg <= {rx_shreg[6:0], mosi_s};
                    bit_cnt  <= bit_cnt + 3'd1;
                    if (bit_cnt == 3'd7) begin
                        rx_data  <= {rx_shreg[6:0], mosi_s};
                        rx_valid <= 1'b1;
                    end
                end
                if (sclk_fall) begin
                    if (bit_cnt == 3'd0)
                        tx_shreg <= tx_data;            // byte boundary: next byte
                    else
                        tx_shreg <= {tx_shreg[6:0], 1'b0};
                end
            end
        end
    end

    // serial output
    always @(cs_sel or tx_shreg) begin
        if (cs_sel)
            miso = tx_shreg[7];
        else
            miso = 1'b0;
    end

endmodule
