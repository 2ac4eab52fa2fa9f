// seed_scrambler: byte-parallel additive scrambler with polynomial
// x^7 + x^4 + 1. Eight keystream bits per cycle are produced by stepping a
// copy of the LFSR eight times inside one combinational block (the block
// reads back the temporaries it writes). The LFSR resets to SEED and can be
// re-seeded; the registered output resets to 8'hFF. bypass passes data
// through unscrambled (the LFSR still advances). Asynchronous active-high
// reset.
module seed_scrambler #(
    parameter logic [6:0] SEED = 7'h5B
) (
    input  logic       clk,
    input  logic       arst,
    input  logic       en,
    input  logic       reseed,
    input  logic       bypass,
    input  logic [7:0] din,
    output logic [7:0] ks,
    output logic [7:0] dout,
    output logic [6:0] state
);
    logic [6:0] st;
    logic [7:0] y;
    logic       fb;
    integer     i;

    always @* begin
        st = state;
        ks = 8'h00;
        for (i = 0; i < 8; i = i + 1) begin
            fb    = st[6] ^ st[3];
            ks[i] = fb;
            st    = {st[5:0], fb};
        end
        y = din;
        if (!bypass) y = y ^ ks;
    end

    always_ff @(posedge clk or posedge arst) begin
        if (arst) begin
            state <= SEED;
            dout  <= 8'hFF;
        end else if (reseed) begin
            state <= SEED;
        end else if (en) begin
            state <= st;
            dout  <= y;
        end
    end
endmodule
