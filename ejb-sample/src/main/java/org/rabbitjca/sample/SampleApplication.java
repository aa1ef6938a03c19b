// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the sample's REST resources under {@code /api}. */
@ApplicationPath("api")
public class SampleApplication extends Application {
}
