// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.liberty;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.MessageDrivenBeans;
import org.rabbitjca.testserver.PostgresDatabase;
import org.rabbitjca.testserver.RunningServer;
import org.rabbitjca.testserver.ServerFiles;
import org.rabbitjca.testserver.ServerLauncher;
import org.rabbitjca.testserver.ServerSetup;
import org.rabbitjca.testserver.StandardResources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open Liberty as a {@link ServerLauncher}: a server of its own under the test's work directory ({@code
 * WLP_USER_DIR}), its {@code server.xml} written by {@link ServerXml} (the adapter, every pool and destination, an
 * activation spec per message-driven bean, a PostgreSQL default datasource), and each application with its names
 * for those resources and its JDBC pools in the standard {@code web.xml}.
 */
public final class LibertyLauncher implements ServerLauncher {

    /** The server's name under {@code WLP_USER_DIR/servers}. */
    static final String SERVER = "it";
    private static final String DEFAULT_DATABASE = "rabbitjca_liberty";

    private final Path home;
    private final Path rar;

    /**
     * @param home the unpacked Open Liberty ({@code wlp})
     * @param rar the rabbitmq-jca.rar to install
     */
    public LibertyLauncher(Path home, Path rar) {
        this.home = home;
        this.rar = rar;
    }

    @Override
    public RunningServer start(ServerSetup setup) throws Exception {
        Path userDir = setup.workDir().resolve("usr");
        ServerFiles.deleteRecursively(userDir);
        Path serverDir = Files.createDirectories(userDir.resolve("servers").resolve(SERVER));
        int httpPort = ServerFiles.freePort();
        ServerXml xml = ServerXml.server(httpPort, ServerFiles.freePort())
                .adapter(rar, setup.adapterProperties())
                .defaultDataSource(PostgresDatabase.emptyDefault(DEFAULT_DATABASE).pool("default",
                        "java:comp/DefaultDataSource", false, 16), PostgresDatabase.driver().toPath());
        setup.serverPools().forEach(pool -> xml.pool(pool, pool.jndiName()));
        xml.elements(setup.serverCommands());
        List<String> applications = new ArrayList<>();
        Set<String> namedDestinations = new HashSet<>();
        Map<String, List<String>> beans = new LinkedHashMap<>();
        for (Application application : setup.applications()) {
            application.pools().forEach(pool -> xml.pool(pool, application.serverName(pool)));
            application.adminObjects().forEach(destination -> xml.destination(destination,
                    application.serverName(destination)));
            WebArchive war = export(application);
            for (MessageDrivenBeans.Bean bean : MessageDrivenBeans.of(war).values()) {
                xml.activationSpec(application.name(), bean.name(), bean.jms());
                beans.computeIfAbsent(application.name(), name -> new ArrayList<>()).add(bean.name());
                if (bean.jms() && bean.destination() != null && namedDestinations.add(bean.destination())) {
                    xml.namedDestination(bean.destination());
                }
            }
            Path file = serverDir.resolve(application.name() + ".war");
            war.as(ZipExporter.class).exportTo(file.toFile(), true);
            xml.application(application, file);
            applications.add(application.name());
        }
        Files.writeString(serverDir.resolve("server.xml"), xml.end());
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
        jvmOptions.addAll(setup.jvmOptions());
        Files.write(serverDir.resolve("jvm.options"), jvmOptions);
        LibertyProcess liberty = LibertyProcess.start(home, userDir, setup.workDir(), setup.environment());
        try {
            liberty.awaitReady(setup.readyWithin(), applications);
        } catch (Exception | AssertionError failed) {
            liberty.close();
            throw failed;
        }
        return new LibertyServer(liberty, httpPort, beans);
    }

    /**
     * The first time a shareable connection is taken inside a transaction scope (every request's local one), Liberty
     * creates one more managed connection, outside the pool's count, and parks it until the server stops: its
     * {@code autoCloseConnections}, on by default, does so for adapters without smart handles ({@code
     * DissociatableManagedConnection}), as rabbitmq-jca is so far. One idle channel more per pool.
     */
    @Override
    public int managedConnectionsBeyondPoolMaximum() {
        return 1;
    }

    /** Liberty resolves {@code ${env.name}} in {@code server.xml} from the server's environment. */
    @Override
    public String environmentReference(String variable) {
        return "${env." + variable + "}";
    }

    private static WebArchive export(Application application) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, application.name() + ".war")
                .merge(application.archive());
        StandardResources.declare(war, application, application::serverName, application::serverName);
        return war;
    }
}
