// SPDX-License-Identifier: Apache-2.0
/**
 * The inbound side: one {@link org.rabbitjca.inbound.QueueActivation} per message-driven bean endpoint consumes its
 * queue on a channel of a consumer connection and processes deliveries on at most {@code maxConcurrency} threads
 * of the container's WorkManager ({@link org.rabbitjca.inbound.DeliveryDispatcher}). Invariants: a delivery is
 * acknowledged only after the endpoint returned normally (or its transaction committed), or, for a failed try,
 * after the broker confirmed its copy in a retry queue or, after {@code maxAttempts} tries, in the dead-letter
 * target ({@link org.rabbitjca.inbound.FailedDeliveryRouter}); a delivery whose copy the broker did not take, that
 * the container could not take, or that could not be scheduled goes back to the queue without counting a try;
 * the adapter starts no threads of its own.
 */
package org.rabbitjca.inbound;
