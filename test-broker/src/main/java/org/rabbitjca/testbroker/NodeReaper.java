// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills, on JVM exit, every node that was started and not closed: a failed test, a {@code System.exit} or a
 * surefire fork stopped with SIGTERM must not leave Erlang VMs behind. SIGKILL to the JVM itself cannot be
 * caught; then {@code ps aux | grep beam} shows the orphans (their directories start with rabbitmq-jca-test-).
 * One hook per JVM, installed on first use. Thread-safe.
 */
final class NodeReaper {

    private static final Set<RabbitNode> LIVE = ConcurrentHashMap.newKeySet();
    private static boolean hookInstalled;

    private NodeReaper() {
    }

    /** Watches a node from its first start until {@link #forget}. */
    static void watch(RabbitNode node) {
        synchronized (NodeReaper.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(NodeReaper::reap, "rabbitmq-jca-test-node-reaper"));
                hookInstalled = true;
            }
        }
        LIVE.add(node);
    }

    /** Stops watching a node that was closed. */
    static void forget(RabbitNode node) {
        LIVE.remove(node);
    }

    private static void reap() {
        for (RabbitNode node : LIVE) {
            node.killForShutdown();
        }
    }
}
