// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What every launcher needs of the machine: a fresh directory for a server's files, and free loopback ports.
 */
public final class ServerFiles {

    private ServerFiles() {
    }

    /** Deletes the directory and everything in it, if it exists. */
    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** @return a TCP port free on 127.0.0.1 right now */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Finds a shift that frees all of a server's ports at once, for servers that take their ports as a base or an
     * offset added to fixed ones (WildFly's port offset, GlassFish's port base).
     *
     * @param ports the server's ports before the shift
     * @param candidate a new shift to try, e.g. a random one in the range the server accepts
     * @return a shift that leaves every port plus it free on 127.0.0.1 right now
     * @throws IOException when 50 candidates all collided with a port in use
     */
    public static int freeShift(List<Integer> ports, IntSupplier candidate) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int shift = candidate.getAsInt();
            if (ports.stream().allMatch(port -> free(port + shift))) {
                return shift;
            }
        }
        throw new IOException("no shift of the ports " + ports + " leaves them all free on 127.0.0.1");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }

    /**
     * @param script a script of a server's administration language, as users copy it
     * @return its commands: its lines but blank ones and {@code #} comments, stripped
     */
    public static List<String> commandsOf(Path script) throws IOException {
        return Files.readAllLines(script).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
