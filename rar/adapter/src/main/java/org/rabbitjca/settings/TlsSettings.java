// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;

/**
 * How a connection uses TLS, resolved and validated from {@link ConnectionProperties}. {@code toString()} masks
 * the store passwords.
 *
 * @param enabled whether connections use TLS at all
 * @param protocols the protocol versions allowed, e.g. {@code TLSv1.3, TLSv1.2}
 * @param verifyHostname whether the server's certificate must name the host connected to
 * @param trustStore the trusted certificates; empty for the JVM's default trust
 * @param keyStore the client certificate and key; empty for none
 */
public record TlsSettings(boolean enabled, List<String> protocols, boolean verifyHostname,
                          Optional<KeyStoreFile> trustStore, Optional<KeyStoreFile> keyStore) {

    /** Default of {@code useTls}. */
    public static final boolean DEFAULT_USE_TLS = false;
    /** Default of {@code verifyHostname}: on, so that only the broker named in {@code addresses} is trusted. */
    public static final boolean DEFAULT_VERIFY_HOSTNAME = true;
    /** Default of {@code tlsProtocols}. */
    public static final String DEFAULT_PROTOCOLS = "TLSv1.3,TLSv1.2";
    /** Default of {@code trustStoreType} and {@code keyStoreType}. */
    public static final String DEFAULT_STORE_TYPE = "PKCS12";
    /** No TLS. */
    public static final TlsSettings OFF = new TlsSettings(false, List.of(), DEFAULT_VERIFY_HOSTNAME, Optional.empty(),
            Optional.empty());

    /** Copies the protocol list so the record stays immutable. */
    public TlsSettings {
        protocols = List.copyOf(protocols);
    }

    /**
     * A key store file as configured.
     *
     * @param property the property that names it ({@code trustStore} or {@code keyStore}), for error messages
     * @param path where it is
     * @param password its password (and its key's)
     * @param type its type, e.g. PKCS12
     */
    public record KeyStoreFile(String property, Path path, Secret password, String type) {

        /**
         * @return the store, opened with its password
         * @throws IOException when the file cannot be read or the password does not open it
         * @throws GeneralSecurityException when the type is unknown or the store is damaged
         */
        public KeyStore load() throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password.reveal().toCharArray());
            }
            return store;
        }
    }
}
