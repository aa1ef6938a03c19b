// SPDX-License-Identifier: Apache-2.0
/**
 * The adapter's lifecycle and composition root, which no other package imports:
 * {@link org.rabbitjca.ra.RabbitResourceAdapter} holds the server-wide default properties, owns the shared broker
 * connections (offered to pools as a {@code broker.AdapterScope}), takes the container's WorkManager, timer and
 * transaction registry, and starts and stops one {@code inbound.QueueActivation} per message-driven bean endpoint.
 * Invariant: after {@code stop()} no connection and no consumer of this adapter is left open.
 */
package org.rabbitjca.ra;
