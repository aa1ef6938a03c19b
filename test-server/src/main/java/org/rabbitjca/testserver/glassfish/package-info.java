// SPDX-License-Identifier: Apache-2.0
/**
 * GlassFish behind {@link org.rabbitjca.testserver.ServerLauncher}: a domain of its own per start, configured with
 * asadmin as its administrators do it (the users' scripts of {@code deploy-descriptors/glassfish}), applications
 * with Payara's and GlassFish's shared {@code glassfish-resources.xml}. Everything GlassFish-specific of the test
 * harness is here and nowhere else; what GlassFish shares with Payara is in the {@code payara} package.
 */
package org.rabbitjca.testserver.glassfish;
