// SPDX-License-Identifier: Apache-2.0
/**
 * What the transactional-publishing tests deploy besides the probes: an order service that writes a row and publishes
 * in one container transaction, ended the way a test asks, through JDBC or JPA, on a non-XA or an XA PostgreSQL pool;
 * a message-driven bean that consumes, writes and publishes in one transaction; and their REST probe.
 */
package org.rabbitjca.it.transactional;
