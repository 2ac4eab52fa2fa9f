// parity_gen: byte-lane parity for a 32-bit word. par[i] is the parity bit of
// byte i (even parity, or odd parity when `odd`): the byte plus its parity bit
// hold an even (odd) number of ones. word_par is the same for the whole word.
// As a checker, err[i] flags that the received parity bit par_in[i] does not
// match; err_cnt counts the failing bytes and first_err is the lowest one
// (0 when there is none; err_any tells the two cases apart).
module parity_gen (
    input  logic [31:0] data,
    input  logic [3:0]  par_in,
    input  logic        odd,
    output logic [3:0]  par,
    output logic        word_par,
    output logic [3:0]  err,
    output logic        err_any,
    output logic [2:0]  err_cnt,
    output logic [1:0]  first_err
);
    assign par[0]   = (^data[7:0]) ^ odd;
    assign par[1]   = (^data[15:8]) ^ odd;
    assign par[2]   = (^data[23:16]) ^ odd;
    assign par[3]   = (^data[31:24]) ^ odd;
    assign word_par = (^par) ^ odd;          // four odd flips cancel out
    assign err      = par ^ par_in;
    assign err_any  = |err;

    assign err_cnt  = {2'b00, err[0]} + {2'b00, err[1]} + {2'b00, err[2]} + {2'b00, err[3]};

    always_comb begin
        casez (err)
            4'b??10: first_err = 2'd1;
            4'b?100: first_err = 2'd2;
            4'b1000: first_err = 2'd3;
            default: first_err = 2'd0;       // byte 0 failing, or no error
        endcase
    end
endmodule
