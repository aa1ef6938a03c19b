// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.Channel;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.rabbitjca.api.monitoring.Condition;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.RabbitMonitoring;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.api.monitoring.ResourceState;
import org.rabbitjca.broker.BrokerConnections;
import org.rabbitjca.broker.Channels;
import org.rabbitjca.broker.CloseReason;
import org.rabbitjca.broker.ConnectionGroup;
import org.rabbitjca.broker.ConnectionRole;
import org.rabbitjca.broker.Counters;
import org.rabbitjca.broker.FailingFastException;
import org.rabbitjca.broker.MonitoredResources;
import org.rabbitjca.broker.Sentences;
import org.rabbitjca.settings.ConnectionSettings;
import org.rabbitjca.settings.ConsumerSettings;
import org.rabbitjca.settings.EndpointConfiguration;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The consumer of one message-driven bean endpoint, kept alive: it runs one {@link ConsumerSession} at a time and,
 * whenever the broker ends one (restart, crash, network loss, consumer cancelled because the queue was deleted),
 * starts a new one after an exponential backoff with jitter, forever, until the endpoint is deactivated, and at once
 * when amqp-client reports the consumer connection recovered. It logs once when the consumer goes down and once when
 * it is back, never per attempt.
 *
 * <p>At activation, a refusal by the broker (missing queue, conflicting declaration, no permission) fails the
 * deployment with the broker's reason; an unreachable broker does not: the endpoint starts consuming once it can.
 *
 * <p>Threading: {@code start}/{@code stop} come from the adapter's lifecycle calls; session losses from
 * amqp-client's threads; restarts run as Work on the container's WorkManager, scheduled by the container's timer.
 * The current session and the outage state are guarded by {@code this}.
 */
public final class QueueActivation {

    private static final System.Logger LOG = System.getLogger(QueueActivation.class.getName());

    private final String name;
    private final ConsumerSettings consumer;
    private final ConnectionSettings connection;
    private final BrokerConnections connections;
    private final ConnectionGroup consumeGroup;
    private final ConnectionGroup publishGroup;
    private final ContainerServices container;
    private final DeferredWork later;
    private final DeliveryProcessor processor;
    private final ConfirmedPublisher publisher;
    private final FailedDeliveryRouter router;
    private final ConcurrencyLimit concurrency;
    private final Runnable onConnectionRecovered = this::connectionRecovered;
    private final Counters counters = new Counters(ResourceKind.BEAN);
    /** What monitoring names the bean by: its class, when the container says which. */
    private final String monitoredName;
    private ActivationResource monitored;
    private ConsumerSession session;
    private boolean stopped;
    private boolean restarting;
    private Instant downSince;
    private String downReason;
    private Instant nextAttempt;
    private int failedRestarts;
    /** Whether the last session ended because the container could not create the bean: restarts probe it first. */
    private boolean probeContainer;

    /**
     * @param name names the endpoint in logs and errors
     * @param endpointFactory the container's factory of endpoint instances
     * @param listener how a delivery reaches the bean's listener interface
     * @param configuration the endpoint's validated consumer and connection settings
     * @param connections the adapter's shared connections; the activation takes its share and gives it back
     * @param container the container's WorkManager, timer and transaction synchronization registry
     * @throws ResourceException when the container cannot say whether deliveries are transacted, or they are and
     *                           it gives the adapter no transaction synchronization registry
     */
    public QueueActivation(String name, MessageEndpointFactory endpointFactory, ListenerInvoker<?> listener,
                           EndpointConfiguration configuration, BrokerConnections connections,
                           ContainerServices container) throws ResourceException {
        this.name = name;
        Class<?> bean = endpointFactory.getEndpointClass();
        this.monitoredName = bean == null ? name : bean.getName();
        this.consumer = configuration.consumer();
        this.connection = configuration.connection();
        this.connections = connections;
        this.container = container;
        this.later = new DeferredWork(container, connection.reconnect().initialMillis(), name);
        TransactionSynchronizationRegistry transactions = container.transactions();
        boolean transacted;
        try {
            transacted = endpointFactory.isDeliveryTransacted(listener.method());
        } catch (NoSuchMethodException impossible) {
            throw new ResourceException(name + " does not implement " + listener.method(), impossible);
        }
        if (transacted && transactions == null) {
            throw new ResourceException(name + " has container-managed transactions, but the container gives the "
                    + "adapter no TransactionSynchronizationRegistry to settle deliveries with; make the bean "
                    + "@TransactionAttribute(NOT_SUPPORTED) or run it in a container that has one");
        }
        this.processor = new DeliveryProcessor(endpointFactory, listener, transacted ? transactions : null, name,
                counters);
        this.consumeGroup = connections.acquire(connection, ConnectionRole.CONSUME, 1);
        this.publishGroup = connections.acquire(connection, ConnectionRole.PUBLISH, ConfirmedPublisher.CONNECTIONS);
        this.publisher = new ConfirmedPublisher(publishGroup::openChannelWithGate,
                ConfirmedPublisher.CONFIRM_TIMEOUT_MILLIS);
        this.router = new FailedDeliveryRouter(consumer, publisher, name, counters);
        this.concurrency = new ConcurrencyLimit(consumer.maxConcurrency());
        consumeGroup.addRecoveryListener(onConnectionRecovered);
    }

