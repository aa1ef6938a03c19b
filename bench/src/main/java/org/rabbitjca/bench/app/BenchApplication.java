// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the benchmark resource under {@code /api}. */
@ApplicationPath("api")
public class BenchApplication extends Application {
}
