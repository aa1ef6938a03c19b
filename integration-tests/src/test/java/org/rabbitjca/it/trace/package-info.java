// SPDX-License-Identifier: Apache-2.0
/**
 * The trace-context probe war's parts: {@link org.rabbitjca.it.trace.TraceProbe} publishes from a request and
 * says which span was current, {@link org.rabbitjca.it.trace.TracedListener} records the trace each delivery
 * carried and may publish on, {@link org.rabbitjca.it.trace.TraceLog} keeps what it saw.
 */
package org.rabbitjca.it.trace;
