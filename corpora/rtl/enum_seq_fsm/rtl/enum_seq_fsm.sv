// enum_seq_fsm: run-length sequencer. go starts a run (IDLE -> RUN); RUN
// lasts len+1 cycles (cnt counts them from 0), then DONE waits for ack.
// The forward moves are written as state_t'(state + 1). jump loads the
// state from jstate through a cast; the unused code 2'b11 falls back to
// IDLE on the next cycle. runs counts completed runs (RUN -> DONE).
// Asynchronous active-low reset.
module enum_seq_fsm (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       go,
    input  logic       ack,
    input  logic       jump,
    input  logic [1:0] jstate,
    input  logic [3:0] len,
    output logic [1:0] state_o,
    output logic       busy,
    output logic       fin,
    output logic [3:0] cnt,
    output logic [3:0] runs
);
    typedef enum logic [1:0] {IDLE, RUN, DONE} state_t;

    state_t state, nxt;

    always_comb begin
        nxt = state;
        case (state)
            IDLE:    if (go) nxt = state_t'(state + 1);
            RUN:     if (cnt == len) nxt = state_t'(state + 1);
            DONE:    if (ack) nxt = IDLE;
            default: nxt = IDLE;
        endcase
        if (jump) nxt = state_t'(jstate);
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= IDLE;
            cnt   <= 4'd0;
            runs  <= 4'd0;
        end else begin
            state <= nxt;
            if (state == RUN) cnt <= cnt + 4'd1;
            else              cnt <= 4'd0;
            if (state == RUN && nxt == DONE) runs <= runs + 4'd1;
        end
    end

    assign state_o = state;
    assign busy    = (state == RUN);
    assign fin     = (state == DONE);
endmodule
