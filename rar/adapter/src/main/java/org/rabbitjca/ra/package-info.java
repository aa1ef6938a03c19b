// SPDX-License-Identifier: Apache-2.0
/**
 * The adapter's lifecycle: {@link org.rabbitjca.ra.RabbitResourceAdapter} holds the server-wide default connection
 * properties, owns the shared broker connections and the container's WorkManager, and starts and stops one
 * activation per message-driven bean endpoint. Invariant: after {@code stop()} no connection and no consumer of this
 * adapter is left open.
 */
package org.rabbitjca.ra;
