// SPDX-License-Identifier: Apache-2.0
/**
 * The server side of the soak ({@code bin/run-bench --soak}): a transacted message-driven bean that writes a row to
 * PostgreSQL through a non-XA pool per message, the case where a delivery's transaction holds one database resource
 * beside the adapter's settlement.
 */
package org.rabbitjca.bench.soak;
