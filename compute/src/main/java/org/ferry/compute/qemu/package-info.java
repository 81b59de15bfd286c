/**
 * The QEMU driver: guests started in the testbed's site namespaces and live-migrated between them
 * over QMP (pre-copy, post-copy), every phase timed and every byte counted from query-migrate.
 */
package org.ferry.compute.qemu;
