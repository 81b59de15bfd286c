/**
 * Stand-ins for the EPC functions Ferry moves, small enough to run in a container or a busybox
 * QEMU guest with a JVM: {@code java -jar ferry-epc.jar hss|mme|spgw|probe|internet-host|tunnel-state}.
 * Each prints one line {@code READY {json}} with its bound addresses when it serves, and answers a
 * loopback control socket ({@code status}) with the state that must survive a move.
 */
package org.ferry.epc;
