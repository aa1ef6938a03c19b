// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.util.regex.Pattern;

/**
 * How {@link RabbitNode#startWithTls(TlsOptions)} sets up a node's TLS listener. Immutable; each {@code with...}
 * method returns a changed copy.
 *
 * <pre>{@code
 * RabbitNode.startWithTls(TlsOptions.serverOnly());                            // the defaults
 * RabbitNode.startWithTls(TlsOptions.serverOnly().withClientCertificateRequired());  // mutual TLS
 * RabbitNode.startWithTls(TlsOptions.serverOnly().withServerHostname("wrong-host.example"));
 * }</pre>
 *
 * <p>Fixed for every TLS node: TLS 1.2 and 1.3 only, {@code verify_peer} (a client certificate, if presented,
 * must chain to the test CA), and the {@code EXTERNAL} mechanism next to {@code PLAIN} and {@code AMQPLAIN}.
 */
public final class TlsOptions {

    /** Letters, digits and hyphens in dot-separated labels: what may go into a certificate's DNS name. */
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final boolean clientCertificateRequired;
    private final String serverHostname;

    private TlsOptions(boolean clientCertificateRequired, String serverHostname) {
        this.clientCertificateRequired = clientCertificateRequired;
        this.serverHostname = serverHostname;
    }

    /**
     * @return the defaults: server-only TLS ({@code fail_if_no_peer_cert = false}: clients may connect without a
     *         certificate) and a server certificate for {@code localhost} and {@code 127.0.0.1}
     */
    public static TlsOptions serverOnly() {
        return new TlsOptions(false, TestCertificates.LOCALHOST);
    }

    /**
     * @return these options with mutual TLS: the node refuses the handshake of a client without a certificate
     *         ({@code fail_if_no_peer_cert = true})
     */
    public TlsOptions withClientCertificateRequired() {
        return new TlsOptions(true, serverHostname);
    }

    /**
     * @param hostname the DNS name the server certificate is issued for (common name and only subject alternative
     *                 name), e.g. {@code wrong-host.example} so that a client verifying the host name it connects
     *                 to (127.0.0.1) refuses the node. {@code localhost} (the default) also covers IP 127.0.0.1.
     * @return these options with another server certificate name
     * @throws IllegalArgumentException if it is not a DNS name (letters, digits, hyphens, dots)
     */
    public TlsOptions withServerHostname(String hostname) {
        if (hostname == null || !DNS_NAME.matcher(hostname).matches()) {
            throw new IllegalArgumentException("Server hostname '" + hostname + "' is not a DNS name (letters,"
                    + " digits and hyphens in dot-separated labels), so it cannot name the test certificate");
        }
        return new TlsOptions(clientCertificateRequired, hostname);
    }

    /** @return whether clients must present a certificate ({@code ssl_options.fail_if_no_peer_cert}) */
    public boolean clientCertificateRequired() {
        return clientCertificateRequired;
    }

    /** @return the DNS name the server certificate is issued for */
    public String serverHostname() {
        return serverHostname;
    }

    /** @return the options, for logs */
    @Override
    public String toString() {
        return (clientCertificateRequired ? "mutual TLS" : "server-only TLS") + ", server certificate for "
                + serverHostname;
    }
}
