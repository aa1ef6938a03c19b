// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import org.rabbitjca.api.ChannelOperationRefusedException;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.broker.Tracing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The application's {@link RabbitConnection}: a thin handle on a {@link RabbitManagedConnection}. After
 * {@link #close()} (idempotent) or after the container cleaned up the managed connection, every call fails with
 * {@link ChannelOperationRefusedException}. Used by one application thread at a time.
 */
final class ChannelHandle implements RabbitConnection {

    private volatile RabbitManagedConnection managed;
    private Channel view;

    ChannelHandle(RabbitManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        publish(exchange, routingKey, false, properties, body);
    }

    @Override
    public void publish(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties bare,
                        byte[] body) {
        RabbitManagedConnection connection = managed();
        AMQP.BasicProperties properties = Tracing.stamp(bare);
        HeldPublishes transaction = connection.transactionHolding();
        if (transaction != null) {
            connection.refuseIfUnpublishable(exchange, routingKey, mandatory); // publish() checks on the direct path
            transaction.hold(exchange, routingKey, mandatory, properties, body);
            return;
        }
        CompletableFuture<Void> confirm = connection.publish(exchange, routingKey, mandatory, properties, body);
        if (confirm.isDone() && !confirm.isCompletedExceptionally()) {
            return;
        }
        connection.awaitConfirm(confirm, exchange, routingKey,
                TimeUnit.MILLISECONDS.toNanos(connection.poolSettings().confirmTimeoutMillis()));
    }

    @Override
    public CompletableFuture<Void> publishAsync(String exchange, String routingKey, AMQP.BasicProperties properties,
                                                byte[] body) {
        return publishAsync(exchange, routingKey, false, properties, body);
    }

    @Override
    public CompletableFuture<Void> publishAsync(String exchange, String routingKey, boolean mandatory,
                                                AMQP.BasicProperties bare, byte[] body) {
        RabbitManagedConnection connection = managed();
        AMQP.BasicProperties properties = Tracing.stamp(bare);
        HeldPublishes transaction = connection.transactionHolding();
        if (transaction != null) {
            connection.refuseIfUnpublishable(exchange, routingKey, mandatory); // publish() checks on the direct path
            return transaction.hold(exchange, routingKey, mandatory, properties, body);
        }
        CompletableFuture<Void> confirm = connection.publish(exchange, routingKey, mandatory, properties, body);
        int timeoutMillis = connection.poolSettings().confirmTimeoutMillis();
        // orTimeout cancels its timer once the confirm arrives; the JDK keeps one shared timer thread for it.
        return confirm.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).exceptionally(failure -> {
            if (failure instanceof TimeoutException) {
                connection.confirms().abandon(confirm);
                throw connection.notConfirmed(exchange, routingKey);
            }
            throw failure instanceof RuntimeException runtime ? runtime
                    : new RabbitException(failure.toString(), failure);
        });
    }

    @Override
    public synchronized Channel channel() {
        managed();
        if (view == null) {
            view = RestrictedChannelView.of(this);
        }
        return view;
    }

    /** @return the managed connection, or a refusal when this handle is closed */
    RabbitManagedConnection managed() {
        RabbitManagedConnection current = managed;
        if (current == null) {
            throw new ChannelOperationRefusedException("This RabbitConnection is closed; take a new one from the "
                    + "RabbitConnectionFactory (use try-with-resources to scope a connection to a block)");
        }
        return current;
    }

    @Override
    public void close() {
        RabbitManagedConnection current = managed;
        managed = null;
        if (current != null) {
            current.handleClosed(this);
        }
    }

    /** Called by the container through {@link RabbitManagedConnection#cleanup()}: the handle is dead from now on. */
    void invalidate() {
        managed = null;
    }

    /** Moves this handle to another managed connection, as the container asks in {@code associateConnection}. */
    void reassociate(RabbitManagedConnection target) {
        RabbitManagedConnection previous = managed;
        if (previous != null && previous != target) {
            previous.detach(this);
        }
        managed = target;
    }

    @Override
    public String toString() {
        RabbitManagedConnection current = managed;
        return "RabbitConnection[" + (current == null ? "closed" : current.description()) + "]";
    }
}