    /**
     * Starts consuming, or, when the broker cannot be reached, starts trying in the background.
     *
     * @throws ResourceException with the broker's reason when it refused the queue or the declarations
     */
    public void start() throws ResourceException {
        try {
            ConsumerSession first = openSession();
            synchronized (this) {
                session = first;
            }
            monitor();
            LOG.log(Level.INFO, "{0} consumes queue ''{1}'' on {2} (prefetch {3}, at most {4} at once, {5})", name,
                    consumer.queue(), connection.describeAddresses(), consumer.prefetchCount(),
                    consumer.maxConcurrency(), processor.describe());
        } catch (IOException refused) {
            CloseReason reason = CloseReason.find(refused);
            if (reason == null || reason.scope() != CloseReason.Scope.CHANNEL) {
                lost(null, refused.toString());
                monitor();
                return;
            }
            releaseConnections();
            String why = refused instanceof RefusedStepException step
                    ? step.explain(reason, connection.username(), connection.virtualHost())
                    : reason.replyCode() + " " + reason.replyText();
            throw new ResourceException(name + " cannot consume queue '" + consumer.queue() + "' in virtual host '"
                    + connection.virtualHost() + "' at " + connection.describeAddresses() + ": " + why, refused);
        } catch (RuntimeException unreachable) {
            lost(null, unreachable.getMessage());
            monitor();
        }
    }

    private void monitor() {
        ActivationResource resource = MonitoredResources.register(ResourceKind.BEAN, monitoredName,
                unique -> new ActivationResource(unique, this::state, counters));
        synchronized (this) {
            monitored = resource;
        }
    }

    /** @return up while a session consumes; else down since the loss, with its reason and the next attempt */
    private synchronized ResourceState state() {
        if (session != null) {
            return ResourceState.UP;
        }
        return new ResourceState(Condition.DOWN, stopped ? "stopped" : "not consuming queue '" + consumer.queue()
                + "': " + downReason, downSince, nextAttempt);
    }

    private ConsumerSession openSession() throws IOException {
        Channel channel = consumeGroup.openChannel();
        try {
            TopologyDeclarer.declare(channel, consumer);
            ConsumerSession opened = new ConsumerSession(channel, consumer, concurrency, processor, router,
                    container.workManager(), this::lost, name);
            TopologyDeclarer.step("consuming queue '" + consumer.queue() + "'", "read",
                    TopologyDeclarer.NO_SUCH_QUEUE, "", opened::consume);
            return opened;
        } catch (IOException | RuntimeException failure) {
            Channels.closeForGood(channel);
            throw failure;
        }
    }

    /** Records the loss of a session (or of the first attempt when {@code ended} is null) and plans a restart. */
    private void lost(ConsumerSession ended, String reason) {
        synchronized (this) {
            if (stopped || ended != session) {
                return;
            }
            session = null;
            if (ended != null && ended.refusedByContainer()) {
                probeContainer = true;
            }
            downReason = reason;
            if (downSince == null) {
                downSince = Instant.now();
                LOG.log(Level.WARNING, "{0}: not consuming queue ''{1}'': {2} Reconnecting with backoff (up to {3} s "
                        + "between attempts) until it works.", name, consumer.queue(), Sentences.end(reason),
                        connection.reconnect().maxMillis() / 1000);
            }
        }
        if (ended != null) {
            later.runLater(0, ended::close);
        }
        scheduleRestart();
    }

