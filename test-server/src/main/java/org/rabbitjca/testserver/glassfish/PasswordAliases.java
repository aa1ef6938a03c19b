// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.glassfish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes values password aliases of a running domain ({@code create-password-alias}), each value written only to a
 * password file that is deleted right after, never to a command line or the domain's configuration.
 */
final class PasswordAliases {

    private PasswordAliases() {
    }

    /**
     * @param asadmin the distribution's asadmin
     * @param adminPort the domain's administration port
     * @param aliases each alias's name and value
     * @param workDir where the password file is written while asadmin reads it
     * @throws AssertionError naming the alias asadmin did not create
     */
    static void create(Asadmin asadmin, int adminPort, Map<String, String> aliases, Path workDir)
            throws IOException, InterruptedException {
        Path passwordFile = workDir.resolve("alias-password");
        try {
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                Files.writeString(passwordFile, "AS_ADMIN_ALIASPASSWORD=" + alias.getValue() + "\n");
                Asadmin.Result created = asadmin.onDomain(adminPort, "--passwordfile", passwordFile.toString(),
                        "create-password-alias", alias.getKey());
                if (created.exitCode() != 0) {
                    throw new AssertionError("asadmin create-password-alias " + alias.getKey() + " failed:\n"
                            + created.output());
                }
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }
}
