package dev.jangteo.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles a token's {@code roles} claim may carry; each becomes the authority {@code ROLE_<name>}. */
public enum Role {
    /** Own data, own commands. */
    CLIENT,
    /** Rankings, sales stats, coupon and room activity figures; never message contents. */
    ANALYST,
    /** The audit API. */
    AUDITOR,
    /** Catalog and coupon definitions, processors, replay, dead letters. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of that name; unknown names give nothing (a token cannot invent roles). */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
