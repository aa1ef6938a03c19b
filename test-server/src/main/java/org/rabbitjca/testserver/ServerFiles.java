// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** What every launcher needs of the machine: a fresh directory for a server's files, and a free loopback port. */
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
}
