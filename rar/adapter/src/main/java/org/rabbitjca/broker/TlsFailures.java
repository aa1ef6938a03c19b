// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.rabbitjca.settings.TlsSettings;

import javax.net.ssl.SSLException;
import java.util.Locale;

/**
 * Says in words why a TLS handshake failed. The JDK reports each cause as an {@code SSLException} whose message is
 * the only distinguishing mark, so the messages of the JDK 17 TLS stack are matched here.
 */
final class TlsFailures {

    private TlsFailures() {
    }

    static String explain(SSLException failure, TlsSettings tls) {
        String text = String.valueOf(Causes.deepestMessage(failure));
        String trust = tls.trustStore().map(file -> "trustStore '" + file.path() + "'")
                .orElse("the JVM's default trust store (trustStore is not set)");
        if (text.contains("PKIX") || text.contains("certification path")) {
            return "the broker's certificate is not trusted: it does not chain to a certificate in " + trust
                    + ". Add the certificate of the authority that signed it to the trust store.";
        }
        if (text.contains("No subject alternative") || text.contains("No name matching")) {
            return "the broker's certificate does not name the host connected to (" + text + "). Connect by a name "
                    + "the certificate carries, or have it reissued; verifyHostname=false turns this check off, "
                    + "which lets any trusted certificate pose as the broker.";
        }
        if (text.contains("protocol") && (text.contains("No appropriate") || text.contains("protocol_version")
                || text.contains("Protocol Version"))) {
            return "no TLS protocol version is acceptable to both sides: tlsProtocols allows "
                    + String.join(", ", tls.protocols()) + "; the JVM may disable some (jdk.tls.disabledAlgorithms) "
                    + "and the broker allows those of its ssl_options.versions (" + text + ").";
        }
        if (text.contains("certificate_required") || text.contains("bad_certificate")
                || text.contains("unknown_ca") || text.contains("certificate_unknown")) {
            return "the broker refused the client certificate or wanted one (" + text + "): set keyStore to a "
                    + "certificate signed by an authority the broker trusts.";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // JDK 17 says "Unsupported or unrecognized SSL message" when a plain AMQP port answers the handshake.
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")) {
            return "the port does not speak TLS (" + text + "). Check that 'addresses' names the broker's TLS "
                    + "port (usually 5671).";
        }
        return Sentences.end(text);
    }
}
