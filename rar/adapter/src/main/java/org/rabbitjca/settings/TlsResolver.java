// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

import static org.rabbitjca.settings.ConnectionProperty.KEY_STORE;
import static org.rabbitjca.settings.ConnectionProperty.KEY_STORE_PASSWORD;
import static org.rabbitjca.settings.ConnectionProperty.KEY_STORE_TYPE;
import static org.rabbitjca.settings.ConnectionProperty.TLS_PROTOCOLS;
import static org.rabbitjca.settings.ConnectionProperty.TRUST_STORE;
import static org.rabbitjca.settings.ConnectionProperty.TRUST_STORE_PASSWORD;
import static org.rabbitjca.settings.ConnectionProperty.TRUST_STORE_TYPE;
import static org.rabbitjca.settings.ConnectionProperty.USE_TLS;
import static org.rabbitjca.settings.ConnectionProperty.VERIFY_HOSTNAME;

/**
 * Resolves and checks the TLS properties: protocol names this JVM knows, key store files that exist, types the JVM
 * supports, and the properties that only make sense together. Opening the stores (which needs their passwords to
 * be right) is left to the connection factory, which reports a wrong password in its own words.
 */
final class TlsResolver {

    private TlsResolver() {
    }

    static TlsSettings resolve(boolean useTls, ConnectionProperties merged, Problems problems) {
        if (!useTls) {
            // Each would be ignored: refused rather than leaving the connection without the TLS it asks for.
            Arrays.stream(ConnectionProperty.values()).filter(ConnectionProperty::tlsOnly)
                    .filter(property -> merged.get(property) != null)
                    .forEach(property -> problems.add(property.propertyName() + " is set but "
                            + USE_TLS.propertyName() + " is not true; set " + USE_TLS.propertyName() + " to true to "
                            + "connect with TLS, or remove " + property.propertyName()));
            return TlsSettings.OFF;
        }
        String protocolText = problems.notBlank(TLS_PROTOCOLS.propertyName(), merged.getTlsProtocols(),
                TlsSettings.DEFAULT_PROTOCOLS, TlsSettings.DEFAULT_PROTOCOLS);
        List<String> protocols = protocolText == null ? List.of() : Arrays.stream(protocolText.split(","))
                .map(String::trim).filter(protocol -> !protocol.isEmpty()).toList();
        Set<String> supported = supportedProtocols();
        for (String protocol : protocols) {
            if (!supported.contains(protocol)) {
                problems.add(TLS_PROTOCOLS.propertyName() + " names '" + protocol + "', which this JVM does not "
                        + "support; use " + TlsSettings.DEFAULT_PROTOCOLS + " (supported here: "
                        + String.join(", ", supported) + ")");
            }
        }
        Optional<TlsSettings.KeyStoreFile> trustStore = storeFile(merged, TRUST_STORE, TRUST_STORE_PASSWORD,
                TRUST_STORE_TYPE, problems);
        Optional<TlsSettings.KeyStoreFile> keyStore = storeFile(merged, KEY_STORE, KEY_STORE_PASSWORD,
                KEY_STORE_TYPE, problems);
        boolean verifyHostname = Objects.requireNonNullElse(merged.get(VERIFY_HOSTNAME),
                TlsSettings.DEFAULT_VERIFY_HOSTNAME);
        return new TlsSettings(true, protocols, verifyHostname, trustStore, keyStore);
    }

    private static Optional<TlsSettings.KeyStoreFile> storeFile(ConnectionProperties merged,
                                                                ConnectionProperty pathProperty,
                                                                ConnectionProperty passwordProperty,
                                                                ConnectionProperty typeProperty, Problems problems) {
        String path = merged.get(pathProperty);
        String password = merged.get(passwordProperty);
        String type = merged.get(typeProperty);
        String property = pathProperty.propertyName();
        String passwordName = passwordProperty.propertyName();
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(path.trim());
        if (!Files.isReadable(file)) {
            problems.add(property + " '" + file + "' is not a readable file; check the path and its permissions for "
                    + "the server's user");
        }
        String effectiveType = type == null || type.isBlank() ? TlsSettings.DEFAULT_STORE_TYPE : type.trim();
        try {
            KeyStore.getInstance(effectiveType);
        } catch (KeyStoreException unknownType) {
            problems.add(typeProperty.propertyName() + " '" + effectiveType + "' is not a key store type of this JVM; "
                    + "use PKCS12 or JKS");
        }
        if (password == null) {
            problems.add(passwordName + " is not set; set the password of " + property + " '" + file
                    + "' (on Payara, as ${ALIAS=...} or ${ENV=...})");
        }
        TlsSettings.KeyStoreFile store = new TlsSettings.KeyStoreFile(property, file,
                new Secret(password == null ? "" : password), effectiveType);
        if (problems.isEmpty()) {
            try {
                store.load();
            } catch (GeneralSecurityException | IOException unreadable) {
                problems.add(passwordName + " does not open " + property + " '" + file + "' (" + effectiveType
                        + "), or the file is not a " + effectiveType + " store: " + unreadable.getMessage());
            }
        }
        return Optional.of(store);
    }

    private static Set<String> supportedProtocols() {
        try {
            return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getProtocols());
        } catch (NoSuchAlgorithmException impossible) {
            return Set.of();
        }
    }
}
