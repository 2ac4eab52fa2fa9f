// timer_prescaler: an 8-bit prescaler gives `tick` once every presc+1 enabled
// cycles (pcnt >= presc, so lowering presc takes effect at once); each tick
// steps a 16-bit timer according to `mode`:
//   0 periodic up:   counts 0..cmp, then back to 0 with a match
//   1 one-shot up:   counts up to cmp, matches once and stops (running = 0)
//   2 periodic down: counts down to 0, then reloads cmp with a match
//   3 free-running:  counts up and wraps, never matches
// `match` is a one-cycle registered pulse, `irq` is sticky until `restart`,
// which also zeroes both counters and re-arms the timer. Async active-low reset.
module timer_prescaler (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        en,
    input  logic        restart,
    input  logic [1:0]  mode,
    input  logic [7:0]  presc,
    input  logic [15:0] cmp,
    output logic [7:0]  pcnt,
    output logic        tick,
    output logic [15:0] count,
    output logic        match,
    output logic        irq,
    output logic        running
);
    logic hit;

    assign tick = en && running && (pcnt >= presc);
    assign hit  = (count >= cmp);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            pcnt    <= 8'd0;
            count   <= 16'd0;
            match   <= 1'b0;
            irq     <= 1'b0;
            running <= 1'b1;
        end else if (restart) begin
            pcnt    <= 8'd0;
            count   <= 16'd0;
            match   <= 1'b0;
            irq     <= 1'b0;
            running <= 1'b1;
        end else begin
            match <= 1'b0;
            if (tick) begin
                pcnt <= 8'd0;
                case (mode)
                    2'd0: begin
                        match <= hit;
                        count <= hit ? 16'd0 : count + 16'd1;
                    end
                    2'd1: begin
                        match   <= hit;
                        running <= !hit;
                        count   <= hit ? count : count + 16'd1;
                    end
                    2'd2: begin
                        match <= (count == 16'd0);
                        count <= (count == 16'd0) ? cmp : count - 16'd1;
                    end
                    default: count <= count + 16'd1;
                endcase
            end else if (en && running) begin
                pcnt <= pcnt + 8'd1;
            end
            irq <= irq | match;
        end
    end
endmodule
