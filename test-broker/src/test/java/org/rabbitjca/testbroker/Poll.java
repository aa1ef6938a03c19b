// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling every 200 ms; never a bare sleep. */
final class Poll {

    private static final long INTERVAL_MILLIS = 200;

    private Poll() {
    }

    /** Fails with {@code what} unless {@code condition} holds within {@code limit}. */
    static void until(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + " did not happen within " + limit.toMillis() + " ms");
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }

    /** Waits until the node's log file contains {@code text}: the node writes its log asynchronously. */
    static void untilLogged(RabbitNode node, String text, Duration limit) throws InterruptedException {
        until("'" + text + "' in " + node.logFile(), limit, () -> {
            try {
                return Files.readString(node.logFile()).contains(text);
            } catch (IOException e) {
                return false;
            }
        });
    }
}
