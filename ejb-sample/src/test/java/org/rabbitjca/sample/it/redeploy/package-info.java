// SPDX-License-Identifier: Apache-2.0
/** A slow transacted message-driven bean whose application a test redeploys while it works. */
package org.rabbitjca.sample.it.redeploy;
