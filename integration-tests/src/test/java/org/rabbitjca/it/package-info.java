// SPDX-License-Identifier: Apache-2.0
/**
 * The adapter's integration tests: each starts a real server with rabbitmq-jca and a probe war against real
 * RabbitMQ nodes, through {@link org.rabbitjca.testserver.ServerLauncher}, so the same classes can run on every
 * server family; they count what the broker and the beans observed.
 */
package org.rabbitjca.it;
