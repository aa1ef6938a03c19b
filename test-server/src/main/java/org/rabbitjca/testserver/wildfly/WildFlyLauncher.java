// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.wildfly;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.RunningServer;
import org.rabbitjca.testserver.ServerFiles;
import org.rabbitjca.testserver.ServerLauncher;
import org.rabbitjca.testserver.ServerSetup;
import org.rabbitjca.testserver.StandardResources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * WildFly (standalone, {@code standalone-full.xml}) as a {@link ServerLauncher}: the MDB pool of the users' {@code
 * ejb3.cli}, the adapter's configuration and every pool and destination as subsystem entries ({@link WildFlyCli}),
 * and each application with the users' {@code jboss-deployment-structure.xml} and {@code jboss-ejb3.xml}, its names
 * for those resources and its JDBC pools in the standard {@code web.xml} ({@link StandardResources}); everything
 * deployed by the deployment scanner, a redeployable application exploded.
 */
public final class WildFlyLauncher implements ServerLauncher {

    private final Path home;
    private final Path rar;
    private final Path descriptors;

    /**
     * @param home the unpacked WildFly distribution
     * @param rar the rabbitmq-jca.rar to deploy
     * @param descriptors the users' WildFly descriptors ({@code deploy-descriptors/wildfly})
     */
    public WildFlyLauncher(Path home, Path rar, Path descriptors) {
        this.home = home;
        this.rar = rar;
        this.descriptors = descriptors;
    }

    @Override
    public RunningServer start(ServerSetup setup) throws Exception {
        Files.createDirectories(setup.workDir());
        List<String> commands = new ArrayList<>(ServerFiles.commandsOf(descriptors.resolve("ejb3.cli")));
        commands.addAll(WildFlyCli.adapter(setup.adapterProperties()));
        commands.addAll(WildFlyCli.serverPools(setup.serverPools()));
        setup.applications().forEach(application -> commands.addAll(WildFlyCli.applicationResources(application)));
        commands.addAll(setup.serverCommands());
        long start = System.nanoTime();
        WildFlyProcess wildFly = WildFlyProcess.start(home, setup.workDir(), commands, rar, setup.jvmOptions(),
                setup.environment());
        try {
            wildFly.awaitStarted(setup.readyWithin());
            // After the start, as an administrator deploys: a bean that fails its activation during the boot
            // fails the whole boot on WildFly (WFLYSRV0056), after it only its own deployment.
            List<String> fileNames = new ArrayList<>();
            for (Application application : setup.applications()) {
                fileNames.add(export(application, wildFly.deployments()));
            }
            wildFly.awaitSettled(setup.readyWithin().minusNanos(System.nanoTime() - start), fileNames);
        } catch (Exception | AssertionError failed) {
            wildFly.close();
            throw failed;
        }
        return new WildFlyServer(wildFly);
    }

    /** WildFly resolves {@code ${env.name}} in the subsystem's attributes from the server's environment. */
    @Override
    public String environmentReference(String variable) {
        return "${env." + variable + "}";
    }

    /** @return the file name it was exported under */
    private String export(Application application, Path deployments) throws IOException {
        String fileName = application.name() + ".war";
        WebArchive archive = ShrinkWrap.create(WebArchive.class, fileName).merge(application.archive())
                .addAsWebInfResource(new FileAsset(descriptors.resolve("jboss-deployment-structure.xml").toFile()),
                        "jboss-deployment-structure.xml")
                .addAsWebInfResource(new FileAsset(descriptors.resolve("jboss-ejb3.xml").toFile()),
                        "jboss-ejb3.xml");
        StandardResources.declare(archive, application, pool -> WildFlyCli.jndiName(application.serverName(pool)),
                destination -> WildFlyCli.jndiName(application.serverName(destination)));
        if (!application.redeployable()) {
            // Written beside, then moved in: the scanner must not see a half-written file.
            Path written = deployments.resolveSibling(fileName);
            archive.as(ZipExporter.class).exportTo(written.toFile(), true);
            Files.move(written, deployments.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            return fileName;
        }
        archive.as(ExplodedExporter.class).exportExplodedInto(deployments.resolve(fileName).toFile());
        Files.writeString(deployments.resolve(fileName + WildFlyServer.DO_DEPLOY), "");
        return fileName;
    }
}
