#pragma once
// Ctrl-C during long work: the first SIGINT (or SIGTERM) asks the work to stop taking new
// runs, let the ones in flight finish and keep what they decided; the second one ends the
// process at once.

namespace veriloop {

/// Installs the SIGINT/SIGTERM handlers (once; later calls do nothing).
void installInterruptHandler();

/// True once an interrupt was requested.
bool interruptRequested();

}  // namespace veriloop
