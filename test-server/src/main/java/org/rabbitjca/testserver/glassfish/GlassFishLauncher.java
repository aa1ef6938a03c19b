// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.glassfish;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.JdbcPool;
import org.rabbitjca.testserver.PostgresDatabase;
import org.rabbitjca.testserver.RunningServer;
import org.rabbitjca.testserver.ServerFiles;
import org.rabbitjca.testserver.ServerLauncher;
import org.rabbitjca.testserver.ServerSetup;
import org.rabbitjca.testserver.payara.AdminCommands;
import org.rabbitjca.testserver.payara.GlassfishResources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GlassFish as a {@link ServerLauncher}: a fresh domain per start ({@link GlassFishDomain}), then, with asadmin on
 * the running domain as its administrators do it, the users' {@code class-loading.asadmin}, a PostgreSQL default
 * datasource, the adapter's configuration and deployment and every server-wide pool ({@link AdminCommands}), and
 * each application with its pools in {@code glassfish-resources.xml} and its JMS beans bound to the adapter in
 * {@code glassfish-ejb-jar.xml}, deployed with {@code asadmin deploy}.
 */
public final class GlassFishLauncher implements ServerLauncher {

    private static final String DEFAULT_DATABASE = "rabbitjca_glassfish";
    /** GlassFish's default datasource, {@code java:comp/DefaultDataSource}, Derby's unless pointed elsewhere. */
    private static final String DEFAULT_DATA_SOURCE = "jdbc/__default";

    private final Path home;
    private final Path rar;
    private final Path descriptors;

    /**
     * @param home the unpacked GlassFish ({@code glassfish7})
     * @param rar the rabbitmq-jca.rar to deploy
     * @param descriptors the users' GlassFish descriptors ({@code deploy-descriptors/glassfish})
     */
    public GlassFishLauncher(Path home, Path rar, Path descriptors) {
        this.home = home;
        this.rar = rar;
        this.descriptors = descriptors;
    }

    @Override
    public RunningServer start(ServerSetup setup) throws Exception {
        Files.createDirectories(setup.workDir());
        Asadmin asadmin = new Asadmin(home, setup.workDir());
        GlassFishDomain domain = GlassFishDomain.create(asadmin, setup.workDir().resolve("domains"));
        GlassFishProcess glassFish = GlassFishProcess.start(asadmin, domain, setup.jvmOptions(),
                setup.environment(), setup.workDir());
        try {
            glassFish.awaitStarted(setup.readyWithin());
            PasswordAliases.create(asadmin, domain.adminPort(), setup.environment(), setup.workDir());
            List<String> commands = new ArrayList<>(ServerFiles.commandsOf(
                    descriptors.resolve("class-loading.asadmin")));
            JdbcPool defaultPool = PostgresDatabase.emptyDefault(DEFAULT_DATABASE).pool("rabbitjca-default",
                    DEFAULT_DATA_SOURCE, false, 16);
            commands.add(AdminCommands.ASADMIN_SCRIPT.jdbcConnectionPool(defaultPool));
            // The resource cannot be deleted and created again (GlassFish requires it): it is given the pool.
            commands.add("set resources.jdbc-resource." + DEFAULT_DATA_SOURCE + ".pool-name=" + defaultPool.name());
            commands.addAll(AdminCommands.ASADMIN_SCRIPT.deployAdapter(rar, setup.adapterProperties()));
            commands.addAll(AdminCommands.ASADMIN_SCRIPT.serverPools(setup.serverPools()));
            commands.addAll(setup.serverCommands());
            asadmin.script(domain.adminPort(), commands);
            Map<String, Path> archives = new LinkedHashMap<>();
            for (Application application : setup.applications()) {
                Path archive = export(application, setup.workDir());
                archives.put(application.name(), archive);
                // A failed deployment fails only itself: the test reads it from deployments() and the log.
                asadmin.onDomain(domain.adminPort(), "deploy", "--name", application.name(), archive.toString());
            }
            return new GlassFishServer(glassFish, asadmin, domain, archives);
        } catch (Exception | AssertionError failed) {
            glassFish.close();
            throw failed;
        }
    }

    /**
     * GlassFish 7.0 resolves no environment variable in its configuration; a password alias is its way to keep a
     * secret out of it, and the launcher makes each variable of the setup's environment an alias of its name.
     */
    @Override
    public String environmentReference(String variable) {
        return "${ALIAS=" + variable + "}";
    }

    private static Path export(Application application, Path workDir) throws IOException {
        WebArchive archive = GlassfishResources.archive(application);
        Path war = workDir.resolve(application.name() + ".war");
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }
}
