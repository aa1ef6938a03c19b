// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The probe war's one REST root: {@link ProbeResource} at {@code api/probe}, {@link ConnectProbe} at
 * {@code api/connect}.
 */
@ApplicationPath("api")
public class ProbeApplication extends Application {
}
