/**
 * The SPGW stand-in: the S11 control plane (GTPv2-C: Create Session, Modify Bearer, Delete
 * Session, Echo) and a user plane in Java in place of the kernel's {@code gtp0} device, which this
 * kernel lacks: GTPv1-U over UDP on S1-U with per-UE tunnels (uplink TEID, gNB's TEID and
 * address), decapsulation of the UE's IPv4/UDP packets toward the Internet host through a
 * user-space address translation (one SGi socket per UE flow, as a masquerade rule would do), and
 * encapsulation of the replies toward the gNB. What must survive a move: the tunnel list, the
 * user-plane endpoint's configuration (address, MTU, routes, translation rule). The tunnel-state
 * utility saves and restores the tunnel list around a checkpoint.
 */
package org.ferry.epc.spgw;
