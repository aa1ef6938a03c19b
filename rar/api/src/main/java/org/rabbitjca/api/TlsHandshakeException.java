// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The TLS handshake with the broker failed: its certificate is not trusted, does not name the host, or no protocol
 * version is acceptable to both sides; the message says which.
 */
public class TlsHandshakeException extends BrokerUnavailableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public TlsHandshakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
