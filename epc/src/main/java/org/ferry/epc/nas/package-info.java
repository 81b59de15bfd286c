/**
 * NAS EPS mobility management (3GPP TS 24.301) as carried in the S1AP NAS-PDU IE, and EPS AKA:
 * the message types are the real ones (Attach Request 0x41, Attach Accept 0x42, Attach Complete
 * 0x43, Attach Reject 0x44, Authentication Request 0x52, Response 0x53, Reject 0x54) under
 * protocol discriminator 7 (EMM), plain (no integrity protection); the fields are length-value
 * encoded rather than in the TS 24.301 IE formats.
 */
package org.ferry.epc.nas;
