// The registry of gate checks: one line per check, in the order they run (cheapest first).

#include "flows/gate/gate.h"

namespace veriloop {

const GateCheck& lintGateCheck();
const GateCheck& testsGateCheck();
const GateCheck& equivalenceGateCheck();
const GateCheck& assertionsGateCheck();
const GateCheck& mutationGateCheck();

const std::vector<const GateCheck*>& gateChecks()
{
    static const std::vector<const GateCheck*> checks = {
        &lintGateCheck(),
        &testsGateCheck(),
        &equivalenceGateCheck(),
        &assertionsGateCheck(),
        &mutationGateCheck(),
    };
    return checks;
}

}  // namespace veriloop
