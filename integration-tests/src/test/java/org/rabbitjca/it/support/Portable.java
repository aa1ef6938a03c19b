// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of the portable subset: besides Payara Micro (which runs every test), the build runs it on each other
 * server family too (the failsafe executions that select the tag {@value #TAG}). A test earns it when it needs
 * nothing but the standard and the {@link org.rabbitjca.testserver.ServerLauncher} interface.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Portable.TAG)
public @interface Portable {

    /** The JUnit tag the other servers' executions select. */
    String TAG = "portable";
}
