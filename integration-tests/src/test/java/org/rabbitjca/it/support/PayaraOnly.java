// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a test of a {@link Portable} class on Payara Micro only, because what it checks differs on other servers
 * by their design (each use says how, and the server's page in the docs says it to users). The other servers'
 * executions exclude the tag {@value #TAG}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag(PayaraOnly.TAG)
public @interface PayaraOnly {

    /** The JUnit tag the other servers' executions exclude. */
    String TAG = "payara-only";
}
