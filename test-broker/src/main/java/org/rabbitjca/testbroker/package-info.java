// SPDX-License-Identifier: Apache-2.0
/**
 * A JUnit 5 fixture that runs private, throwaway RabbitMQ nodes from the installed Debian {@code rabbitmq-server}.
 *
 * <p>What it owns: a temporary directory per node (data, logs, config, crash dump, TLS material issued for the
 * node), the node's OS processes, and the free ports it picked. Invariants:
 * <ul>
 *   <li>The machine's own broker ({@code rabbit@localhost}, ports 5672 and 25672) is never touched: every
 *       {@code rabbitmqctl} call names its node with {@code -n}, and the ports picked here exclude those.</li>
 *   <li>A node listens on 127.0.0.1 only and accepts {@code guest}/{@code guest}.</li>
 *   <li>Nothing outlives the JVM: a closed node has no process and no directory left, and a JVM shutdown hook
 *       kills ({@code kill -9}) the nodes that were not closed.</li>
 *   <li>Every wait has a deadline; a failure says what was waited for and shows the tail of the node's log.</li>
 * </ul>
 *
 * <p>Entry points: {@link org.rabbitjca.testbroker.RabbitNode} (start one yourself, try-with-resources; with a
 * TLS listener through {@code startWithTls}), {@link org.rabbitjca.testbroker.RabbitNodeExtension} (one node
 * shared by the whole test run, or a {@link org.rabbitjca.testbroker.PrivateNode} per test),
 * {@link org.rabbitjca.testbroker.RabbitCluster} (several nodes joined) and
 * {@link org.rabbitjca.testbroker.FaultProxy} (a network that breaks on demand); {@link
 * org.rabbitjca.testbroker.Poll} is the one wait with a deadline that every test module uses. Nodes need root, because
 * Debian's wrappers switch to user {@code rabbitmq}; TLS nodes also need {@code openssl}.
 */
package org.rabbitjca.testbroker;
