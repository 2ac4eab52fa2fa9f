// traffic_light: two-road intersection controller (north-south main road,
// east-west side road with a car sensor) plus a pedestrian walk phase.
// Lights are {red, yellow, green}. Timer counts cycles spent in the current
// state and saturates; it restarts whenever the state changes.
module traffic_light #(
    parameter int NS_MIN = 6,     // minimum main-road green
    parameter int EW_MIN = 2,     // minimum side-road green
    parameter int EW_MAX = 5,     // maximum side-road green
    parameter int YEL    = 3,
    parameter int RED    = 2,     // all-red clearance
    parameter int WALK   = 4
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       ew_car,      // car waiting / present on the side road
    input  logic       ped_btn,
    output logic [2:0] ns_light,
    output logic [2:0] ew_light,
    output logic       walk,
    output logic       ped_wait
);
    localparam logic [2:0] S_NS_G = 3'd0;
    localparam logic [2:0] S_NS_Y = 3'd1;
    localparam logic [2:0] S_RED1 = 3'd2;
    localparam logic [2:0] S_EW_G = 3'd3;
    localparam logic [2:0] S_EW_Y = 3'd4;
    localparam logic [2:0] S_RED2 = 3'd5;
    localparam logic [2:0] S_WALK = 3'd6;

    localparam logic [2:0] L_RED = 3'b100;
    localparam logic [2:0] L_YEL = 3'b010;
    localparam logic [2:0] L_GRN = 3'b001;

    logic [2:0] state, next;
    logic [3:0] timer;

    always_comb begin
        next = state;
        case (state)
            S_NS_G: if (timer >= NS_MIN - 1 && (ew_car || ped_wait)) next = S_NS_Y;
            S_NS_Y: if (timer == YEL - 1) next = S_RED1;
            S_RED1: if (timer == RED - 1) next = S_EW_G;
            S_EW_G: if (timer == EW_MAX - 1 || (!ew_car && timer >= EW_MIN - 1)) next = S_EW_Y;
            S_EW_Y: if (timer == YEL - 1) next = S_RED2;
            S_RED2: if (timer == RED - 1) next = ped_wait ? S_WALK : S_NS_G;
            S_WALK: if (timer == WALK - 1) next = S_NS_G;
            default: next = S_RED1;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state    <= S_NS_G;
            timer    <= '0;
            ped_wait <= 1'b0;
        end else begin
            state <= next;
            if (next != state)     timer <= '0;
            else if (timer != 4'hF) timer <= timer + 1'b1;
            if (ped_btn)                               ped_wait <= 1'b1;
            else if (next == S_WALK && state != S_WALK) ped_wait <= 1'b0;
        end
    end

    always_comb begin
        ns_light = L_RED;
        ew_light = L_RED;
        case (state)
            S_NS_G:  ns_light = L_GRN;
            S_NS_Y:  ns_light = L_YEL;
            S_EW_G:  ew_light = L_GRN;
            S_EW_Y:  ew_light = L_YEL;
            default: begin
                ns_light = L_RED;
                ew_light = L_RED;
            end
        endcase
    end

    assign walk = (state == S_WALK);
endmodule
