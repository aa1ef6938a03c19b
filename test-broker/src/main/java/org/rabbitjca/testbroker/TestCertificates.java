// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of one TLS test node, issued afresh for it in its directory: a CA, a server certificate signed
 * by it, a client certificate for {@value #CLIENT_COMMON_NAME} (a user of that name exists on the node, so the
 * {@code EXTERNAL} mechanism logs in with it), and for Java clients a PKCS12 trust store (the CA) and key store
 * (client key and chain), each with its own random password.
 *
 * <p>Keys are EC P-256 (fast to generate); certificates are valid for two days. Files (all in {@code tls/} of the
 * node directory, deleted with it): {@code ca.pem}, {@code server.pem}, {@code server.key}, {@code client.pem},
 * {@code client.key}, {@code truststore.p12}, {@code keystore.p12}. Immutable; thread-safe.
 */
public final class TestCertificates {

    /** The type of both Java stores. */
    public static final String STORE_TYPE = "PKCS12";

    /** The common name of the client certificate, and the name of the node's user for it. */
    public static final String CLIENT_COMMON_NAME = "jca-client";

    /** The default server certificate name; a certificate for it also names IP 127.0.0.1. */
    static final String LOCALHOST = "localhost";

    private static final String VALIDITY_DAYS = "2";
    private static final String TRUSTED_CA_ALIAS = "rabbitmq-jca-test-ca";

    private final Path directory;
    private final String serverHostname;
    private final String trustStorePassword;
    private final String keyStorePassword;

    private TestCertificates(Path directory, String serverHostname) {
        this.directory = directory;
        this.serverHostname = serverHostname;
        this.trustStorePassword = randomPassword();
        this.keyStorePassword = randomPassword();
    }

    /**
     * Issues the material into {@code directory} with {@code openssl} and writes the Java stores.
     *
     * @param directory      where the files go; created if missing
     * @param serverHostname the DNS name of the server certificate
     * @throws RabbitNodeException if openssl is missing or fails, or a store cannot be written
     */
    static TestCertificates issue(Path directory, String serverHostname) {
        TestCertificates certificates = new TestCertificates(directory, serverHostname);
        try {
            Files.createDirectories(directory);
            certificates.issueWithOpenssl();
            certificates.writeStores();
        } catch (IOException | GeneralSecurityException e) {
            throw new RabbitNodeException("Cannot write the test TLS material in " + directory + ": " + e, e);
        }
        return certificates;
    }

    private void issueWithOpenssl() {
        Openssl.run("issue the test CA in " + directory, "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", VALIDITY_DAYS,
                "-keyout", file("ca.key"), "-out", caCertificateFile().toString(),
                "-subj", "/CN=rabbitmq-jca test CA",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        String subjectAltName = "DNS:" + serverHostname + (LOCALHOST.equals(serverHostname) ? ",IP:127.0.0.1" : "");
        issueSignedByCa("server", serverHostname, "serverAuth", "subjectAltName=" + subjectAltName);
        issueSignedByCa("client", CLIENT_COMMON_NAME, "clientAuth", "subjectAltName=DNS:" + CLIENT_COMMON_NAME);
    }

    /** {@code openssl req -x509 -CA} (OpenSSL 3) makes the key and the CA-signed certificate in one call. */
    private void issueSignedByCa(String name, String commonName, String extendedKeyUsage, String subjectAltName) {
        Openssl.run("issue the test " + name + " certificate in " + directory, "req", "-x509",
                "-CA", caCertificateFile().toString(), "-CAkey", file("ca.key"), "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", VALIDITY_DAYS,
                "-keyout", file(name + ".key"), "-out", file(name + ".pem"), "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:FALSE",
                "-addext", "extendedKeyUsage=" + extendedKeyUsage,
                "-addext", subjectAltName);
    }

    private void writeStores() throws IOException, GeneralSecurityException {
        Certificate ca = readCertificate(caCertificateFile());
        KeyStore trust = KeyStore.getInstance(STORE_TYPE);
        trust.load(null, null);
        trust.setCertificateEntry(TRUSTED_CA_ALIAS, ca);
        save(trust, trustStore(), trustStorePassword);

        KeyStore keys = KeyStore.getInstance(STORE_TYPE);
        keys.load(null, null);
        Certificate[] chain = {readCertificate(directory.resolve("client.pem")), ca};
        keys.setKeyEntry(CLIENT_COMMON_NAME, readPrivateKey(directory.resolve("client.key")),
                keyStorePassword.toCharArray(), chain);
        save(keys, keyStore(), keyStorePassword);
    }

    /** @return the CA certificate (PEM), which signed the server and client certificates */
    public Path caCertificateFile() {
        return directory.resolve("ca.pem");
    }

    /** @return the server certificate (PEM) the node presents */
    Path serverCertificateFile() {
        return directory.resolve("server.pem");
    }

    /** @return the server's private key (PEM, PKCS#8, unencrypted) */
    Path serverKeyFile() {
        return directory.resolve("server.key");
    }

    /** @return the PKCS12 trust store holding the test CA as a trusted certificate */
    public Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    /** @return the trust store's password */
    public String trustStorePassword() {
        return trustStorePassword;
    }

    /**
     * @return the PKCS12 key store holding the client key and its chain (client certificate, CA) under alias
     *         {@value #CLIENT_COMMON_NAME}; the key's password is the store's
     */
    public Path keyStore() {
        return directory.resolve("keystore.p12");
    }

    /** @return the key store's password, also the password of the key in it */
    public String keyStorePassword() {
        return keyStorePassword;
    }

    /** @return {@value #STORE_TYPE}, the type of both stores */
    public String storeType() {
        return STORE_TYPE;
    }

    /** @return {@value #CLIENT_COMMON_NAME}, the client certificate's common name and the node's user for it */
    public String clientCommonName() {
        return CLIENT_COMMON_NAME;
    }

    /** @return the DNS name the server certificate is issued for */
    public String serverHostname() {
        return serverHostname;
    }

    /**
     * @return a new TLS context, read from the stores, that trusts the test CA only and presents no client
     *         certificate; for {@code ConnectionFactory.useSslProtocol(SSLContext)}
     */
    public SSLContext sslContext() {
        return sslContext(false);
    }

    /** @return like {@link #sslContext()}, and presents the {@value #CLIENT_COMMON_NAME} client certificate */
    public SSLContext sslContextWithClientCertificate() {
        return sslContext(true);
    }

    private SSLContext sslContext(boolean withClientCertificate) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore(), trustStorePassword));
            KeyManager[] keys = null;
            if (withClientCertificate) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(load(keyStore(), keyStorePassword), keyStorePassword.toCharArray());
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new RabbitNodeException("Cannot build a TLS context from the test stores in " + directory + ": "
                    + e, e);
        }
    }

    private String file(String name) {
        return directory.resolve(name).toString();
    }

    private static Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Reads the unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) that OpenSSL 3 writes for {@code -nodes}. */
    private static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    private static void save(KeyStore store, Path file, String password) throws IOException,
            GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** @return where the material is and whom the server certificate names; never a password */
    @Override
    public String toString() {
        return "test TLS material in " + directory + " (server certificate for " + serverHostname + ")";
    }
}
