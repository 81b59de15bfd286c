/**
 * GPRS Tunnelling Protocol: GTPv2-C (3GPP TS 29.274) between MME and SPGW on S11, UDP 2123, and
 * GTPv1-U (TS 29.281) between gNB and SPGW on S1-U, UDP 2152. Real header layouts and IE
 * encodings; only the messages and IEs the stand-ins exchange.
 */
package org.ferry.epc.gtp;
