// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks TCP ports for test nodes.
 *
 * <p>Ports come from 20000–32767: below Linux's ephemeral range (32768–60999), so the kernel does not hand a
 * picked port to some outgoing socket between the pick and the node's bind, and above the well-known services.
 * The machine broker's ports (5672, 15672, 25672) and the range {@code rabbitmqctl} itself listens on
 * (35672–35682) are never picked. A port is only returned after a successful bind, and never twice per JVM.
 * Thread-safe.
 */
final class FreePorts {

    static final int LOWEST = 20_000;
    static final int HIGHEST = 32_767;
    private static final Set<Integer> RESERVED = Set.of(5672, 15672, 25672);
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * @return a port that was free a moment ago and that this JVM has not handed out before
     * @throws RabbitNodeException if no free port was found in {@value #ATTEMPTS} attempts
     */
    static int pick() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = random.nextInt(LOWEST, HIGHEST + 1);
            if (!RESERVED.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new RabbitNodeException("No free TCP port found in " + LOWEST + "-" + HIGHEST + " after " + ATTEMPTS
                + " attempts; is the machine running out of ports?");
    }

    /** Binds the wildcard address, so a port taken on any interface counts as taken. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
