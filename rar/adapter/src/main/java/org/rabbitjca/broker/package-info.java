// SPDX-License-Identifier: Apache-2.0
/**
 * Our side of the broker connections: building an amqp-client {@code ConnectionFactory} from settings
 * ({@link org.rabbitjca.broker.ClientFactoryBuilder}), the physical connections shared by pools and endpoints
 * ({@link org.rabbitjca.broker.BrokerConnections}, {@link org.rabbitjca.broker.ConnectionGroup}), what the broker
 * says about them (outages, publish blocks), and turning broker failures into precise messages
 * ({@link org.rabbitjca.broker.BrokerFailures}). It knows neither the outbound nor the inbound side; both reach the
 * adapter only through {@link org.rabbitjca.broker.AdapterScope} or their own settings. Invariants: application
 * and endpoint code get channels from here, never connections; a group of connections closes when its last share is
 * given back (endpoints give theirs back when deactivated, pools never do), and every connection when the adapter
 * stops.
 */
package org.rabbitjca.broker;
