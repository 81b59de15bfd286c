/** Who may call the API: bearer tokens and the roles they carry. */
package org.ferry.server.auth;
