package dev.jangteo.query.readmodel;

import java.util.List;

/**
 * A read model as the operator features see it: the processing group that writes it and the PostgreSQL tables it
 * owns in schema {@code query_side} (none when its store is Redis or Elasticsearch; such a store brings its own
 * {@link ShadowStore}). Each projection declares its read model once, as a constant its {@link Projection} answers;
 * replay, verified replay and export know read models only through these declarations, and the architecture test
 * holds every context to naming only the tables its own read models declare.
 */
public record ReadModel(String group, List<String> tables) {

    public ReadModel {
        tables = List.copyOf(tables);
    }

    public static ReadModel of(String group, String... tables) {
        return new ReadModel(group, List.of(tables));
    }
}
