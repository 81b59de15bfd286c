/**
 * The testbed's network: sites and the RAN as namespaces, the lightpath as a shaped, delayed link
 * that follows the optical controller, and a 10 ms ping probe.
 */
package org.ferry.testbed.net;
