// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import org.rabbitjca.api.ChannelClosedException;
import org.rabbitjca.api.PublishTimeoutException;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.broker.Channels;
import org.rabbitjca.broker.ConnectionGroup;
import org.rabbitjca.broker.Counters;
import org.rabbitjca.broker.PublishGate;
import org.rabbitjca.broker.ReturnCorrelation;
import org.rabbitjca.settings.PoolSettings;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One pooled AMQP channel: the unit the container pools. Publishes through it are tracked by a
 * {@link ConfirmTracker} when the pool has publisher confirms on. When the broker or a lost connection closes the
 * channel, every waiting publish fails with the reason, the container is told ({@code CONNECTION_ERROR_OCCURRED})
 * so it destroys this managed connection, and handles still held fail with the same reason.
 *
 * <p>Threading: the container guarantees one application thread uses the channel at a time; shutdown notifications
 * arrive on the connection's I/O thread. State read across those threads is volatile.
 */
public final class RabbitManagedConnection implements ManagedConnection {

    private static final System.Logger LOG = System.getLogger(RabbitManagedConnection.class.getName());

    private final RabbitManagedConnectionFactory factory;
    private final Channel channel;
    private final PoolSettings poolSettings;
    private final ConfirmTracker confirms;
    private final String description;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ChannelHandle> handles = ConcurrentHashMap.newKeySet();
    private final PublishGate gate;
    private final String userName;
    private final Counters counters;
    private volatile ChannelClosedException closedBy;
    private volatile boolean destroyed;
    private boolean pinned; // guarded by this
    private ChannelHandle closedWhilePinned; // guarded by this
    private PrintWriter logWriter;

    /**
     * @param opened a new channel of the pool's connections, with its connection's publish gate
     * @param userName the user the pool's connections log in as, which the container's metadata shows
     * @param counters the pool's counts, which this channel's publishes and confirms add to
     */
    RabbitManagedConnection(RabbitManagedConnectionFactory factory, ConnectionGroup.ChannelWithGate opened,
                            PoolSettings poolSettings, String userName, Counters counters) throws IOException {
        this.factory = factory;
        this.userName = userName;
        this.counters = counters;
        this.channel = opened.channel();
        this.gate = opened.gate();
        this.poolSettings = poolSettings;
        this.description = Channels.describe(channel);
        if (poolSettings.publisherConfirms()) {
            confirms = new ConfirmTracker(description, counters);
            channel.confirmSelect();
            channel.addConfirmListener(confirms);
            channel.addReturnListener(confirms);
        } else {
            confirms = null;
        }
        channel.addShutdownListener(this::channelShutDown);
        counters.increment(Measure.CHANNELS_OPEN);
    }

    RabbitManagedConnectionFactory factory() {
        return factory;
    }

