// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The installed RabbitMQ: where Debian's {@code rabbitmq-server} and {@code rabbitmqctl} wrappers are, and whether
 * this JVM may use them. Found once per JVM.
 */
record Installation(Path server, Path ctl) {

    /** Debian puts the wrappers in /usr/sbin, which a non-login PATH often lacks. */
    private static final List<Path> SBIN_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"),
            Path.of("/sbin"));

    private static volatile Installation found;

    /**
     * @return the installation
     * @throws RabbitNodeException if RabbitMQ is not installed or this JVM does not run as root
     */
    static Installation get() {
        Installation result = found;
        if (result == null) {
            result = locate();
            found = result;
        }
        return result;
    }

    private static Installation locate() {
        Optional<Path> server = find("rabbitmq-server");
        Optional<Path> ctl = find("rabbitmqctl");
        if (server.isEmpty() || ctl.isEmpty()) {
            throw new RabbitNodeException("RabbitMQ is not installed: 'rabbitmq-server' and 'rabbitmqctl' were looked"
                    + " for on PATH and in " + SBIN_DIRECTORIES + ". Install it with: sudo apt-get install -y"
                    + " rabbitmq-server (the tests start private nodes from it and leave the machine's own broker"
                    + " on port 5672 alone).");
        }
        requireRoot();
        return new Installation(server.get(), ctl.get());
    }

    private static Optional<Path> find(String name) {
        List<Path> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        directories.addAll(SBIN_DIRECTORIES);
        return directories.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** Debian's wrappers switch to user rabbitmq with su, and the node directory must be chowned to it. */
    private static void requireRoot() {
        Object uid;
        try {
            uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new RabbitNodeException("Cannot tell which user this JVM runs as (reading /proc/self failed);"
                    + " test nodes need Linux and root.", e);
        }
        if (!Integer.valueOf(0).equals(uid)) {
            throw new RabbitNodeException("Test RabbitMQ nodes need root (this JVM runs as uid " + uid + "): Debian's"
                    + " rabbitmq-server and rabbitmqctl switch to user 'rabbitmq' and the node directory must be"
                    + " handed over to it. Run the build as root, e.g. in the project's container.");
        }
    }
}
