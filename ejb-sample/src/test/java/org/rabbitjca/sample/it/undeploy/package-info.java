// SPDX-License-Identifier: Apache-2.0
/** A slow message-driven bean whose server a test shuts down while it works. */
package org.rabbitjca.sample.it.undeploy;
