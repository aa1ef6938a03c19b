// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A RabbitMQ cluster of private test nodes on this machine, for quorum queues and fail-over tests.
 *
 * <p>{@link #start(int)} starts the nodes at once (each as {@link RabbitNode#start()} does), then joins the others
 * to the first ({@code stop_app}, {@code join_cluster}, {@code start_app}) one after the other, and returns once
 * all are running members. Three nodes take about 20 s on two cores. They can join because every test node runs
 * as user {@code rabbitmq} with its home directory, so they share its Erlang cookie
 * ({@code /var/lib/rabbitmq/.erlang.cookie}).
 *
 * <p>Each member is a {@link RabbitNode}: {@code kill9()}, {@code restart()} (it rejoins with its data) and
 * {@code rabbitmqctl(...)} work on it as on a lone node. Mind that in a cluster the connection and channel
 * observations of every member ({@code connectionCount()}, {@code connectionNames()}, ...) list the whole
 * cluster's connections; {@link #nodeServing(String)} tells which member a connection is on.
 *
 * <p>Threading: {@link #close()} may run concurrently with observations; the members' own rules apply.
 */
public final class RabbitCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RabbitCluster.class.getName());
    private static final Duration ONLINE_TIMEOUT = Duration.ofSeconds(20);

    private final List<RabbitNode> nodes;

    private RabbitCluster(List<RabbitNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts {@code size} nodes and clusters them.
     *
     * @param size how many nodes, at least 1; each is an Erlang VM of its own (memory, and a share of the CPU)
     * @return the running cluster; close it when done
     * @throws IllegalArgumentException if {@code size} is below 1
     * @throws RabbitNodeException      if a node does not start or join; the nodes started are closed by then
     */
    public static RabbitCluster start(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A cluster needs at least 1 node, not " + size);
        }
        long began = System.nanoTime();
        RabbitCluster cluster = new RabbitCluster(startAll(size));
        try {
            RabbitNode seed = cluster.nodes.get(0);
            for (RabbitNode node : cluster.nodes.subList(1, size)) {
                join(node, seed);
            }
            seed.rabbitmqctl("await_online_nodes", Integer.toString(size), "--timeout",
                    Long.toString(ONLINE_TIMEOUT.toSeconds()));
        } catch (RuntimeException e) {
            closeAfterFailure(cluster.nodes, e);
            throw e;
        }
        LOG.log(Level.INFO, "Started a test cluster of {0} nodes in {1} ms: {2}", new Object[] {size,
                Duration.ofNanos(System.nanoTime() - began).toMillis(), cluster.nodes});
        return cluster;
    }

    /** Starts the nodes in parallel; if one fails, closes the others and throws its failure. */
    private static List<RabbitNode> startAll(int size) {
        List<CompletableFuture<RabbitNode>> starts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            starts.add(CompletableFuture.supplyAsync(RabbitNode::start, RabbitCluster::daemon));
        }
        List<RabbitNode> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<RabbitNode> start : starts) {
            try {
                started.add(start.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException thrown ? thrown : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            closeAfterFailure(started, failure);
            throw failure;
        }
        return started;
    }

    private static void join(RabbitNode node, RabbitNode seed) {
        try {
            node.rabbitmqctl("stop_app");
            node.rabbitmqctl("join_cluster", seed.nodeName());
            node.rabbitmqctl("start_app");
        } catch (RabbitNodeException e) {
            throw new RabbitNodeException("Test node " + node.nodeName() + " could not join the cluster of "
                    + seed.nodeName() + ": " + e.getMessage() + " See " + node.logFile(), e);
        }
    }

    /** @return the members in start order; the first is the one the others joined */
    public List<RabbitNode> nodes() {
        return nodes;
    }

    /**
     * @return {@code "127.0.0.1:p1,127.0.0.1:p2,..."}, every member's AMQP address in start order, as an
     *         amqp-client address list or an adapter property takes it
     */
    public String addresses() {
        return nodes.stream().map(RabbitNode::addresses).collect(Collectors.joining(","));
    }

    /**
     * Asks a running member where a client connection is.
     *
     * @param connectionName the client-provided name ({@code connection_name} client property)
     * @return the member that holds the connection
     * @throws RabbitNodeException if no connection has that name, or connections of that name are on several
     *                             members, or no member runs
     */
    public RabbitNode nodeServing(String connectionName) {
        RabbitNode witness = anyRunningNode();
        List<List<String>> rows = CtlOutput.rows(witness.rabbitmqctl("list_connections", "--no-table-headers",
                "pid", "client_properties"));
        Set<RabbitNode> serving = new LinkedHashSet<>(); // a name twice on one member (one not yet gone) is fine
        for (List<String> row : rows) {
            if (CtlOutput.clientProperty(CtlOutput.cell(row, 1), "connection_name")
                    .filter(connectionName::equals).isPresent()) {
                serving.add(nodeOfPid(CtlOutput.cell(row, 0)));
            }
        }
        if (serving.size() != 1) {
            throw new RabbitNodeException((serving.isEmpty() ? "No connection named '" + connectionName + "' in"
                    : "Connections named '" + connectionName + "' are on " + serving.stream()
                            .map(RabbitNode::nodeName).collect(Collectors.toList()) + " of")
                    + " the test cluster (asked " + witness.nodeName() + "; it lists " + rows.size()
                    + " connections). Give each client connection a name of its own.");
        }
        return serving.iterator().next();
    }

    /**
     * Asks a running member which member leads a quorum queue (or stream) in virtual host {@code /}.
     *
     * @param queue the queue's name
     * @return its leader
     * @throws RabbitNodeException if there is no such queue, it has no leader (a classic queue, or an election
     *                             is under way), or no member runs
     */
    public RabbitNode queueLeader(String queue) {
        RabbitNode witness = anyRunningNode();
        for (List<String> row : CtlOutput.rows(witness.rabbitmqctl("list_queues", "--no-table-headers", "name",
                "leader"))) {
            if (CtlOutput.cell(row, 0).equals(queue)) {
                String leader = CtlOutput.cell(row, 1);
                return nodes.stream().filter(n -> n.nodeName().equals(leader)).findFirst()
                        .orElseThrow(() -> new RabbitNodeException("Queue '" + queue + "' has leader '" + leader
                                + "', which is not a member of the test cluster " + nodeNames()
                                + "; is it a quorum queue, and is an election under way?"));
            }
        }
        throw new RabbitNodeException("No queue '" + queue + "' in virtual host / of the test cluster (asked "
                + witness.nodeName() + ")");
    }

    /** Stops every member at once and deletes their directories. Idempotent. */
    @Override
    public void close() {
        closeAll(nodes);
    }

    private RabbitNode anyRunningNode() {
        return nodes.stream().filter(RabbitNode::isRunning).findFirst()
                .orElseThrow(() -> new RabbitNodeException("No member of the test cluster " + nodeNames()
                        + " is running"));
    }

    /** rabbitmqctl prints a pid as {@code <NODE.CREATION.ID.SERIAL>}; our host name, localhost, has no dot. */
    private RabbitNode nodeOfPid(String pid) {
        return nodes.stream().filter(n -> pid.startsWith("<" + n.nodeName() + ".")).findFirst()
                .orElseThrow(() -> new RabbitNodeException("Connection " + pid + " is on no member of the test"
                        + " cluster " + nodeNames()));
    }

    private List<String> nodeNames() {
        return nodes.stream().map(RabbitNode::nodeName).collect(Collectors.toList());
    }

    /** Closes the nodes at once, each as {@link RabbitNode#close()} does; throws the first failure, if any. */
    private static void closeAll(List<RabbitNode> nodes) {
        try {
            CompletableFuture.allOf(nodes.stream()
                    .map(node -> CompletableFuture.runAsync(node::close, RabbitCluster::daemon))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void closeAfterFailure(List<RabbitNode> nodes, RuntimeException failure) {
        try {
            closeAll(nodes);
        } catch (RuntimeException closing) {
            failure.addSuppressed(closing);
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "rabbitmq-jca-test-cluster");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the members, for logs and assertion messages */
    @Override
    public String toString() {
        return "test cluster " + nodes;
    }
}
