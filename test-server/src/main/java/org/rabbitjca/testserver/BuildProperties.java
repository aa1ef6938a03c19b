// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.nio.file.Path;

/** The system properties Maven's failsafe configuration gives the in-container tests (where the server, the .rar). */
public final class BuildProperties {

    private BuildProperties() {
    }

    /**
     * @param name a system property the build sets, e.g. {@code rabbitjca.rar}
     * @return its value as a path
     * @throws IllegalStateException naming the property when it is not set
     */
    public static Path requiredPath(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property '" + name + "' is not set; run the tests with Maven "
                    + "(mvn verify), whose failsafe configuration sets it");
        }
        return Path.of(value);
    }
}
