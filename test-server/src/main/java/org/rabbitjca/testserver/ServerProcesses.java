// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import org.rabbitjca.testbroker.Poll;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** How every launcher waits for its server's process and stops it: the same bounds, the same failure messages. */
public final class ServerProcesses {

    private ServerProcesses() {
    }

    /**
     * Polls until the condition holds or the process is gone.
     *
     * @param process the server's process
     * @param server the server's name in messages, e.g. {@code WildFly}
     * @param what what the condition means, e.g. {@code start}
     * @param within how long it may take
     * @param condition what to wait for, e.g. a line in the log
     * @param log the server's log, appended to a failure
     * @throws AssertionError when the process exited, or the condition did not hold, within that time
     */
    public static void await(Process process, String server, String what, Duration within,
                             Callable<Boolean> condition, Callable<String> log) throws Exception {
        boolean done = Poll.until(within, condition, reached -> reached || !process.isAlive());
        if (!process.isAlive()) {
            throw new AssertionError(server + " exited with " + process.exitValue() + ":\n" + log.call());
        }
        if (!done) {
            throw new AssertionError(server + " did not " + what + " within " + within + ":\n" + log.call());
        }
    }

    /**
     * Stops the process: SIGTERM, then SIGKILL when it is still there after the grace period.
     *
     * @param process the server's process
     * @param grace how long a graceful stop may take
     */
    public static void stop(Process process, Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
