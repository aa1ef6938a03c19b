// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.SocketConfigurator;
import com.rabbitmq.client.SocketConfigurators;
import org.rabbitjca.settings.TlsSettings;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Puts TLS on an amqp-client {@link ConnectionFactory}: an {@link SSLContext} from the configured stores, the
 * allowed protocol versions and, unless turned off, verification of the server's host name, set on every socket
 * before it connects. Done here rather than with {@code useSslProtocol(SSLContext)} because in amqp-client 5.37 that
 * call turns host-name verification on with no way to turn it off, and leaves the protocol versions to the JVM.
 */
final class TlsSockets {

    private static final System.Logger LOG = System.getLogger(TlsSockets.class.getName());

    private TlsSockets() {
    }

    /**
     * @param factory the factory to configure
     * @param tls the TLS settings, enabled
     * @param addresses the configured addresses, for the warning when host names are not verified
     */
    static void apply(ConnectionFactory factory, TlsSettings tls, String addresses) {
        SSLContext context = context(tls);
        factory.setSocketFactory(context.getSocketFactory());
        String[] protocols = tls.protocols().toArray(String[]::new);
        boolean verify = tls.verifyHostname();
        SocketConfigurator onTls = socket -> {
            SSLSocket secure = (SSLSocket) socket;
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setProtocols(protocols);
            if (verify) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            secure.setSSLParameters(parameters);
        };
        factory.setSocketConfigurator(SocketConfigurators.defaultConfigurator().andThen(onTls));
        if (!verify) {
            LOG.log(System.Logger.Level.WARNING, "TLS to {0} does NOT verify the server''s host name (verifyHostname "
                    + "is false): any server with a certificate from a trusted authority can pose as the broker. "
                    + "Remove verifyHostname=false once the certificate names the host.", addresses);
        }
    }

    private static SSLContext context(TlsSettings tls) {
        try {
            KeyManager[] keys = null;
            if (tls.keyStore().isPresent()) {
                TlsSettings.KeyStoreFile file = tls.keyStore().get();
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(file.load(), file.password().reveal().toCharArray());
                keys = keyManagers.getKeyManagers();
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(tls.trustStore().isPresent() ? tls.trustStore().get().load() : (KeyStore) null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException failure) {
            // The settings opened both stores already; this is a file changed since, or a damaged key.
            throw new IllegalStateException("Cannot set up TLS from " + tls.trustStore().map(f -> "trustStore '"
                    + f.path() + "' ").orElse("") + tls.keyStore().map(f -> "keyStore '" + f.path() + "'").orElse("")
                    + ": " + failure.getMessage(), failure);
        }
    }
}
