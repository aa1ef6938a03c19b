// SPDX-License-Identifier: Apache-2.0
/**
 * The inbound side: one {@link org.rabbitjca.inbound.QueueActivation} per message-driven bean endpoint consumes its
 * queue on a channel of a consumer connection and processes deliveries on at most {@code maxConcurrency} threads of
 * the container's WorkManager ({@link org.rabbitjca.inbound.DeliveryDispatcher}). Invariants: a delivery is acknowledged only after the endpoint returned normally;
 * a delivery whose endpoint threw, or that could not be scheduled, goes back to the queue; the adapter starts no
 * delivery threads of its own.
 */
package org.rabbitjca.inbound;
