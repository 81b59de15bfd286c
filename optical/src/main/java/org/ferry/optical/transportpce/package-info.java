/**
 * The optical seam over TransportPCE's RESTCONF northbound API (RFC 8040, the OpenROADM service
 * model): typed requests and replies, following a service to inService or failure, and the
 * mapping of services and paths to Ferry's lightpaths.
 */
package org.ferry.optical.transportpce;
