// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/** Waits for a line in a node's log file, which the node writes asynchronously. */
final class NodeLogs {

    private NodeLogs() {
    }

    /** Fails unless the node's log file contains {@code text} within {@code limit}. */
    static void awaitLogged(RabbitNode node, String text, Duration limit) throws InterruptedException {
        Poll.assertEventually("'" + text + "' in " + node.logFile(), limit, () -> {
            try {
                return Files.readString(node.logFile()).contains(text);
            } catch (IOException e) {
                return false;
            }
        });
    }
}
