// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A node's private directory and the files in it: {@code mnesia/} (data), {@code log/}, {@code rabbitmq.conf},
 * {@code enabled_plugins}, the pid file, the server's console output, a crash dump if Erlang writes one, and for
 * a TLS node its certificates in {@code tls/}.
 * The whole tree belongs to user {@code rabbitmq}, as Debian's wrappers run the node as that user.
 */
final class NodeDirectory {

    private static final String OWNER = "rabbitmq";

    private final Path root;
    private final String nodeName;

    private NodeDirectory(Path root, String nodeName) {
        this.root = root;
        this.nodeName = nodeName;
    }

    /**
     * Creates a fresh directory under {@code java.io.tmpdir} with empty {@code mnesia/} and {@code log/}, still
     * owned by this JVM's user: {@link #configure} writes the rest and hands it over.
     *
     * @param nodeName the node's full name, which names its log file
     */
    static NodeDirectory create(String nodeName) {
        try {
            NodeDirectory directory = new NodeDirectory(Files.createTempDirectory("rabbitmq-jca-test-"), nodeName);
            Files.createDirectories(directory.mnesia());
            Files.createDirectories(directory.logs());
            return directory;
        } catch (IOException e) {
            throw new RabbitNodeException("Cannot prepare a directory for test node " + nodeName + " under "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the node's configuration and plugin list, then hands the whole tree (including TLS material
     * already in {@link #tls()}) over to user {@code rabbitmq}.
     *
     * @param amqpPort the AMQP port it listens on, on 127.0.0.1 only
     * @param tls      its TLS listener, if it has one
     */
    void configure(int amqpPort, Optional<TlsListener> tls) {
        List<String> conf = new ArrayList<>(List.of(
                "# A throwaway node for tests, written by rabbitmq-jca-test-broker.",
                "listeners.tcp.default = " + RabbitNode.HOST + ":" + amqpPort,
                "loopback_users = none"));
        tls.ifPresent(listener -> conf.addAll(listener.rabbitmqConf()));
        // No management UI: counts come from rabbitmqctl, which is real-time. TLS nodes need the EXTERNAL login.
        String plugins = tls.isPresent() ? TlsListener.AUTH_PLUGIN : "";
        try {
            Files.writeString(configFile(), String.join("\n", conf) + "\n");
            Files.writeString(enabledPluginsFile(), "[" + plugins + "].\n");
            handOverToRabbitmqUser();
        } catch (IOException e) {
            throw new RabbitNodeException("Cannot write the configuration of test node " + nodeName + " into "
                    + root + ": " + e.getMessage(), e);
        }
    }

    private void handOverToRabbitmqUser() throws IOException {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(OWNER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(OWNER);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }

    Path root() {
        return root;
    }

    /** Where a TLS node's certificates and stores are issued. */
    Path tls() {
        return root.resolve("tls");
    }

    Path mnesia() {
        return root.resolve("mnesia");
    }

    Path logs() {
        return root.resolve("log");
    }

    Path logFile() {
        return logs().resolve(nodeName + ".log");
    }

    Path pidFile() {
        return root.resolve("pid");
    }

    Path configFile() {
        return root.resolve("rabbitmq.conf");
    }

    /** RABBITMQ_CONFIG_FILE takes the path without its {@code .conf} extension. */
    Path configFileBase() {
        return root.resolve("rabbitmq");
    }

    Path enabledPluginsFile() {
        return root.resolve("enabled_plugins");
    }

    /** Where the server's stdout and stderr go: start-up errors show here before the log file exists. */
    Path consoleFile() {
        return root.resolve("console.out");
    }

    Path crashDumpFile() {
        return root.resolve("erl_crash.dump");
    }

    /**
     * @param lines how many lines of each file
     * @return the last lines of the console output and of the log file, for error messages
     */
    String tail(int lines) {
        return "\n--- last " + lines + " lines of " + consoleFile() + " ---\n" + tailOf(consoleFile(), lines)
                + "\n--- last " + lines + " lines of " + logFile() + " ---\n" + tailOf(logFile(), lines);
    }

    private static String tailOf(Path file, int lines) {
        if (!Files.isReadable(file)) {
            return "(no such file)";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Deletes the whole tree; a directory that is already gone is fine. */
    void delete() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new RabbitNodeException("Cannot delete the directory " + root + " of test node " + nodeName + ": "
                    + e.getMessage(), e);
        }
    }
}
