// spi_master: SPI mode 0 (CPOL = 0, CPHA = 0) byte master. `start` in idle
// latches tx_data and the bit order, drops cs_n and runs 8 sclk periods of
// 2*HALF clk cycles: miso is sampled on rising sclk, mosi shifts on falling
// sclk. One cycle after the last falling edge cs_n rises, rx_data updates and
// `done` pulses. mosi is 0 while cs_n is high. Asynchronous active-low reset
// for the control state; the datapath is (re)initialized by every start.
module spi_master #(
    parameter logic [3:0] HALF = 4'd2
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       start,
    input  logic       lsb_first,
    input  logic [7:0] tx_data,
    input  logic       miso,
    output logic       sclk,
    output logic       mosi,
    output logic       cs_n,
    output logic       busy,
    output logic       done,
    output logic [7:0] rx_data
);
    localparam logic [1:0] IDLE = 2'd0, SHIFT = 2'd1, LAST = 2'd2;

    logic [1:0] st;
    logic [7:0] sh_tx, sh_rx;
    logic [2:0] bits;
    logic [3:0] divc;
    logic       lsb_q, tick, go;

    assign busy = (st != IDLE);
    assign mosi = cs_n ? 1'b0 : (lsb_q ? sh_tx[0] : sh_tx[7]);
    assign tick = (st == SHIFT) && (divc == HALF - 4'd1);
    assign go   = (st == IDLE) && start;

    // datapath: no reset, loaded by every start
    always_ff @(posedge clk) begin
        if (go) begin
            lsb_q <= lsb_first;
            sh_tx <= tx_data;
            bits  <= 3'd7;
            divc  <= 4'd0;
        end else if (st == SHIFT) begin
            divc <= tick ? 4'd0 : divc + 4'd1;
            if (tick && !sclk) sh_rx <= lsb_q ? {miso, sh_rx[7:1]} : {sh_rx[6:0], miso};
            if (tick && sclk) begin
                sh_tx <= lsb_q ? (sh_tx >> 1) : (sh_tx << 1);
                bits  <= bits - 3'd1;
            end
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st      <= IDLE;
            sclk    <= 1'b0;
            cs_n    <= 1'b1;
            done    <= 1'b0;
            rx_data <= 8'h00;
        end else begin
            done <= 1'b0;
            case (st)
                IDLE: if (go) begin
                    cs_n <= 1'b0;
                    st   <= SHIFT;
                end
                SHIFT: if (tick) begin
                    sclk <= ~sclk;
                    if (sclk && bits == 3'd0) st <= LAST;
                end
                default: begin   // LAST (and the unused encoding): end the transfer
                    cs_n    <= 1'b1;
                    rx_data <= sh_rx;
                    done    <= 1'b1;
                    st      <= IDLE;
                end
            endcase
        end
    end
endmodule
