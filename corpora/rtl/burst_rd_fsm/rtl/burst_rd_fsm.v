// burst_rd_fsm: read-burst master controller. A start pulse in IDLE latches
// len (beats minus one) and opens the address phase; arvalid stays high until
// arready. In the data phase rready is high and every rvalid consumes one
// beat; the last beat moves to DONE, which pulses done for one cycle. A
// beat arriving with err set aborts the burst straight to DONE with
// error flagged. Two-process style: next_state uses blocking assigns, the
// Mealy/Moore outputs use non-blocking assigns in the same always @(*).
// Asynchronous active-low reset.
module burst_rd_fsm (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       start,
    input  wire [3:0] len,
    input  wire       arready,
    input  wire       rvalid,
    input  wire       err,
    output reg        arvalid,
    output reg        rready,
    output reg        done,
    output reg        last,
    output wire       busy,
    output wire [3:0] beats_left,
    output reg        error
);
    localparam IDLE = 2'b00;
    localparam ADDR = 2'b01;
    localparam DATA = 2'b10;
    localparam DONE = 2'b11;

    reg [1:0] state, next_state;
    reg [3:0] cnt;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            state <= IDLE;
        else
            state <= next_state;
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt   <= 4'd0;
            error <= 1'b0;
        end else if (state == IDLE && start) begin
            cnt   <= len;
            error <= 1'b0;
        end else if (state == DATA && rvalid) begin
            if (err)
                error <= 1'b1;
            if (cnt != 4'd0)
                cnt <= cnt - 4'd1;
        end
    end

    always @(*) begin
        next_state = state;
        arvalid <= 1'b0;
        rready  <= 1'b0;
        done    <= 1'b0;
        last    <= 1'b0;
        case (state)
            IDLE: if (start) next_state = ADDR;
            ADDR: begin
                arvalid <= 1'b1;
                if (arready) next_state = DATA;
            end
            DATA: begin
                rready <= 1'b1;
                last   <= (cnt == 4'd0);
                if (rvalid && (err || cnt == 4'd0)) next_state = DONE;
            end
            default: begin
                done <= 1'b1;
                next_state = IDLE;
            end
        endcase
    end

    assign busy       = (state != IDLE);
    assign beats_left = cnt;
endmodule
