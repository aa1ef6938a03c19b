// SPDX-License-Identifier: Apache-2.0
/**
 * The Jakarta Messaging face, built on rabbitmq-jms over the adapter's own pooled channels: a JMS connection is one
 * pooled channel ({@link org.rabbitjca.outbound.RabbitManagedConnection}, the same unit as the AMQP face's), and
 * rabbitmq-jms's session sees that channel through {@link org.rabbitjca.jms.JmsChannel}, whose publishes go through
 * {@link org.rabbitjca.api.RabbitConnection#publish}: confirmed, held for a JTA transaction, typed failures.
 * Invariants: rabbitmq-jms never opens a TCP connection, a thread or a channel of its own; the methods Jakarta
 * Messaging forbids inside a Jakarta EE container are refused with the reason ({@link
 * org.rabbitjca.jms.ContainerRestrictions}).
 */
package org.rabbitjca.jms;
