// SPDX-License-Identifier: Apache-2.0
/**
 * Everything that faces the broker's connections: building an amqp-client {@code ConnectionFactory} from settings
 * ({@link org.rabbitjca.broker.ClientFactoryBuilder}), the physical connections shared by pools and endpoints
 * ({@link org.rabbitjca.broker.BrokerConnections}, {@link org.rabbitjca.broker.ConnectionGroup}), and turning
 * broker failures into precise messages ({@link org.rabbitjca.broker.BrokerFailures}). Invariant: application and
 * endpoint code get channels from here, never connections; a connection is closed when its last user releases it.
 */
package org.rabbitjca.broker;
