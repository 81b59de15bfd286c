/**
 * Who may call {@code ferry server}, and with what rights: bearer tokens of the form {@code
 * ferry_<id>_<secret>} kept as BCrypt hashes in a small file under the data directory ({@link
 * org.ferry.server.auth.TokenStore}), checked by an {@link org.ferry.server.auth.Authenticator}
 * that answers with a {@link org.ferry.server.auth.Role}; and the TLS key store the server
 * listens with ({@link org.ferry.server.auth.TlsSettings}). The secrets themselves are never
 * stored: a token is shown once, when it is created.
 */
package org.ferry.server.auth;
