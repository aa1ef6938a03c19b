// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.failures;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves {@link ConnectProbe} under {@code /api}. */
@ApplicationPath("api")
public class FailureProbeApplication extends Application {
}
