// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the OS processes of a test node by the {@code RABBITMQ_NODENAME} in their environment (root can read
 * every {@code /proc/PID/environ}). The node name is not on the Erlang VM's command line in RabbitMQ 3.10, so
 * {@code pgrep -f NAME} finds nothing even while the node runs.
 */
final class NodeProcesses {

    private NodeProcesses() {
    }

    /** @return pid and command of every live process started with {@code RABBITMQ_NODENAME=nodeName} */
    static List<String> of(String nodeName) {
        byte[] marker = ("\0RABBITMQ_NODENAME=" + nodeName + "\0").getBytes(StandardCharsets.UTF_8);
        return ProcessHandle.allProcesses()
                .filter(p -> contains(environ(p.pid()), marker))
                .map(p -> p.pid() + " " + p.info().command().orElse("?"))
                .collect(Collectors.toList());
    }

    private static byte[] environ(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            byte[] framed = new byte[raw.length + 1];
            System.arraycopy(raw, 0, framed, 1, raw.length); // a leading NUL lets the first variable match too
            return framed;
        } catch (IOException e) {
            return new byte[0]; // gone meanwhile, or a kernel thread
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
