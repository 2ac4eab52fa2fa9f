// lfsr: Fibonacci LFSR with a width mode:
//   mode 0: 16-bit, x^16 + x^14 + x^13 + x^11 + 1
//   mode 1:  8-bit, x^8 + x^6 + x^5 + x^4 + 1   (state[7:0], upper bits cleared)
//   mode 2:  4-bit, x^4 + x^3 + 1               (state[3:0], upper bits cleared)
//   mode 3: plain 16-bit rotate right (ring counter)
// A load takes the seed masked to the mode width; an all-zero seed would lock up,
// so it loads 1 instead. `wrapped` is a registered pulse: the last enabled step
// returned the register to the loaded seed. Asynchronous active-low reset.
module lfsr (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        en,
    input  logic        load,
    input  logic [1:0]  mode,
    input  logic [15:0] seed,
    output logic [15:0] state,
    output logic        bit_out,
    output logic        wrapped,
    output logic [15:0] seed_q
);
    logic [15:0] seed_eff, next, mask;
    logic        fb16, fb8, fb4;

    assign fb16 = state[15] ^ state[13] ^ state[12] ^ state[10];
    assign fb8  = state[7] ^ state[5] ^ state[4] ^ state[3];
    assign fb4  = state[3] ^ state[2];

    always_comb begin
        case (mode)
            2'd0: begin
                mask = 16'hFFFF; bit_out = state[15]; next = {state[14:0], fb16};
            end
            2'd1: begin
                mask = 16'h00FF; bit_out = state[7]; next = {8'h00, state[6:0], fb8};
            end
            2'd2: begin
                mask = 16'h000F; bit_out = state[3]; next = {12'h000, state[2:0], fb4};
            end
            default: begin
                mask = 16'hFFFF; bit_out = state[0]; next = {state[0], state[15:1]};
            end
        endcase
        seed_eff = seed & mask;
        if (seed_eff == 16'h0000) seed_eff = 16'h0001;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state   <= 16'hACE1;
            seed_q  <= 16'hACE1;
            wrapped <= 1'b0;
        end else if (load) begin
            state   <= seed_eff;
            seed_q  <= seed_eff;
            wrapped <= 1'b0;
        end else if (en) begin
            state   <= next;
            wrapped <= (next == seed_q);
        end else begin
            wrapped <= 1'b0;
        end
    end
endmodule
