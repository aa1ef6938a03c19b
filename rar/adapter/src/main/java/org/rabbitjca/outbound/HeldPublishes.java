// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.AMQP;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.api.TransactionLimitExceededException;
import org.rabbitjca.api.TransactionPublishException;
import org.rabbitjca.settings.PoolSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The messages one JTA transaction published through one pool, held in the heap until the transaction commits,
 * then sent together with publisher confirms; on a rollback, dropped. Bounded by the pool's
 * {@code maxMessagesPerTransaction} and {@code maxBytesPerTransaction}. A message without a message id gets
 * {@code <transaction id>-<n>}: the id of the transaction, unique to it, and the message's place in it.
 *
 * <p>Threading: the transaction's thread holds and sends; the broker's confirms complete on the connection's thread.
 */
final class HeldPublishes {

    private record Held(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties,
                        byte[] body, CompletableFuture<Void> outcome) {

        String describe() {
            return "message '" + properties.getMessageId() + "' to " + PublishTarget.describe(exchange, routingKey);
        }
    }

    private final String transactionId;
    private final PoolSettings limits;
    private final List<Held> held = new ArrayList<>();
    private long bytes;
    private boolean sent;

    /**
     * @param transactionId unique to the transaction: the stem of the message ids the adapter sets
     * @param limits the pool's settings, whose per-transaction limits and confirm timeout apply
     */
    HeldPublishes(String transactionId, PoolSettings limits) {
        this.transactionId = transactionId;
        this.limits = limits;
    }

    /**
     * Holds a message until the transaction commits. The body is copied: the caller may reuse its array.
     *
     * @return completes once the transaction committed with the message confirmed; fails when it rolled back
     * @throws TransactionLimitExceededException when the message would cross a per-transaction limit; it is not held
     */
    CompletableFuture<Void> hold(String exchange, String routingKey, boolean mandatory,
                                 AMQP.BasicProperties properties, byte[] body) {
        if (sent) {
            throw new RabbitException("This transaction is completing and its messages were published already: a "
                    + "publish from its commit (a JPA callback during the flush, say) cannot join them. Publish "
                    + "before the commit, or through a pool with holdUntilCommit=false.");
        }
        if (held.size() >= limits.maxMessagesPerTransaction()) {
            throw limitExceeded("maxMessagesPerTransaction", limits.maxMessagesPerTransaction() + " messages");
        }
        if (bytes + body.length > limits.maxBytesPerTransaction()) {
            throw limitExceeded("maxBytesPerTransaction", limits.maxBytesPerTransaction() + " bytes of bodies ("
                    + bytes + " held, this message " + body.length + ")");
        }
        String messageId = "%s-%d".formatted(transactionId, held.size() + 1);
        AMQP.BasicProperties identified = properties == null ? new AMQP.BasicProperties.Builder()
                .messageId(messageId).build()
                : properties.getMessageId() == null ? properties.builder().messageId(messageId).build() : properties;
        Held message = new Held(exchange, routingKey, mandatory, identified, body.clone(), new CompletableFuture<>());
        held.add(message);
        bytes += body.length;
        return message.outcome();
    }

    private TransactionLimitExceededException limitExceeded(String property, String limit) {
        return new TransactionLimitExceededException("This transaction already holds " + held.size()
                + " messages to publish at its commit; its pool allows " + limit + " per transaction ("
                + property + "). The message was not held; the ones before it still leave at commit. Commit "
                + "in smaller transactions, or raise " + property + " on the connection pool.");
    }

    /** @return whether the transaction published nothing through this pool */
    boolean isEmpty() {
        return held.isEmpty();
    }

    /** @return whether {@link #send} published the messages (some may have been refused) */
    boolean wasSent() {
        return sent;
    }

    /**
     * Publishes every held message on the carrier's channel and waits, at most the pool's
     * {@code confirmTimeoutMillis} in all, until the broker confirmed every one of them.
     *
     * @param carrier the pooled channel the transaction's messages leave on
     * @throws TransactionPublishException naming the first message that failed, and why
     */
    void send(RabbitManagedConnection carrier) {
        sent = true;
        List<CompletableFuture<Void>> confirms = new ArrayList<>(held.size());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.confirmTimeoutMillis());
        try {
            for (Held message : held) {
                confirms.add(carrier.publish(message.exchange(), message.routingKey(), message.mandatory(),
                        message.properties(), message.body()));
            }
        } catch (RabbitException failure) {
            abandon(carrier, confirms);
            throw failed(confirms.size(), failure);
        }
        for (int i = 0; i < confirms.size(); i++) {
            Held message = held.get(i);
            try {
                carrier.awaitConfirm(confirms.get(i), message.exchange(), message.routingKey(),
                        Math.max(0, deadline - System.nanoTime()));
            } catch (RabbitException failure) {
                abandon(carrier, confirms);
                throw failed(i, failure);
            }
        }
    }

    private static void abandon(RabbitManagedConnection carrier, List<CompletableFuture<Void>> confirms) {
        if (carrier.confirms() != null) {
            confirms.stream().filter(confirm -> !confirm.isDone()).forEach(carrier.confirms()::abandon);
        }
    }

    private TransactionPublishException failed(int index, RabbitException cause) {
        Held message = held.get(index);
        return new TransactionPublishException("The transaction's " + message.describe() + " (" + (index + 1)
                + " of " + held.size() + ") could not be published at commit: " + cause.getMessage()
                + " The transaction rolls back." + (index > 0 ? " The broker may keep the " + index + " message(s) "
                + "before it: see 'Guarantees' in the configuration reference." : ""),
                message.properties().getMessageId(), message.exchange(), message.routingKey(), cause);
    }

    /** Completes every held message's future: the transaction committed. */
    void committed() {
        held.forEach(message -> message.outcome().complete(null));
    }

    /**
     * Fails every held message's future: the transaction rolled back.
     *
     * @param why what rolled it back, or {@code null} when the transaction manager did not say
     */
    void rolledBack(Throwable why) {
        String outcome = sent ? "was published, but the transaction then rolled back" : "was not published: the "
                + "transaction rolled back";
        held.forEach(message -> message.outcome().completeExceptionally(
                new RabbitException("The " + message.describe() + " " + outcome, why)));
    }

    /** Fails every held message's future with the failure of {@link #send}. */
    void failed(RuntimeException failure) {
        held.forEach(message -> message.outcome().completeExceptionally(failure));
    }

    /** @return the message ids held, for a log line */
    List<String> messageIds() {
        return held.stream().map(message -> message.properties().getMessageId()).toList();
    }
}