    /** @return true when the channel is open and was never closed by the broker: safe to hand out */
    boolean isUsable() {
        return closedBy == null && !destroyed && channel.isOpen();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo requestInfo) {
        ChannelHandle handle = new ChannelHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof ChannelHandle handle)) {
            throw new ResourceException("Cannot associate " + connection + ": not a rabbitmq-jca connection handle");
        }
        handle.reassociate(this);
        handles.add(handle);
    }

    void detach(ChannelHandle handle) {
        handles.remove(handle);
    }

    /**
     * Called when the application closes a handle: tells the container the channel may go back to the pool,
     * unless the channel is broken, which the container was told already.
     */
    void handleClosed(ChannelHandle handle) {
        handles.remove(handle);
        synchronized (this) {
            if (pinned) {
                closedWhilePinned = handle;
                return;
            }
        }
        giveBack(handle);
    }

    private void giveBack(ChannelHandle handle) {
        if (closedBy == null && !destroyed) {
            ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
            event.setConnectionHandle(handle);
            listeners.forEach(listener -> listener.connectionClosed(event));
        }
    }

    /**
     * @return the messages held for the calling thread's JTA transaction, to which a publish adds; {@code null}
     *         outside a transaction, where a publish leaves at once
     */
    HeldPublishes transactionHolding() {
        TransactionScope transactions = factory.transactionScope();
        return transactions == null ? null : transactions.holding(this);
    }

    /**
     * Keeps this channel out of the pool until {@link #unpin}: a transaction's held messages leave on it at commit,
     * after the application closed its handle.
     */
    synchronized void pin() {
        pinned = true;
    }

    /** Ends {@link #pin}: a handle closed meanwhile gives the channel back to the pool now. */
    void unpin() {
        ChannelHandle closed;
        synchronized (this) {
            pinned = false;
            closed = closedWhilePinned;
            closedWhilePinned = null;
        }
        if (closed != null) {
            giveBack(closed);
        }
    }

    /**
     * Publishes on the channel.
     *
     * @return the confirm of the message; already complete when confirms are off
     */
    CompletableFuture<Void> publish(String exchange, String routingKey, boolean mandatory,
                                    AMQP.BasicProperties properties, byte[] body) {
        refuseIfUnpublishable(exchange, routingKey, mandatory);
        gate.awaitOpen(poolSettings.confirmTimeoutMillis(), description);
        if (confirms == null) {
            send(exchange, routingKey, false, properties, body);
            counters.increment(Measure.PUBLISHED);
            return CompletableFuture.completedFuture(null);
        }
        long sequence = channel.getNextPublishSeqNo();
        CompletableFuture<Void> confirm = confirms.expect(sequence, exchange, routingKey);
        try {
            send(exchange, routingKey, mandatory,
                    mandatory ? ReturnCorrelation.tag(properties, sequence) : properties, body);
        } catch (RuntimeException failure) {
            confirms.forget(sequence);
            throw failure;
        }
        counters.increment(Measure.PUBLISHED);
        return confirm;
    }

    /**
     * Refuses what {@link #publish} would refuse before sending, so that a publish held for a transaction fails at
     * once rather than at the commit.
     *
     * @throws RabbitException when the channel is closed, or a mandatory publish has no confirms to report a return
     */
    void refuseIfUnpublishable(String exchange, String routingKey, boolean mandatory) {
        failIfClosed();
        if (mandatory && confirms == null) {
            throw new RabbitException("A mandatory publish to " + PublishTarget.describe(exchange, routingKey,
                    description) + " needs publisher confirms to report a return: set publisherConfirms=true on "
                    + "the connection pool, or publish without mandatory");
        }
    }

    /**
     * Waits for the confirm of a publish made by {@link #publish}.
     *
     * @param confirm the future {@code publish} returned
     * @param exchange the exchange published to, for the error message
     * @param routingKey the routing key published with, for the error message
     * @param timeoutNanos how long to wait at most
     * @throws RabbitException the broker's refusal, a return, a closed channel, or a timeout
     */
    void awaitConfirm(CompletableFuture<Void> confirm, String exchange, String routingKey, long timeoutNanos) {
        try {
            confirm.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RabbitException known ? known
                    : new RabbitException("Publish to " + PublishTarget.describe(exchange, routingKey, description)
                    + " failed: " + failed.getCause(), failed.getCause());
        } catch (TimeoutException late) {
            confirms.abandon(confirm);
            throw notConfirmed(exchange, routingKey);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RabbitException("Interrupted while waiting for the confirm of a publish to "
                    + PublishTarget.describe(exchange, routingKey, description)
                    + "; the message may or may not be stored", interrupted);
        }
    }

    /** @return why a publish was not confirmed within the pool's {@code confirmTimeoutMillis} */
    RabbitException notConfirmed(String exchange, String routingKey) {
        counters.increment(Measure.CONFIRM_TIMEOUTS);
        int timeoutMillis = poolSettings.confirmTimeoutMillis();
        if (gate.isBlocked()) {
            // Sent before the broker said it blocks: it holds the message unread, and may store it once unblocked.
            return gate.blocked(description, timeoutMillis);
        }
        return new PublishTimeoutException("Publish to " + PublishTarget.describe(exchange, routingKey)
                + " not confirmed within " + timeoutMillis + " ms (" + description + ", "
                + confirms.outstanding() + " confirms outstanding); the broker may be overloaded or "
                + "blocking publishers (memory or disk alarm). The message may or may not be stored. "
                + "See the troubleshooting guide, section 'Publish not confirmed'.");
    }

    private void send(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties,
                      byte[] body) {
        try {
            channel.basicPublish(exchange, routingKey, mandatory, properties, body);
        } catch (IOException | AlreadyClosedException failure) {
            failIfClosed();
            throw new RabbitException("Publishing to " + PublishTarget.describe(exchange, routingKey, description)
                    + " failed: " + failure.getMessage(), failure);
        }
    }

    /** @return the gate that tells whether the broker blocks publishing on the channel's connection (an alarm) */
    PublishGate gate() {
        return gate;
    }

    ConfirmTracker confirms() {
        return confirms;
    }

    PoolSettings poolSettings() {
        return poolSettings;
    }

    String description() {
        return description;
    }

    /** @return the channel itself, for the restricted view; callers must go through {@link #failIfClosed()} */
    Channel channel() {
        failIfClosed();
        return channel;
    }

    /** Throws the broker's reason when the channel was closed by the broker or a connection loss. */
    void failIfClosed() {
        ChannelClosedException reason = closedBy;
        if (reason != null) {
            throw reason;
        }
        if (!channel.isOpen()) {
            ShutdownSignalException signal = channel.getCloseReason();
            throw signal == null ? new ChannelClosedException(description + " is closed", 0, "closed", null)
                    : ChannelCloseReasons.toException(description, signal);
        }
    }

    private void channelShutDown(ShutdownSignalException signal) {
        if (signal.isInitiatedByApplication()) {
            return;
        }
        ChannelClosedException reason = ChannelCloseReasons.toException(description, signal);
        closedBy = reason;
        if (confirms != null) {
            confirms.failAll(reason);
        }
        LOG.log(Level.DEBUG, "{0} closed: {1}", description, reason.getMessage());
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, reason);
        listeners.forEach(listener -> listener.connectionErrorOccurred(event));
    }

    @Override
    public void cleanup() {
        handles.forEach(ChannelHandle::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        if (!destroyed) {
            counters.add(Measure.CHANNELS_OPEN, -1);
        }
        destroyed = true;
        cleanup();
        Channels.closeForGood(channel);
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("rabbitmq-jca pools do not take part in XA transactions yet");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("rabbitmq-jca pools do not support local transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ChannelMetaData(channel.getConnection(), userName);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public String toString() {
        return "RabbitManagedConnection[" + description + (isUsable() ? "" : ", closed") + "]";
    }
}
