// enum_pkt_fsm: parser for a simple byte stream. A packet is a header byte
// 8'hAx (x = packet type), a length byte (low nibble = payload bytes), the
// payload, and a check byte equal to the xor of header, length and payload.
// Bytes count only when vld is high. A zero length skips straight to the
// check byte. ok / err pulse (registered) when the check byte arrives.
// State moves are casts of arithmetic on the enum. Synchronous active-high
// reset.
module enum_pkt_fsm (
    input  logic       clk,
    input  logic       srst,
    input  logic       vld,
    input  logic [7:0] din,
    output logic [1:0] state_o,
    output logic [3:0] ptype,
    output logic [3:0] remaining,
    output logic [7:0] csum,
    output logic       ok,
    output logic       err
);
    typedef enum logic [1:0] {S_HDR, S_LEN, S_PAY, S_CHK} state_t;

    state_t state, nxt;

    always_comb begin
        nxt = state;
        if (vld) begin
            case (state)
                S_HDR: if (din[7:4] == 4'hA) nxt = state_t'(state + 2'd1);
                S_LEN: nxt = state_t'(state + ((din[3:0] == 4'd0) ? 2'd2 : 2'd1));
                S_PAY: if (remaining == 4'd1) nxt = S_CHK;
                default: nxt = state_t'(2'd0);
            endcase
        end
    end

    always_ff @(posedge clk) begin
        if (srst) begin
            state     <= S_HDR;
            ptype     <= 4'd0;
            remaining <= 4'd0;
            csum      <= 8'd0;
            ok        <= 1'b0;
            err       <= 1'b0;
        end else begin
            state <= nxt;
            ok    <= 1'b0;
            err   <= 1'b0;
            if (vld) begin
                case (state)
                    S_HDR: begin
                        ptype <= din[3:0];
                        csum  <= din;
                    end
                    S_LEN: begin
                        remaining <= din[3:0];
                        csum      <= csum ^ din;
                    end
                    S_PAY: begin
                        remaining <= remaining - 4'd1;
                        csum      <= csum ^ din;
                    end
                    default: begin
                        ok  <= (din == csum);
                        err <= (din != csum);
                    end
                endcase
            end
        end
    end

    assign state_o = state;
endmodule
