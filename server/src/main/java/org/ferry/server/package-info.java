/**
 * {@code ferry server}'s northbound side: the REST API (JSON, RFC 9457 problem details, an
 * OpenAPI 3 document) over the run service, the run events as server-sent events, bearer-token
 * authentication with roles, and Prometheus metrics. It knows the core only: which drivers sit
 * under the run service is the application's business.
 */
package org.ferry.server;
