// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.glassfish;

import org.rabbitjca.testserver.PostgresDatabase;
import org.rabbitjca.testserver.ServerFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A GlassFish domain of the test's own, made by {@code create-domain} under the work directory on a free port base,
 * every listener bound to 127.0.0.1, the PostgreSQL driver in its {@code lib} for the default datasource.
 *
 * @param directory the domain's directory ({@code domains/}{@value #NAME})
 * @param portBase the base its ports are offsets from
 */
record GlassFishDomain(Path directory, int portBase) {

    /** The domain's name. */
    static final String NAME = "it";
    /** The offsets from the port base of every port the domain listens on (IIOP, admin, OSGi shell, JMS, HTTP). */
    private static final List<Integer> PORT_OFFSETS = List.of(37, 38, 39, 48, 66, 76, 80, 81, 86);

    /**
     * @param asadmin the distribution's asadmin
     * @param domainsDir where the domain goes; an earlier one there is deleted
     * @return the domain, not started
     * @throws AssertionError when {@code create-domain} failed
     */
    static GlassFishDomain create(Asadmin asadmin, Path domainsDir) throws IOException, InterruptedException {
        ServerFiles.deleteRecursively(domainsDir);
        Files.createDirectories(domainsDir);
        int portBase = ServerFiles.freeShift(PORT_OFFSETS, () -> 100 * ThreadLocalRandom.current().nextInt(200, 450));
        Asadmin.Result created = asadmin.run(List.of("--user", "admin", "--passwordfile", "/dev/null",
                "create-domain", "--nopassword", "--portbase", String.valueOf(portBase), "--domaindir",
                domainsDir.toString(), NAME));
        if (created.exitCode() != 0) {
            throw new AssertionError("asadmin create-domain failed:\n" + created.output());
        }
        GlassFishDomain domain = new GlassFishDomain(domainsDir.resolve(NAME), portBase);
        domain.bindToLoopback();
        Path driver = PostgresDatabase.driver().toPath();
        Files.copy(driver, domain.directory.resolve("lib").resolve(driver.getFileName()));
        return domain;
    }

    /** The domain's listeners bind every address unless told: each is given 127.0.0.1. */
    private void bindToLoopback() throws IOException {
        Path domainXml = directory.resolve("config/domain.xml");
        Files.writeString(domainXml, Files.readString(domainXml).replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port="));
    }

    /** @return the administration port, where asadmin talks to the running domain */
    int adminPort() {
        return portBase + 48;
    }

    /** @return the HTTP port of the applications */
    int httpPort() {
        return portBase + 80;
    }
}
