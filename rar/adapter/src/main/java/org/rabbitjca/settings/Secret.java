// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import java.util.Objects;

/** A password or key-store password: readable by code that needs it, masked in {@code toString()}. */
public final class Secret {

    private final String value;

    /**
     * @param value the secret; never {@code null}
     */
    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the secret itself; pass it only to the code that authenticates */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
