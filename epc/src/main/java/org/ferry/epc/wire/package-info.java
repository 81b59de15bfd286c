/**
 * What every stand-in shares: the typed error for malformed input, IPv4/UDP packet building and
 * parsing, a small JSON reader and writer (the stand-ins carry no JSON library, to stay small),
 * counters, command-line options and the loopback control socket through which a test or the
 * orchestrator reads a function's state.
 */
package org.ferry.epc.wire;
