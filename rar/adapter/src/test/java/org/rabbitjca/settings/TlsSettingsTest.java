// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import com.rabbitmq.client.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsSettingsTest {

    private static final String STORE_PASSWORD = "store-pw-4711";

    /** A level of properties, as the adapter, a pool or an activation spec holds them. */
    private static final class Level extends ConnectionProperties {
    }

    @TempDir
    Path directory;

    @Test
    void tlsIsOffAndLoginPlainUnlessSet() throws Exception {
        ConnectionSettings settings = ConnectionSettings.resolve("test", new Level());

        assertAll(() -> assertFalse(settings.tls().enabled()),
                () -> assertFalse(settings.externalLogin()),
                () -> assertTrue(settings.shuffleAddresses()),
                () -> assertEquals(new Backoff(1_000, 30_000), settings.reconnect()));
    }

    @Test
    void withTlsTheDefaultPortIs5671AndHostNamesAreVerifiedWithModernProtocolsOnly() throws Exception {
        Level level = new Level();
        level.setUseTls(true);
        level.setAddresses("rabbit1, rabbit2:5999");

        ConnectionSettings settings = ConnectionSettings.resolve("test", level);

        assertAll(() -> assertEquals(List.of(new Address("rabbit1", 5671), new Address("rabbit2", 5999)),
                        settings.addresses()),
                () -> assertTrue(settings.tls().verifyHostname()),
                () -> assertEquals(List.of("TLSv1.3", "TLSv1.2"), settings.tls().protocols()),
                () -> assertTrue(settings.tls().trustStore().isEmpty()));
    }

    @Test
    void storesAreOpenedWhileResolvingSoThatAWrongPasswordNamesItsProperty() throws Exception {
        Path store = writeStore("trust.p12");
        Level level = new Level();
        level.setUseTls(true);
        level.setTrustStore(store.toString());
        level.setTrustStorePassword("not-the-password");

        InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("pool 'orders'", level));

        assertAll(() -> assertTrue(refused.getMessage().contains("trustStorePassword does not open trustStore '"
                        + store + "' (PKCS12)"), refused.getMessage()),
                () -> assertFalse(refused.getMessage().contains("not-the-password"), refused.getMessage()));
    }

    @Test
    void aReadableStoreWithItsPasswordResolves() throws Exception {
        Path store = writeStore("keys.p12");
        Level level = new Level();
        level.setUseTls(true);
        level.setKeyStore(store.toString());
        level.setKeyStorePassword(STORE_PASSWORD);
        level.setSaslMechanism("external");
        level.setVerifyHostname(false);

        ConnectionSettings settings = ConnectionSettings.resolve("test", level);

        assertAll(() -> assertTrue(settings.externalLogin()),
                () -> assertFalse(settings.tls().verifyHostname()),
                () -> assertEquals(store, settings.tls().keyStore().orElseThrow().path()),
                () -> assertFalse(settings.toString().contains(STORE_PASSWORD), settings.toString()),
                () -> assertFalse(level.describeConnectionProperties().contains(STORE_PASSWORD)));
    }

    @Test
    void everyInconsistentTlsPropertyIsReportedAtOnce() {
        Level level = new Level();
        level.setKeyStore(directory.resolve("missing.p12").toString());
        level.setSaslMechanism("EXTERNAL");
        level.setReconnectInitialDelayMillis(5_000);
        level.setReconnectMaxDelayMillis(1_000);
        Level tls = new Level();
        tls.setUseTls(true);
        tls.setTlsProtocols("TLSv1.3, SSLv9");
        tls.setSaslMechanism("KERBEROS");
        tls.setTrustStore(directory.resolve("missing.p12").toString());
        tls.setTrustStorePassword("x");
        tls.setTrustStoreType("NOPE");

        String withoutTls = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("test", level)).getMessage();
        String withTls = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("test", tls)).getMessage();

        assertAll(() -> assertTrue(withoutTls.contains("keyStore is set but useTls is not true"), withoutTls),
                () -> assertTrue(withoutTls.contains("saslMechanism is EXTERNAL, which logs in with the client "
                        + "certificate"), withoutTls),
                () -> assertTrue(withoutTls.contains("reconnectMaxDelayMillis is 1000 but must be at least 5000"),
                        withoutTls),
                () -> assertTrue(withTls.contains("tlsProtocols names 'SSLv9'"), withTls),
                () -> assertTrue(withTls.contains("saslMechanism is 'KERBEROS' but must be PLAIN"), withTls),
                () -> assertTrue(withTls.contains("trustStore '" + directory.resolve("missing.p12")
                        + "' is not a readable file"), withTls),
                () -> assertTrue(withTls.contains("trustStoreType 'NOPE' is not a key store type"), withTls));
    }

    @Test
    void everyTlsPropertySetWithoutUseTlsIsRefusedNamingItAndTheFix() {
        Level level = new Level();
        level.setTlsProtocols("TLSv1.3");
        level.setVerifyHostname(false);
        level.setTrustStore("/etc/trust.p12");
        level.setTrustStorePassword("pw");
        level.setTrustStoreType("JKS");
        level.setKeyStore("/etc/keys.p12");
        level.setKeyStorePassword("pw");
        level.setKeyStoreType("JKS");

        String message = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("pool 'orders'", level)).getMessage();

        assertAll(Stream.of("tlsProtocols", "verifyHostname", "trustStore", "trustStorePassword", "trustStoreType",
                "keyStore", "keyStorePassword", "keyStoreType").map(property -> () -> assertTrue(message.contains(
                        property + " is set but useTls is not true; set useTls to true to connect with TLS, or "
                                + "remove " + property), message)));
    }

    @Test
    void aTlsPropertyCountsWithTheUseTlsOfTheLevelsTogether() throws Exception {
        Level tlsOff = new Level();
        tlsOff.setUseTls(false);
        tlsOff.setVerifyHostname(false);
        Level adapter = new Level();
        adapter.setUseTls(true);
        Level pool = new Level();
        pool.setVerifyHostname(false);

        String refused = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("test", tlsOff)).getMessage();
        ConnectionSettings inherited = ConnectionSettings.resolve("test", adapter, pool);

        assertAll(() -> assertTrue(refused.contains("verifyHostname is set but useTls is not true"), refused),
                () -> assertTrue(inherited.tls().enabled()),
                () -> assertFalse(inherited.tls().verifyHostname()));
    }

    private Path writeStore(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
        return file;
    }
}
