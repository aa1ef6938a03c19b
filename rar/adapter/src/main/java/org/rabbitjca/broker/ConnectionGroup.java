// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AddressResolver;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.api.monitoring.Condition;
import org.rabbitjca.api.monitoring.ResourceState;
import org.rabbitjca.settings.ConnectionSettings;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed number of physical AMQP connections with equal settings and role, over which channels are spread round
 * robin. Connections open lazily on the first channel and are re-opened when one was closed for good; amqp-client's
 * automatic recovery brings back a connection lost to a network failure, with the group's backoff. A new channel goes
 * to the next connection that is up; while all are down, their {@link BrokerOutage}s fail callers at once. Each
 * connection's {@link PublishGate} holds publishes while the broker blocks it: whoever publishes on a channel of
 * the group takes it with {@link #openChannelWithGate()}. Thread-safe: each slot is guarded by its own lock, so
 * opening a connection in one slot does not block channels on the others.
 */
public final class ConnectionGroup implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConnectionGroup.class.getName());

    private final ConnectionSettings settings;
    private final ConnectionRole role;
    private final Slot[] slots;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Runnable> recoveryListeners = new CopyOnWriteArrayList<>();
    private final AddressResolver addresses;
    /** Configured once (TLS stores opened once); each slot works on a copy of its own. */
    private final ConnectionFactory clientFactory;
    /** Shared by every group connecting to the same broker. */
    private final ReconnectSignal reconnected;
    private final LongAdder recoveries = new LongAdder();

    ConnectionGroup(ConnectionSettings settings, ConnectionRole role, int size, ReconnectSignal reconnected) {
        this.settings = settings;
        this.reconnected = reconnected;
        this.role = role;
        this.addresses = ClientFactoryBuilder.addresses(settings);
        this.clientFactory = ClientFactoryBuilder.build(settings);
        this.slots = new Slot[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new Slot(size == 1 ? "" : " #" + (i + 1));
        }
    }

    /** @return the settings every connection of the group uses */
    public ConnectionSettings settings() {
        return settings;
    }

    /**
     * Opens a channel on the next connection of the group, opening that connection first if needed. amqp-client's
     * recovery never brings the channel back: when its connection fails, the caller replaces it, and closes it with
     * {@link Channels#closeForGood}.
     *
     * @return a new open channel, owned by the caller
     * @throws BrokerUnavailableException when the connection cannot be opened or refuses another channel, and at
     *                                    once while the broker is known to be down (see {@link BrokerOutage})
     */
    public Channel openChannel() {
        return openChannelWithGate().channel();
    }

    /**
     * Like {@link #openChannel()}, with the gate that tells whether the broker blocks publishing on the channel's
     * connection: the way to open a channel that publishes.
     *
     * @return a new open channel, owned by the caller, and its connection's gate
     */
    public ChannelWithGate openChannelWithGate() {
        return openChannel(slotUp(next.getAndIncrement()));
    }

    /**
     * Fails at once, as {@link #openChannel()} would, while every connection of the group is known to be down and
     * no attempt is due; lets a caller find that out before asking the container for a pooled channel.
     *
     * @throws FailingFastException while the broker is known to be down
     */
    public void failFastIfDown() {
        slotUp(next.get());
    }

    /** @return the first slot, from {@code first} on round robin, whose connection is up or due for an attempt */
    private Slot slotUp(int first) {
        BrokerUnavailableException down = null;
        for (int i = 0; i < slots.length; i++) {
            Slot slot = slots[Math.floorMod(first + i, slots.length)];
            try {
                slot.outage.failFastIfDown();
                return slot;
            } catch (BrokerUnavailableException slotDown) {
                down = down == null ? slotDown : down; // another connection of the group may be up
            }
        }
        throw down;
    }

    private ChannelWithGate openChannel(Slot slot) {
        Connection connection = slot.connection();
        try {
            Channel channel = connection.createChannel();
            if (channel == null) {
                throw new BrokerUnavailableException("Connection '" + connection.getClientProvidedName() + "' to "
                        + settings.describeAddresses() + " has reached its channel limit (" + connection.getChannelMax()
                        + "); raise 'physicalConnections' or lower the pool's maximum size", null);
            }
            Channels.neverRecover(channel);
            return new ChannelWithGate(channel, slot.gate);
        } catch (IOException | RuntimeException failure) {
            if (failure instanceof BrokerUnavailableException unavailable) {
                throw unavailable;
            }
            throw new BrokerUnavailableException("Cannot open a channel on connection '"
                    + connection.getClientProvidedName() + "' to " + settings.describeAddresses()
                    + (connection.isOpen() ? "" : ": the connection is down and recovering; retry shortly")
                    + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * Reads the group's condition without waiting for a connection attempt under way: the worst of its
     * connections' (down, then blocked, then up), or idle when none was opened yet.
     *
     * @return the group's state now
     */
    public ResourceState state() {
        ResourceState worst = ResourceState.IDLE;
        for (Slot slot : slots) {
            ResourceState state = slot.state();
            if (severity(state.condition()) > severity(worst.condition())) {
                worst = state;
            }
        }
        return worst;
    }

    private static int severity(Condition condition) {
        return switch (condition) {
            case IDLE -> 0;
            case UP -> 1;
            case BLOCKED -> 2;
            case DOWN -> 3;
        };
    }

    /** @return how long the broker blocked the group's connections, in nanoseconds, summed over them */
    public long blockedNanos() {
        long total = 0;
        for (Slot slot : slots) {
            total += slot.gate.blockedNanos();
        }
        return total;
    }

    /** @return how many times amqp-client recovered one of the group's connections after a failure */
    public long recoveries() {
        return recoveries.sum();
    }

    /**
     * Registers a callback run when a connection of the group has recovered from a failure (on amqp-client's
     * recovery thread: it must only hand work over, never block).
     *
     * @param listener the callback
     */
    public void addRecoveryListener(Runnable listener) {
        recoveryListeners.add(listener);
    }

    /** @param listener a callback registered before; it is not called any more */
    public void removeRecoveryListener(Runnable listener) {
        recoveryListeners.remove(listener);
    }

    /** Closes every connection of the group (and so every channel on them). Idempotent. */
    @Override
    public void close() {
        for (Slot slot : slots) {
            slot.close();
        }
    }

    /**
     * A channel and the publish gate of its connection.
     *
     * @param channel the channel
     * @param gate closed while the broker blocks publishing on the channel's connection
     */
    public record ChannelWithGate(Channel channel, PublishGate gate) {
    }

    /**
     * One physical connection, opened on demand, with a copy of the group's client factory so that amqp-client's
     * recovery of this connection reports to this slot's outage.
     */
    private final class Slot {
        private final String suffix;
        private final PublishGate gate = new PublishGate();
        private final BrokerOutage outage = new BrokerOutage(settings.reconnect());
        private final ConnectionFactory clientFactory = ConnectionGroup.this.clientFactory.clone();
        private Connection connection; // guarded by this
        private volatile boolean opened;

        Slot(String suffix) {
            this.suffix = suffix;
            clientFactory.setRecoveryDelayHandler(this::recoveryDelayMillis);
        }

        /**
         * amqp-client's recovery asks how long to wait before its next attempt. Waits here, for the backoff or until
         * another connection to the same broker connects, and tells amqp-client to try at once. The wait before the
         * first attempt is left to amqp-client, which makes it holding the connection's lock in a way that releases
         * it (a wait on the connection), which blocking here would not.
         */
        private long recoveryDelayMillis(int attempt) {
            long delay = outage.recoveryDelayMillis(attempt);
            if (attempt == 0) {
                return delay;
            }
            try {
                if (reconnected.await(delay)) {
                    outage.recoveringNow();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt(); // amqp-client's own sleep then ends its recovery, as it would
            }
            return 0;
        }

        synchronized Connection connection() {
            // An automatically recovering connection that is down stays usable (it comes back); one closed by the
            // application or by a failure recovery gave up on is replaced.
            if (connection == null || (!connection.isOpen() && !isRecovering(connection))) {
                outage.failFastIfDown(); // another caller's attempt may have failed while this one waited
                String name = settings.connectionName() + " (" + role.label() + ")" + suffix;
                try {
                    // No executor: amqp-client's own consumer dispatch pool, as its list-of-addresses variants use.
                    connection = clientFactory.newConnection((ExecutorService) null, addresses, name);
                    outage.connected();
                    reconnected.connected();
                    opened = true;
                    connection.addBlockedListener(gate);
                    connection.addShutdownListener(signal -> {
                        gate.reset();
                        if (!signal.isInitiatedByApplication()) {
                            outage.lost(CloseReason.of(signal).describe());
                        }
                    });
                    if (connection instanceof Recoverable recoverable) {
                        recoverable.addRecoveryListener(new RecoveryListener() {
                            @Override
                            public void handleRecovery(Recoverable recovered) {
                                recoveries.increment();
                                outage.connected();
                                reconnected.connected();
                                recoveryListeners.forEach(Runnable::run);
                            }

                            @Override
                            public void handleRecoveryStarted(Recoverable recovering) {
                                // consumers and pooled channels learn of the failure from their channels
                            }
                        });
                    }
                    LOG.log(Level.INFO, "Opened connection ''{0}'' to {1}", name, settings.describeAddresses());
                } catch (IOException | TimeoutException failure) {
                    BrokerUnavailableException unavailable = BrokerFailures.connectFailed(settings, failure);
                    outage.connectFailed(unavailable);
                    throw unavailable;
                }
            }
            return connection;
        }

        /** @return down, blocked, up or idle; read without this slot's lock, which a connection attempt holds */
        ResourceState state() {
            ResourceState down = outage.downState();
            if (down != null) {
                return down;
            }
            ResourceState blocked = gate.blockedState();
            return blocked != null ? blocked : opened ? ResourceState.UP : ResourceState.IDLE;
        }

        synchronized void close() {
            if (connection != null) {
                try {
                    connection.close(settings.connectionTimeoutMillis());
                } catch (IOException | RuntimeException alreadyClosed) {
                    LOG.log(Level.DEBUG, "Connection already closed", alreadyClosed);
                }
                connection = null;
            }
        }
    }

    private static boolean isRecovering(Connection connection) {
        return connection instanceof Recoverable
                && connection.getCloseReason() != null && !connection.getCloseReason().isInitiatedByApplication();
    }
}
