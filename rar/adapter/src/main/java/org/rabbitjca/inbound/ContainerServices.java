// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Timer;

/**
 * What the container lends the adapter for its endpoints, taken from the bootstrap context when the adapter starts.
 *
 * @param workManager runs deliveries, restarts and session ends
 * @param timer schedules restarts; cancelled when the adapter stops
 * @param transactions settles transacted deliveries; {@code null} when the container has no registry
 */
public record ContainerServices(WorkManager workManager, Timer timer, TransactionSynchronizationRegistry transactions) {
}
