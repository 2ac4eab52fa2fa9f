// shift_register: serial-in / parallel-out shift register with enable,
// direction control and synchronous clear. A bit counter raises word_done
// for one cycle after every W enabled shifts. Asynchronous active-low reset.
module shift_register #(
    parameter int W = 8
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         en,
    input  logic         clr,        // synchronous clear, has priority over en
    input  logic         dir,        // 0: shift toward MSB (sin enters at bit 0)
                                     // 1: shift toward LSB (sin enters at bit W-1)
    input  logic         sin,
    output logic [W-1:0] pout,
    output logic         sout,       // bit that the next shift pushes out
    output logic         word_done
);
    logic [$clog2(W)-1:0] nbits;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            pout      <= '0;
            nbits     <= '0;
            word_done <= 1'b0;
        end else if (clr) begin
            pout      <= '0;
            nbits     <= '0;
            word_done <= 1'b0;
        end else begin
            word_done <= 1'b0;
            if (en) begin
                if (dir) pout <= {sin, pout[W-1:1]};
                else     pout <= {pout[W-2:0], sin};
                if (nbits == W - 1) begin
                    nbits     <= '0;
                    word_done <= 1'b1;
                end else begin
                    nbits <= nbits + 1'b1;
                end
            end
        end
    end

    assign sout = dir ? pout[0] : pout[W-1];
endmodule
