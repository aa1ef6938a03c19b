// SPDX-License-Identifier: Apache-2.0
/**
 * The sample application: {@link org.rabbitjca.sample.OrderPublisher} publishes orders with publisher confirms
 * through the pooled connection factory, {@link org.rabbitjca.sample.OrderListener} receives them in a
 * message-driven bean, {@link org.rabbitjca.sample.OrdersResource} shows both over HTTP.
 */
package org.rabbitjca.sample;
