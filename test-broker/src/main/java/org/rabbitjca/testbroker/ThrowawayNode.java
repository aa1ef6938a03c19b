// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.IOException;

/**
 * A private RabbitMQ node for a script ({@code bin/run-sample} on a machine where no broker runs): starts one from
 * the installed {@code rabbitmq-server} on its own name, ports and data directory, prints
 * {@code amqp-port=<port>}, and keeps it until its standard input ends, then stops it and deletes its directory.
 * Killed instead (SIGTERM, Ctrl+C), it kills the node on its way out.
 */
public final class ThrowawayNode {

    private ThrowawayNode() {
    }

    /**
     * @param args none
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        try (RabbitNode node = RabbitNode.start()) {
            System.out.println("amqp-port=" + node.amqpPort());
            System.out.flush();
            while (System.in.read() != -1) {
                // the script holds standard input open for as long as it needs the node
            }
        }
    }
}
