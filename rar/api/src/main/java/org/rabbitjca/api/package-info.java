// SPDX-License-Identifier: Apache-2.0
/**
 * The API applications compile against ({@code provided} scope): {@link org.rabbitjca.api.RabbitConnectionFactory}
 * looked up or injected by JNDI name, the {@link org.rabbitjca.api.RabbitConnection} handle that wraps one pooled
 * AMQP channel, the {@link org.rabbitjca.api.RabbitMessageListener} that message-driven beans implement, and the
 * typed exceptions. All exceptions are unchecked and extend {@link org.rabbitjca.api.RabbitException}, so a failed
 * publish inside a container transaction rolls it back.
 */
package org.rabbitjca.api;
