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
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

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
            refuseWithoutTls("trustStore", merged.getTrustStore(), problems);
            refuseWithoutTls("keyStore", merged.getKeyStore(), problems);
            return TlsSettings.OFF;
        }
        String protocolText = problems.notBlank("tlsProtocols", merged.getTlsProtocols(),
                TlsSettings.DEFAULT_PROTOCOLS, TlsSettings.DEFAULT_PROTOCOLS);
        List<String> protocols = protocolText == null ? List.of() : Arrays.stream(protocolText.split(","))
                .map(String::trim).filter(protocol -> !protocol.isEmpty()).toList();
        Set<String> supported = supportedProtocols();
        for (String protocol : protocols) {
            if (!supported.contains(protocol)) {
                problems.add("tlsProtocols names '" + protocol + "', which this JVM does not support; use "
                        + TlsSettings.DEFAULT_PROTOCOLS + " (supported here: " + String.join(", ", supported) + ")");
            }
        }
        Optional<TlsSettings.KeyStoreFile> trustStore = storeFile("trustStore", merged.getTrustStore(),
                merged.getTrustStorePassword(), merged.getTrustStoreType(), problems);
        Optional<TlsSettings.KeyStoreFile> keyStore = storeFile("keyStore", merged.getKeyStore(),
                merged.getKeyStorePassword(), merged.getKeyStoreType(), problems);
        return new TlsSettings(true, protocols, !Boolean.FALSE.equals(merged.getVerifyHostname()), trustStore,
                keyStore);
    }

    private static void refuseWithoutTls(String property, String value, Problems problems) {
        if (value != null) {
            problems.add(property + " is set but useTls is not true; set useTls to true to connect with TLS, or "
                    + "remove " + property);
        }
    }

    private static Optional<TlsSettings.KeyStoreFile> storeFile(String property, String path, String password,
                                                                String type, Problems problems) {
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
            problems.add(property + "Type '" + effectiveType + "' is not a key store type of this JVM; use PKCS12 or "
                    + "JKS");
        }
        if (password == null) {
            problems.add(property + "Password is not set; set the password of " + property + " '" + file
                    + "' (on Payara, as ${ALIAS=...} or ${ENV=...})");
        }
        TlsSettings.KeyStoreFile store = new TlsSettings.KeyStoreFile(property, file,
                new Secret(password == null ? "" : password), effectiveType);
        if (problems.isEmpty()) {
            try {
                store.load();
            } catch (GeneralSecurityException | IOException unreadable) {
                problems.add(property + "Password does not open " + property + " '" + file + "' (" + effectiveType
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
