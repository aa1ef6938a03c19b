// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.Channel;
import org.rabbitjca.settings.ConsumerSettings;
import org.rabbitjca.settings.QueueTopology;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Declares what an endpoint needs before it consumes: its queue and bindings when asked to, the retry queues its
 * retry policy uses, and the default dead-letter queue. All declarations are idempotent; one that conflicts with an
 * existing queue or exchange closes the channel with the broker's reason (406 PRECONDITION_FAILED). Each refusal
 * says which step failed and what that step needs ({@link RefusedStepException}).
 *
 * <p>A retry queue {@code <queue>.retry.<delay>ms} holds failed messages for {@code delay} milliseconds (queue TTL,
 * so the first in is the first out) and then dead-letters them back to {@code <queue>} through the default
 * exchange. One queue per distinct delay, because per-message TTLs in one queue expire only at its head. Retry
 * queues and the default dead-letter queue have the consumed queue's type ({@code queueType}): classic ones live on
 * one node, and an endpoint whose retry queue's node is down could not start on the others. With
 * {@code declareRetryQueues=false} they are only checked (a passive declaration, which needs no permission).
 */
final class TopologyDeclarer {

    /** What to do when the consumed queue does not exist. */
    static final String NO_SUCH_QUEUE = "Create the queue, or set declareQueue=true to let the adapter declare it";
    private static final String OR_CREATE_THEM = ", or create the retry and dead-letter queues yourself and set "
            + "declareRetryQueues=false";

    private TopologyDeclarer() {
    }

    /** One broker operation of a step. */
    interface Operation {
        void run() throws IOException;
    }

    static void declare(Channel channel, ConsumerSettings consumer) throws IOException {
        QueueTopology topology = consumer.topology();
        String queue = consumer.queue();
        if (topology.declareQueue()) {
            // A classic queue is declared without arguments, so that it matches queues declared the plain way.
            step("declaring queue '" + queue + "'", "configure", NO_SUCH_QUEUE, "", () -> channel.queueDeclare(queue,
                    true, false, false, "classic".equals(topology.queueType()) ? null : Map.of("x-queue-type",
                            topology.queueType())));
        }
        if (topology.exchange() != null) {
            String exchange = topology.exchange();
            step("declaring exchange '" + exchange + "'", "configure", NO_SUCH_QUEUE, "",
                    () -> channel.exchangeDeclare(exchange, topology.exchangeType(), true));
            for (String routingKey : topology.routingKeys()) {
                step("binding queue '" + queue + "' to exchange '" + exchange + "' with '" + routingKey + "'",
                        "write (on the queue) and read (on the exchange)", NO_SUCH_QUEUE, "",
                        () -> channel.queueBind(queue, exchange, routingKey));
            }
        }
        boolean quorum = "quorum".equals(topology.queueType());
        for (int delay : retryDelays(consumer)) {
            Map<String, Object> arguments = new HashMap<>(Map.of("x-message-ttl", delay,
                    "x-dead-letter-exchange", "", "x-dead-letter-routing-key", queue));
            if (quorum) {
                // Replicated like the queue, and handing expired messages back with the broker's own confirms
                // (a quorum queue's default dead-lettering may drop a message when a node fails meanwhile).
                arguments.putAll(Map.of("x-queue-type", "quorum", "x-dead-letter-strategy", "at-least-once",
                        "x-overflow", "reject-publish"));
            }
            ownQueue(channel, topology, "retry queue '" + retryQueue(queue, delay) + "'", retryQueue(queue, delay),
                    arguments);
        }
        if (consumer.deadLetterExchange().isEmpty()) {
            ownQueue(channel, topology, "dead-letter queue '" + consumer.deadLetterRoutingKey() + "'",
                    consumer.deadLetterRoutingKey(), quorum ? Map.of("x-queue-type", "quorum") : null);
        }
    }

    /** Declares one of the adapter's own queues, or, with declareRetryQueues=false, checks that it exists. */
    private static void ownQueue(Channel channel, QueueTopology topology, String what, String name,
                                 Map<String, Object> arguments) throws IOException {
        if (topology.declareRetryQueues()) {
            step("declaring " + what, "configure", NO_SUCH_QUEUE, OR_CREATE_THEM,
                    () -> channel.queueDeclare(name, true, false, false, arguments));
        } else {
            step("checking that " + what + " exists (declareRetryQueues=false)", "none",
                    "Create it (durable, with the arguments the configuration reference gives), or set "
                            + "declareRetryQueues=true to let the adapter declare it", "",
                    () -> channel.queueDeclarePassive(name));
        }
    }

    /**
     * Runs one step before consuming, turning a refusal into one that names the step.
     *
     * @param what what the step does, for the message
     * @param permission the permission it needs
     * @param ifMissing what to do when the broker says something does not exist
     * @param instead another way when the permission cannot be granted, or {@code ""}
     */
    static void step(String what, String permission, String ifMissing, String instead, Operation operation)
            throws IOException {
        try {
            operation.run();
        } catch (IOException refused) {
            throw new RefusedStepException(what, permission, ifMissing, instead, refused);
        }
    }

    /** @return the name of the queue holding retries of {@code queue} for {@code delayMillis} */
    static String retryQueue(String queue, int delayMillis) {
        return queue + ".retry." + delayMillis + "ms";
    }

    private static Set<Integer> retryDelays(ConsumerSettings consumer) {
        Set<Integer> delays = new TreeSet<>();
        for (int failed = 1; consumer.retry().allowsRetryAfter(failed); failed++) {
            int delay = consumer.retry().delayAfter(failed);
            if (delay > 0) {
                delays.add(delay);
            }
        }
        return delays;
    }
}
