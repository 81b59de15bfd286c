/**
 * The S1-MME transport behind a small interface. The real S1-MME runs over SCTP (TS 36.412),
 * which keeps message boundaries; this kernel has no SCTP (socket(..., IPPROTO_SCTP) fails with
 * EPROTONOSUPPORT, and CRIU could not checkpoint an SCTP socket anyway), so {@link
 * org.ferry.epc.transport.TcpS1Transport} carries each S1AP PDU over TCP in a 4-byte
 * length-prefixed frame. An SCTP implementation would implement the same interface.
 */
package org.ferry.epc.transport;
