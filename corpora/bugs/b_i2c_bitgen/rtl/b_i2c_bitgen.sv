// b_i2c_bitgen: I2C-like bus bit generator.
//
// One command is accepted while idle (cmd_valid && cmd_ready):
//   START - SDA falls while SCL is high, then SCL is pulled low
//   STOP  - SDA rises while SCL is high, bus left released
//   WRITE - tx_byte shifted out MSB first, then a 9th bit in which SDA is
//           released and the slave's acknowledge is sampled (ack_rcvd)
//   READ  - 8 bits sampled from sda_in MSB first into rx_byte, then a 9th
//           bit in which the master drives ACK (tx_ack = 1) or NACK
// Every bit takes four phases of DIV clocks each (a clock divider makes the
// phase tick). SCL is low in phase 0, high in phases 1 and 2, low in phase
// 3; SDA is changed in phase 0 and sampled at the end of phase 2. SDA is
// open drain: sda_oe = 1 pulls the line low. done pulses for one clock when
// a command completes. Between commands the bus lines hold the level the
// last command left them in.
module b_i2c_bitgen #(
    parameter int DIV = 5,                  // clocks per phase (quarter SCL period)
    parameter int CW  = 4                   // divider counter width
) (
    input  logic       clk,
    input  logic       rst,                 // asynchronous, active high
    input  logic       cmd_valid,
    input  logic [1:0] cmd,                 // 0 START, 1 STOP, 2 WRITE, 3 READ
    input  logic [7:0] tx_byte,
    input  logic       tx_ack,              // READ: acknowledge the byte
    input  logic       sda_in,              // SDA line as seen on the pin
    output logic       cmd_ready,
    output logic       busy,
    output logic       done,
    output logic       scl,
    output logic       sda_oe,              // 1 = drive SDA low
    output logic [7:0] rx_byte,
    output logic       ack_rcvd             // WRITE: slave pulled SDA low in bit 9
);
    localparam logic [1:0] CMD_START = 2'd0;
    localparam logic [1:0] CMD_STOP  = 2'd1;
    localparam logic [1:0] CMD_WRITE = 2'd2;
    localparam logic [1:0] CMD_READ  = 2'd3;

    localparam logic [2:0] ST_IDLE  = 3'd0;
    localparam logic [2:0] ST_START = 3'd1;
    localparam logic [2:0] ST_STOP  = 3'd2;
    localparam logic [2:0] ST_WRITE = 3'd3;
    localparam logic [2:0] ST_READ  = 3'd4;

    logic [2:0]    state;
    logic [CW-1:0] div_cnt;
    logic [1:0]    ph;                      // phase within the bit
    logic [3:0]    bcnt;                    // bit index, 8 = acknowledge bit
    logic [7:0]    shreg;
    logic          ack_q;                   // ACK to send after a READ
    logic          scl_hold, sda_hold;      // bus levels while idle
    logic          tick, last_bit;

    // ------------------------------------------------------------------
    // clock divider: one tick per phase
    // ------------------------------------------------------------------
    assign tick = (state != ST_IDLE) && (div_cnt == CW'(DIV - 1));

    always_ff @(posedge clk or posedge rst) begin
        if (rst)
            div_cnt <= '0;
        else if (state == ST_IDLE || tick)
            div_cnt <= '0;
        else
            div_cnt <= div_cnt + 1'b1;
    end

    // ------------------------------------------------------------------
    // bit sequencer
    // ------------------------------------------------------------------
    assign last_bit = (state == ST_START) || (state == ST_STOP) || (bcnt == 4'd8);

    always_ff @(posedge clk or posedge rst) begin
        if (rst) begin
            state    <= ST_IDLE;
            ph       <= 2'd0;
            bcnt     <= 4'd0;
            shreg    <= 8'h00;
            ack_q    <= 1'b0;
            rx_byte  <= 8'h00;
            ack_rcvd <= 1'b0;
            done     <= 1'b0;
            scl_hold <= 1'b1;
            sda_hold <= 1'b0;
        end else begin
            done <= 1'b0;
            case (state)
                ST_IDLE: begin
                    if (cmd_valid) begin
                        ph   <= 2'd0;
                        bcnt <= 4'd0;
                        case (cmd)
                            CMD_START: state <= ST_START;
                            CMD_STOP:  state <= ST_STOP;
                            CMD_WRITE: begin
                                state <= ST_WRITE;
                                shreg <= tx_byte;
                            end
                            default: begin
                                state <= ST_READ;
                                shreg <= 8'h00;
                                ack_q <= tx_ack;
                            end
                        endcase
                    end
                end

                default: begin
                    if (tick) begin
                        ph <= ph + 2'd1;
                        // end of phase 2: SCL high, sample SDA
                        if (ph == 2'd2) begin
                            if (state == ST_READ && bcnt != 4'd8)
                                shreg <= {shreg[6:0], sda_in};
                            if (state == ST_WRITE && bcnt == 4'd8)
                                ack_rcvd <= ~sda_in;
                        end
                        // end of phase 3: next bit or command complete
                        if (ph == 2'd3) begin
                            if (state == ST_WRITE)
                                shreg <= {shreg[6:0], 1'b0};
                            if (last_bit) begin
                                if (state == ST_READ)
                                    rx_byte <= shreg;
                                scl_hold <= (state == ST_STOP);
                                sda_hold <= (state == ST_START);
                                done     <= 1'b1;
                                state    <= ST_IDLE;
                            end else begin
                                bcnt <= bcnt + 4'd1;
                            end
                        end
                    end
                end
            endcase
        end
    end

    // ------------------------------------------------------------------
    // bus levels
    // ------------------------------------------------------------------
    always_comb begin
        scl    = scl_hold;
        sda_oe = sda_hold;
        case (state)
            ST_START: begin
                scl    = (ph != 2'd3);
                sda_oe = ph[1];
            end
            ST_STOP: begin
                scl    = (ph != 2'd0);
                sda_oe = ~ph[1];
            end
            ST_WRITE: begin
                scl    = ph[0] ^ ph[1];
                sda_oe = (bcnt == 4'd8) ? 1'b0 : ~shreg[7];
            end
            ST_READ: begin
                scl    = ph[0] ^ ph[1];
                sda_oe = (bcnt == 4'd8) ? ack_q : 1'b0;
            end
            default: ;
        endcase
    end

    assign cmd_ready = (state == ST_IDLE);
    assign busy      = (state != ST_IDLE);
endmodule
