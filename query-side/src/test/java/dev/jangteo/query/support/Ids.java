package dev.jangteo.query.support;

import java.util.UUID;

/** Fresh ids, so tests sharing one database never see each other's data. */
public final class Ids {

    private Ids() {
    }

    public static String of(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
