// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.junit.jupiter.api.BeforeEach;

import java.net.URL;

/**
 * The base of tests against the standard probe war ({@link ProbeServerExtension}): subclasses choose the broker with
 * {@link ServerWithSharedNode} or {@link ServerWithOwnNode}, call the probes over HTTP and count on the broker.
 */
public abstract class DeployedProbes {

    /** The probe war's base URL, e.g. {@code http://127.0.0.1:8123/probe/}. */
    protected URL base;

    @BeforeEach
    void locateProbes() {
        base = ProbeServerExtension.current().base();
    }
}
