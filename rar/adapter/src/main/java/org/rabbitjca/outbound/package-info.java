// SPDX-License-Identifier: Apache-2.0
/**
 * The outbound side: a pooled managed connection is ONE AMQP channel ({@link
 * org.rabbitjca.outbound.RabbitManagedConnection}) on a physical connection shared by the pool; the container pools
 * channels, the application holds a {@link org.rabbitjca.outbound.ChannelHandle} for the length of a
 * try-with-resources block. Invariants: a channel the broker closed is reported to the container
 * ({@code CONNECTION_ERROR_OCCURRED}) and never handed out again; the application cannot close, re-mode or consume
 * on a pooled channel; every publish with confirms ends in a confirm, a typed failure, or a timeout.
 */
package org.rabbitjca.outbound;
