/**
 * The network Ferry controls: sites, hosts, ROADMs and their degrees, fibres, xponders and the
 * lightpaths between them. Immutable values; every length, rate and delay carries its unit.
 */
package org.ferry.model.network;
