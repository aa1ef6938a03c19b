// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.payara;

import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.RunningServer;
import org.rabbitjca.testserver.ServerLauncher;
import org.rabbitjca.testserver.ServerSetup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro as a {@link ServerLauncher}: the adapter's configuration, its deployment and the server-wide pools as
 * post-boot commands ({@link AdminCommands}), an application's pools as its {@code glassfish-resources.xml}, a
 * redeployable application exploded with Micro's hot deploy.
 */
public final class PayaraMicroLauncher implements ServerLauncher {

    /** The file whose time Micro's hot deploy watches in an exploded application. */
    static final String RELOAD_FILE = ".reload";

    private final Path microJar;
    private final Path rar;

    /**
     * @param microJar the Payara Micro jar
     * @param rar the rabbitmq-jca.rar to deploy
     */
    public PayaraMicroLauncher(Path microJar, Path rar) {
        this.microJar = microJar;
        this.rar = rar;
    }

    @Override
    public RunningServer start(ServerSetup setup) throws Exception {
        Files.createDirectories(setup.workDir());
        List<String> commands = new ArrayList<>(AdminCommands.POST_BOOT_FILE.deployAdapter(rar,
                setup.adapterProperties()));
        commands.addAll(AdminCommands.POST_BOOT_FILE.serverPools(setup.serverPools()));
        commands.addAll(setup.serverCommands());
        Map<String, Path> deployments = new LinkedHashMap<>();
        boolean hotDeploy = false;
        for (Application application : setup.applications()) {
            deployments.put(application.name(), export(application, setup.workDir()));
            hotDeploy |= application.redeployable();
        }
        PayaraMicroProcess micro = PayaraMicroProcess.startAndAwaitReady(microJar, setup.workDir(), commands,
                List.copyOf(deployments.values()), setup.readyWithin(), setup.jvmOptions(), setup.environment(),
                hotDeploy ? List.of("--hotdeploy") : List.of());
        return new PayaraMicroServer(micro, deployments);
    }

    /** Payara resolves {@code ${ENV=name}} in pool properties from the server's environment. */
    @Override
    public String environmentReference(String variable) {
        return "${ENV=" + variable + "}";
    }

    private static Path export(Application application, Path workDir) throws Exception {
        WebArchive archive = GlassfishResources.archive(application);
        if (!application.redeployable()) {
            Path war = workDir.resolve(application.name() + ".war");
            archive.as(ZipExporter.class).exportTo(war.toFile(), true);
            return war;
        }
        Path exploded = workDir.resolve(application.name());
        archive.as(ExplodedExporter.class).exportExplodedInto(exploded.toFile());
        // Present from the start, so that the hot deploy has seen it and takes a later touch as a change.
        Files.writeString(exploded.resolve(RELOAD_FILE), "deployed");
        return exploded;
    }
}
