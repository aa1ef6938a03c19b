// SPDX-License-Identifier: Apache-2.0
/**
 * The sample: a small order service. {@link org.rabbitjca.sample.OrderService} stores an order and publishes its
 * OrderPlaced event in one container transaction (held by the adapter until the commit, confirmed before the
 * database commits); {@link org.rabbitjca.sample.ShippingListener} ships it in a transacted message-driven bean
 * and publishes OrderShipped in the same transaction, through a pool declared by {@code @ConnectionFactoryDefinition}
 * ({@code com.example.orders.RabbitResources}, from {@code deploy-descriptors/java}); a poison order ends in the
 * dead-letter queue with its reason, where {@link org.rabbitjca.sample.RejectedOrdersListener} marks it rejected;
 * {@link org.rabbitjca.sample.AuditListener}, a JMS bean, gets a copy of every event through its own topic
 * binding. {@link org.rabbitjca.sample.OrdersResource} shows it
 * over HTTP; the bundled rabbitmq-jca-microprofile jar shows the adapter at {@code /health/ready} and
 * {@code /metrics}.
 */
package org.rabbitjca.sample;
