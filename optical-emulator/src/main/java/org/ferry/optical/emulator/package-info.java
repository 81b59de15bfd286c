/**
 * An emulated TransportPCE that serves its RESTCONF northbound API (RFC 8040) over HTTP: the
 * OpenROADM service RPCs with TransportPCE's validation, replies and lifecycle in time, the
 * topology layers, fault injection and a notification stream.
 */
package org.ferry.optical.emulator;
