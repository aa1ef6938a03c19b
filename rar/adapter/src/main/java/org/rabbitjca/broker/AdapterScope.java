// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import jakarta.transaction.TransactionSynchronizationRegistry;
import org.rabbitjca.settings.ConnectionProperties;

/**
 * What an outbound pool needs from the resource adapter it belongs to: the server-wide connection-property
 * defaults it inherits, and the physical connections it takes its share of. The adapter implements it, so that
 * the pool's code never imports the composition root.
 */
public interface AdapterScope {

    /** @return the adapter's connection properties, which a pool's unset properties inherit */
    ConnectionProperties connectionDefaults();

    /**
     * @return the adapter's shared broker connections
     * @throws IllegalStateException when the adapter is not started
     */
    BrokerConnections connections();

    /**
     * @return the container's transaction synchronization registry, through which publishes follow the caller's
     *         JTA transaction; {@code null} when the container lends none (publishes then always leave at once)
     */
    TransactionSynchronizationRegistry transactions();
}
