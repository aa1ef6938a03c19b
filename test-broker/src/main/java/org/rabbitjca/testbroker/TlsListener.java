// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The TLS side of a node: its port, options and certificates, the {@code rabbitmq.conf} lines and plugin they
 * need, and the user that {@code EXTERNAL} logins map to. Immutable; thread-safe.
 *
 * @param port         the TLS port on 127.0.0.1
 * @param options      what was asked for
 * @param certificates the material the configuration points at
 */
record TlsListener(int port, TlsOptions options, TestCertificates certificates) {

    /** Maps a verified client certificate to a user name; the plugin ships with Debian's rabbitmq-server. */
    static final String AUTH_PLUGIN = "rabbitmq_auth_mechanism_ssl";

    /**
     * Picks a free port and issues the certificates into {@code directory}.
     *
     * @throws RabbitNodeException if no port is free or the certificates cannot be issued
     */
    static TlsListener create(TlsOptions options, Path directory) {
        return new TlsListener(FreePorts.pick(), options,
                TestCertificates.issue(directory, options.serverHostname()));
    }

    /** @return the {@code rabbitmq.conf} lines of the listener, its TLS settings and the login mechanisms */
    List<String> rabbitmqConf() {
        return List.of(
                "listeners.ssl.default = " + RabbitNode.HOST + ":" + port,
                "ssl_options.cacertfile = " + certificates.caCertificateFile(),
                "ssl_options.certfile = " + certificates.serverCertificateFile(),
                "ssl_options.keyfile = " + certificates.serverKeyFile(),
                "ssl_options.versions.1 = tlsv1.3",
                "ssl_options.versions.2 = tlsv1.2",
                "ssl_options.verify = verify_peer",
                "ssl_options.fail_if_no_peer_cert = " + options.clientCertificateRequired(),
                "auth_mechanisms.1 = PLAIN",
                "auth_mechanisms.2 = AMQPLAIN",
                "auth_mechanisms.3 = EXTERNAL",
                "ssl_cert_login_from = common_name");
    }

    /**
     * Creates the user that a client certificate's common name logs in as, with all permissions on {@code /}. Its
     * password is random and not kept: the user is for {@code EXTERNAL} logins.
     *
     * @throws RabbitNodeException if rabbitmqctl fails
     */
    void addClientUser(Rabbitmqctl ctl) {
        byte[] password = new byte[12];
        new SecureRandom().nextBytes(password);
        String user = certificates.clientCommonName();
        ctl.run("add_user", user, HexFormat.of().formatHex(password));
        ctl.run("set_permissions", "-p", "/", user, ".*", ".*", ".*");
    }
}