    private void scheduleRestart() {
        long delay;
        synchronized (this) {
            delay = connection.reconnect().delayMillis(failedRestarts);
            nextAttempt = Instant.now().plusMillis(delay);
        }
        later.runLater(delay, this::restart);
    }

    /** The consumer connection is back: try at once instead of waiting for the next backoff slot. */
    private void connectionRecovered() {
        synchronized (this) {
            if (stopped || session != null) {
                return;
            }
        }
        later.runLater(0, this::restart);
    }

    /**
     * One restart attempt; a failure schedules the next after the backoff. Attempts never overlap: one that finds
     * another under way, or the consumer already back, ends there, so a single chain of attempts goes on.
     */
    private void restart() {
        boolean probe;
        synchronized (this) {
            if (stopped || session != null || restarting) {
                return;
            }
            restarting = true;
            probe = probeContainer;
        }
        ConsumerSession restarted;
        try {
            if (probe) {
                processor.probeEndpoint(); // take no message before the container can create the bean again
            }
            restarted = openSession();
        } catch (FailingFastException notDue) {
            // No attempt was made: the connection's own backoff says when the next one is due. Waiting for it,
            // rather than for this chain's next backoff slot, keeps the attempts within reconnectMaxDelayMillis.
            Optional<Instant> due = notDue.nextAttempt();
            synchronized (this) {
                restarting = false;
                nextAttempt = due.orElse(null); // the reason stays the loss's: nothing new was tried
            }
            if (due.isPresent()) {
                later.runLater(Math.max(0, Duration.between(Instant.now(), due.get()).toMillis()), this::restart);
            } else {
                scheduleRestart(); // amqp-client is recovering the connection and tells when it is back
            }
            return;
        } catch (UnavailableException | IOException | RuntimeException stillDown) {
            // Broker down or refusing, or the container not (yet) creating instances of the bean.
            synchronized (this) {
                failedRestarts++;
                restarting = false;
            }
            CloseReason reason = CloseReason.find(stillDown);
            synchronized (this) {
                downReason = reason == null ? String.valueOf(stillDown.getMessage()) : reason.describe();
            }
            LOG.log(Level.DEBUG, "{0}: restart failed: {1}", name, reason == null ? stillDown : reason.describe());
            scheduleRestart();
            return;
        }
        synchronized (this) {
            restarting = false;
            if (stopped) {
                later.runLater(0, restarted::close);
                return;
            }
            session = restarted;
            probeContainer = false;
            LOG.log(Level.INFO, "{0}: consuming queue ''{1}'' again after {2} attempt(s); it was down for {3} s", name,
                    consumer.queue(), failedRestarts + 1, Duration.between(downSince, Instant.now()).toSeconds());
            downSince = null;
            downReason = null;
            nextAttempt = null;
            failedRestarts = 0;
        }
        counters.increment(Measure.RESTARTS);
    }

    /** Stops consuming: ends the session (deliveries under way finish, bounded), gives back the connections. */
    public void stop() {
        ConsumerSession last;
        ActivationResource resource;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            last = session;
            session = null;
            resource = monitored;
        }
        if (resource != null) {
            RabbitMonitoring.unregister(resource);
        }
        if (last != null) {
            last.close();
        }
        releaseConnections();
        logStopped(name + " stopped consuming queue '" + consumer.queue() + "'");
    }

    /**
     * Logs that the endpoint stopped. At server shutdown the JDK's own shutdown hook may already have removed the
     * server's log handlers when Payara deactivates the beans; the line then goes to standard error, which the
     * server's console output shares, so that a shutdown says which beans stopped as a redeploy does.
     */
    private static void logStopped(String line) {
        LOG.log(Level.INFO, line);
        if (!loggingPrints()) {
            System.err.println("rabbitmq-jca: " + line);
        }
    }

    /** @return whether a record of this class's logger reaches any handler */
    private static boolean loggingPrints() {
        for (java.util.logging.Logger logger = java.util.logging.Logger.getLogger(QueueActivation.class.getName());
             logger != null; logger = logger.getUseParentHandlers() ? logger.getParent() : null) {
            if (logger.getHandlers().length > 0) {
                return true;
            }
        }
        return false;
    }

    private void releaseConnections() {
        consumeGroup.removeRecoveryListener(onConnectionRecovered);
        publisher.close();
        connections.release(publishGroup);
        connections.release(consumeGroup);
    }
}
