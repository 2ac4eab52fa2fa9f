// majority_vote: triple-modular-redundancy voter and a 5-way vote.
// voted is the bitwise 2-of-3 majority of a, b, c; disagree[i] flags copy i
// (0 = a, 1 = b, 2 = c) that differs from voted in any bit. status: 0 all
// copies agree, 1 exactly one copy is off (correctable), 2 several copies
// are off in different bits. yes counts the ones in `votes`; pass = yes >= 3;
// margin = |yes - no|.
module majority_vote (
    input  logic [7:0] a,
    input  logic [7:0] b,
    input  logic [7:0] c,
    input  logic [4:0] votes,
    output logic [7:0] voted,
    output logic [2:0] disagree,
    output logic [1:0] status,
    output logic [2:0] yes,
    output logic       pass,
    output logic [2:0] margin
);
    assign voted    = (a & b) | (b & c) | (a & c);
    assign disagree = {|(c ^ voted), |(b ^ voted), |(a ^ voted)};

    always_comb begin
        case (disagree)
            3'b000:                 status = 2'd0;
            3'b001, 3'b010, 3'b100: status = 2'd1;
            default:                status = 2'd2;
        endcase
    end

    always_comb begin
        yes = 3'd0;
        for (int i = 0; i < 5; i++) yes = yes + {2'b00, votes[i]};
        pass   = (yes >= 3'd3);
        margin = pass ? (yes << 1) - 3'd5 : 3'd5 - (yes << 1);
    end
endmodule
