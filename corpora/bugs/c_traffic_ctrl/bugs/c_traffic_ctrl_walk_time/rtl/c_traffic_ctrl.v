// c_traffic_ctrl.v -- main road / side road traffic lights with a
// pedestrian crossing
//
// The main road keeps green (at least T_MAIN_MIN ticks) until a side-road car
// or a pedestrian is waiting. Then: main yellow, all red, the walk phase if a
// pedestrian is waiting, the side-road green / yellow if a car is waiting,
// and back to main green. tick is the time base (all phase times are in
// ticks). Requests are latched (ped_wait, car_wait) and cleared when their
// phase starts; presses during the own phase are ignored.
// Synchronous, active-high reset into all red.

module c_traffic_ctrl (
    input            clk,
    input            rst,
    input            tick,
    input            ped_btn,
    input            side_car,
    output reg [1:0] main_lt,
    output reg [1:0] side_lt,
    output reg       walk,
    output           ped_wait,
    output           car_wait
);

    // light encoding
    localparam [1:0] LT_RED = 2'b00,
                     LT_YEL = 2'b01,
                     LT_GRN = 2'b10;

    // phases
    localparam [2:0] S_MAIN_G = 3'd0,
                     S_MAIN_Y = 3'd1,
                     S_ALLRED = 3'd2,
                     S_WALK   = 3'd3,
                     S_SIDE_G = 3'd4,
                     S_SIDE_Y = 3'd5;

    // phase times in ticks
    localparam [4:0] T_MAIN_MIN = 5'd12,
                     T_YELLOW   = 5'd3,
                     T_ALLRED   = 5'd2,
                     T_WALK     = 5'd6,
                     T_SIDE_G   = 5'd10;

    reg  [2:0] state, next_state;
    reg  [4:0] next_time;
    reg        ped_pend, car_pend;
    wire       expired;
    wire [4:0] time_left;
    wire       load;

    c_traffic_timer #(.W(5)) u_timer (
        .clk     (clk),
        .rst     (rst),
        .load    (load),
        .value   (next_time),
        .tick    (tick),
        .expired (expired),
        .count   (time_left)
    );

    // next phase and its time
    always @* begin
        next_state = state;
        next_time  = T_MAIN_MIN;
        case (state)
            S_MAIN_G: begin
                if (expired && (car_pend || ped_pend)) begin
                    next_state = S_MAIN_Y;
                    next_time  = T_YELLOW;
                end
            end
            S_MAIN_Y: begin
                if (expired) begin
                    next_state = S_ALLRED;
                    next_time  = T_ALLRED;
                end
            end
            S_ALLRED: begin
                if (expired) begin
                    if (ped_pend) begin
                        next_state = S_WALK;
                        next_time  = T_WALK;
                    end else if (car_pend) begin
                        next_state = S_SIDE_G;
                        next_time  = T_SIDE_G;
                    end else begin
                        next_state = S_MAIN_G;
                        next_time  = T_MAIN_MIN;
                    end
                end
            end
            S_WALK: begin
                if (expired) begin
                    if (car_pend) begin
                        next_state = S_SIDE_G;
                        next_time  = T_SIDE_G;
                    end else begin
                        next_state = S_MAIN_G;
                        next_time  = T_MAIN_MIN;
                    end
                end
            end
            S_SIDE_G: begin
                if (expired) begin
                    next_state = S_SIDE_Y;
                    next_time  = T_YELLOW;
                end
            end
            S_SIDE_Y: begin
                if (expired) begin
                    next_state = S_MAIN_G;
                    next_time  = T_MAIN_MIN;
                end
            end
            default: begin
                next_state = S_ALLRED;
                next_time  = T_ALLRED;
            end
        endcase
    end

    assign load = (next_state != state);

    always @(posedge clk) begin
        if (rst) begin
            state    <= S_ALLRED;
            ped_pend <= 1'b0;
            car_pend <= 1'b0;
        end else begin
            state <= next_state;

            if (load && next_state == S_WALK)
                ped_pend <= 1'b0;
            else if (ped_btn && state != S_WALK)
                ped_pend <= 1'b1;

            if (load && next_state == S_SIDE_G)
                car_pend <= 1'b0;
            else if (side_car && state != S_SIDE_G)
                car_pend <= 1'b1;
        end
    end

    // lights
    always @* begin
        main_lt = LT_RED;
        side_lt = LT_RED;
        walk    = 1'b0;
        case (state)
            S_MAIN_G: main_lt = LT_GRN;
            S_MAIN_Y: main_lt = LT_YEL;
            S_WALK:   walk    = 1'b1;
            S_SIDE_G: side_lt = LT_GRN;
            S_SIDE_Y: side_lt = LT_YEL;
            default: begin
                main_lt = LT_RED;
                side_lt = LT_RED;
            end
        endcase
    end

    assign ped_wait = ped_pend;
    assign car_wait = car_pend;

endmodule
