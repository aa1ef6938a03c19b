// SPDX-License-Identifier: Apache-2.0
/**
 * The benchmark driver: starts a private RabbitMQ node and Payara Micro with rabbitmq-jca and the benchmark war,
 * measures each scenario through the adapter and with the baselines (raw amqp-client, Spring AMQP) back to back in
 * the same run, and reports min/median/max and the ratio of the medians.
 */
package org.rabbitjca.bench.driver;
