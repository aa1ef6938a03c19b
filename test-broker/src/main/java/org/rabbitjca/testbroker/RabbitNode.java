// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import com.rabbitmq.client.ConnectionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A private, throwaway RabbitMQ node for tests, run from the installed Debian {@code rabbitmq-server} next to the
 * machine's own broker, which it never touches.
 *
 * <p>{@link #start()} picks free ports (AMQP and Erlang distribution, never 5672/25672), a unique node name
 * ({@code jca-test-<random>@localhost}) and a fresh directory under {@code java.io.tmpdir}, and returns once the
 * node accepts connections on 127.0.0.1 as {@code guest}/{@code guest}. It takes about 5–7 s. Close it with
 * try-with-resources; nodes left open are killed when the JVM exits.
 *
 * <p>Faults: {@link #kill9()} (crash, durable data survives), {@link #stop()} (clean), {@link #restart()} (same
 * ports, same data). Observations come from {@code rabbitmqctl}, which is real-time (no management plugin and
 * its 5 s statistics interval); each costs about 0.4 s.
 *
 * <p>TLS: {@link #startWithTls(TlsOptions)} adds a TLS listener ({@link #tlsPort()}) with certificates issued for
 * the node ({@link #certificates()}), server-only or mutual, and {@code EXTERNAL} logins.
 *
 * <p>Threading: lifecycle methods ({@code kill9}, {@code stop}, {@code restart}, {@code close}) are synchronized
 * on the node; accessors and observations may be called from any thread at any time. Not a JUnit concern: see
 * {@link RabbitNodeExtension} to share one node across a test run.
 */
public final class RabbitNode implements AutoCloseable {

    /** The only address a test node listens on. */
    static final String HOST = "127.0.0.1";

    private static final Logger LOG = Logger.getLogger(RabbitNode.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CTL_TIMEOUT = Duration.ofSeconds(30);

    private final String nodeName;
    private final int amqpPort;
    private final int distributionPort;
    private final NodeDirectory directory;
    private final Optional<TlsListener> tls;
    private final Rabbitmqctl ctl;
    private final BrokerProcess process;
    private final NodeObservations observations;
    private volatile boolean closed;

    private RabbitNode(Installation installation, String nodeName, int amqpPort, int distributionPort,
            NodeDirectory directory, Optional<TlsListener> tls) {
        this.nodeName = nodeName;
        this.amqpPort = amqpPort;
        this.distributionPort = distributionPort;
        this.directory = directory;
        this.tls = tls;
        this.ctl = new Rabbitmqctl(installation.ctl(), nodeName, CTL_TIMEOUT);
        this.process = new BrokerProcess(installation, directory, ctl, nodeName, amqpPort, distributionPort);
        this.observations = new NodeObservations(ctl);
    }

    /**
     * Starts a new node and waits until it is ready (at most 60 s).
     *
     * @return the running node; close it when done
     * @throws RabbitNodeException if {@code rabbitmq-server} is not installed (the message says how to install
     *                             it), the JVM is not root, or the node did not become ready (the message ends
     *                             with the node's log tail)
     */
    public static RabbitNode start() {
        return launch(Optional.empty());
    }

    /**
     * Starts a new node with the default {@link TlsOptions#serverOnly() server-only TLS} listener next to its
     * plain AMQP one.
     *
     * @return the running node; close it when done
     * @throws RabbitNodeException as {@link #start()}, or if {@code openssl} is missing or fails
     * @see #startWithTls(TlsOptions)
     */
    public static RabbitNode startWithTls() {
        return startWithTls(TlsOptions.serverOnly());
    }

    /**
     * Starts a new node with a TLS listener on a free port of its own, besides its plain AMQP port: TLS 1.2 and
     * 1.3 only, {@code verify_peer}, login mechanisms {@code PLAIN}, {@code AMQPLAIN} and {@code EXTERNAL} (a
     * client certificate's common name is the user name). The node's {@link #certificates()} are issued afresh
     * in its directory, and user {@value TestCertificates#CLIENT_COMMON_NAME}, whom the client certificate logs in
     * as, has all permissions on {@code /}. About 1 s more than {@link #start()}.
     *
     * @param options client certificates optional or required, and the server certificate's name
     * @return the running node; close it when done
     * @throws RabbitNodeException as {@link #start()}, or if {@code openssl} is missing or fails
     */
    public static RabbitNode startWithTls(TlsOptions options) {
        return launch(Optional.of(options));
    }

    private static RabbitNode launch(Optional<TlsOptions> tlsOptions) {
        Installation installation = Installation.get();
        String name = "jca-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "@localhost";
        int amqpPort = FreePorts.pick();
        int distributionPort = FreePorts.pick();
        NodeDirectory directory = NodeDirectory.create(name);
        Optional<TlsListener> tls;
        try {
            tls = tlsOptions.map(options -> TlsListener.create(options, directory.tls()));
            directory.configure(amqpPort, tls);
        } catch (RuntimeException e) {
            directory.delete();
            throw e;
        }
        RabbitNode node = new RabbitNode(installation, name, amqpPort, distributionPort, directory, tls);
        NodeReaper.watch(node);
        long began = System.nanoTime();
        try {
            node.process.start(READY_TIMEOUT);
            tls.ifPresent(listener -> listener.addClientUser(node.ctl));
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        LOG.log(Level.INFO, "Started test node {0} in {1} ms", new Object[] {node, millisSince(began)});
        return node;
    }

    /** @return {@code "127.0.0.1"}, the only address the node listens on */
    public String host() {
        return HOST;
    }

    /** @return the node's AMQP port */
    public int amqpPort() {
        return amqpPort;
    }

    /** @return the node's Erlang distribution port (what {@code rabbitmqctl} talks to) */
    public int distributionPort() {
        return distributionPort;
    }

    /** @return the full Erlang node name, e.g. {@code jca-test-1a2b3c4d@localhost} */
    public String nodeName() {
        return nodeName;
    }

    /** @return {@code "127.0.0.1:PORT"}, the form of an amqp-client address list or an adapter property */
    public String addresses() {
        return HOST + ":" + amqpPort;
    }

    /**
     * @return the node's TLS port on 127.0.0.1
     * @throws IllegalStateException if it was started without TLS
     */
    public int tlsPort() {
        return tlsListener().port();
    }

    /**
     * @return {@code "127.0.0.1:TLS_PORT"}, the TLS counterpart of {@link #addresses()}
     * @throws IllegalStateException if it was started without TLS
     */
    public String tlsAddresses() {
        return HOST + ":" + tlsPort();
    }

    /**
     * @return the node's CA, server and client certificates, and the Java trust and key stores made of them
     * @throws IllegalStateException if it was started without TLS
     */
    public TestCertificates certificates() {
        return tlsListener().certificates();
    }

    private TlsListener tlsListener() {
        return tls.orElseThrow(() -> new IllegalStateException("Test node " + nodeName + " has no TLS listener:"
                + " start it with RabbitNode.startWithTls()"));
    }

    /** @return the node's private directory (data in {@code mnesia/}, logs in {@code log/}) */
    public Path directory() {
        return directory.root();
    }

    /** @return the node's main log file, which may not exist before the first start completed */
    public Path logFile() {
        return directory.logFile();
    }

    /** @return whether the node's Erlang VM is alive (it may still be booting or shutting down) */
    public boolean isRunning() {
        return process.isRunning();
    }

    /** @return the OS pid of the node's Erlang VM ({@code beam.smp}), or empty when it is not running */
    public OptionalLong osPid() {
        return process.pid().map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /**
     * @return a new amqp-client factory for this node: host 127.0.0.1, its AMQP port, {@code guest}/{@code guest},
     *         virtual host {@code /}; everything else is amqp-client's default (automatic recovery on)
     */
    public ConnectionFactory newConnectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(amqpPort);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost("/");
        return factory;
    }

    /**
     * @return like {@link #newConnectionFactory()}, on the TLS port, trusting the test CA (no client
     *         certificate) and verifying that the server certificate names 127.0.0.1; for {@code EXTERNAL}, add
     *         {@code useSslProtocol(certificates().sslContextWithClientCertificate())} and
     *         {@code setSaslConfig(DefaultSaslConfig.EXTERNAL)}
     * @throws IllegalStateException if it was started without TLS
     */
    public ConnectionFactory newTlsConnectionFactory() {
        ConnectionFactory factory = newConnectionFactory();
        factory.setPort(tlsPort());
        factory.useSslProtocol(certificates().sslContext());
        // Recent amqp-client versions verify in useSslProtocol already (rabbitmq-java-client#2005), older ones not.
        factory.enableHostnameVerification();
        return factory;
    }

    /**
     * Crashes the node: SIGKILL to its Erlang VM, returning once the process is gone. Durable queues and persistent
     * messages that the broker had confirmed survive a {@link #restart()}, except a queue declared in the last few
     * seconds, whose definition may not be on disk yet (RabbitMQ 3.x, Mnesia): {@code rabbitmqctl("eval",
     * "mnesia:sync_log().")} first when a test needs it. No-op if it is not running.
     */
    public synchronized void kill9() {
        requireOpen();
        process.kill9();
        LOG.log(Level.INFO, "Killed test node {0} with SIGKILL", nodeName);
    }

    /**
     * Stops the node cleanly ({@code rabbitmqctl stop}, at most 30 s, then SIGKILL), keeping its data for a
     * {@link #restart()}. No-op if it is not running.
     */
    public synchronized void stop() {
        requireOpen();
        process.stop(STOP_TIMEOUT);
    }

    /**
     * Starts the node again with the same name, ports and data, stopping it cleanly first if it runs, and waits
     * until it is ready (at most 60 s).
     *
     * @throws RabbitNodeException if it did not become ready; the message ends with the node's log tail
     */
    public synchronized void restart() {
        requireOpen();
        process.stop(STOP_TIMEOUT);
        long began = System.nanoTime();
        process.start(READY_TIMEOUT);
        LOG.log(Level.INFO, "Restarted test node {0} in {1} ms", new Object[] {nodeName, millisSince(began)});
    }

    /**
     * Stops the node (cleanly, else SIGKILL) and deletes its directory. Idempotent; every other lifecycle method
     * and every observation fails afterwards.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.stop(STOP_TIMEOUT);
            directory.delete();
        } finally {
            NodeReaper.forget(this);
        }
    }

    /** Called by the JVM shutdown hook without the node's lock, which a stuck test may hold. */
    void killForShutdown() {
        process.killForShutdown();
        try {
            directory.delete();
        } catch (RuntimeException e) {
            // The VM may still be dying; a leftover directory in the temp dir is harmless.
        }
    }

    /** @return how many client connections the node has, as {@code rabbitmqctl list_connections} reports */
    public int connectionCount() {
        return observations().connectionCount();
    }

    /** @return how many channels the node has across all connections */
    public int channelCount() {
        return observations().channelCount();
    }

    /**
     * @return the client-provided name ({@code connection_name} client property, e.g. from
     *         {@code ConnectionFactory.newConnection(String)}) of every connection, in the broker's order; a
     *         connection without one is listed under the broker's own name ({@code "127.0.0.1:41234 -> ..."})
     */
    public List<String> connectionNames() {
        return observations().connectionNames();
    }

    /**
     * @return channel count per connection, keyed as in {@link #connectionNames()}; connections with equal names
     *         are added up
     */
    public Map<String, Integer> channelsPerConnection() {
        return observations().channelsPerConnection();
    }

    /**
     * @return the consumer count of every channel, grouped by connection, keyed as in {@link #connectionNames()}:
     *         a channel without consumers shows as 0
     */
    public Map<String, List<Integer>> consumersPerChannel() {
        return observations().consumersPerChannel();
    }

    /**
     * @param columns numeric {@code list_queues} columns, e.g. {@code "consumers", "messages_ready"}
     * @return those columns of every queue in virtual host {@code /}, by queue name, in the order asked for
     */
    public Map<String, List<Integer>> queueCounts(String... columns) {
        return observations().queueCounts(columns);
    }

    /**
     * @param queue a queue in virtual host {@code /}
     * @return its {@code messages} count: ready plus delivered-but-unacknowledged
     * @throws RabbitNodeException if there is no such queue
     */
    public int queueMessageCount(String queue) {
        return observations().queueMessageCount(queue);
    }

    /**
     * Runs any {@code rabbitmqctl} command against this node ({@code -n NODE -q} are added; at most 30 s).
     * Debian's wrapper passes the arguments through {@code sh -c} inside double quotes, so avoid {@code $},
     * backquotes and backslashes in them.
     *
     * @param args the command and its arguments, e.g. {@code "list_queues", "--no-table-headers", "name"}
     * @return its standard output
     * @throws RabbitNodeException if it fails or overstays, with its output
     */
    public String rabbitmqctl(String... args) {
        requireOpen();
        return ctl.run(args);
    }

    private NodeObservations observations() {
        requireOpen();
        return observations;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Test node " + nodeName + " is closed");
        }
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }

    /** @return node name and addresses, for logs and assertion messages */
    @Override
    public String toString() {
        return nodeName + " (amqp " + addresses() + tls.map(t -> ", tls " + t.port() + " with " + t.options())
                .orElse("") + ", distribution port " + distributionPort + ", dir " + directory.root() + ")";
    }
}
