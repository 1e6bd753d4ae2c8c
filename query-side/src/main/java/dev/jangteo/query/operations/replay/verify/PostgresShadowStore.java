package dev.jangteo.query.operations.replay.verify;

import dev.jangteo.query.readmodel.ReadModel;
import dev.jangteo.query.readmodel.Shadow;
import dev.jangteo.query.readmodel.ShadowStore;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL tables of one read model, as its {@link ReadModel} declares them. The shadow copy is a schema of
 * its own with the same tables ({@code LIKE ... INCLUDING ALL}: columns, defaults, checks, keys, indexes). Projections name their tables without
 * a schema and the connections' search path is {@code query_side}; a shadow unit of work turns its transaction to
 * the shadow schema ({@code SET LOCAL}, which ends with the transaction). The comparison is done by PostgreSQL,
 * row by row and order-insensitive ({@code EXCEPT ALL} both ways), so nothing is loaded into the app.
 */
class PostgresShadowStore implements ShadowStore {

    private static final String LIVE_SCHEMA = "query_side";

    private final String group;
    private final List<String> tables;
    private final JdbcClient jdbc;

    PostgresShadowStore(ReadModel readModel, JdbcClient jdbc) {
        this.group = readModel.group();
        this.tables = readModel.tables();
        this.jdbc = jdbc;
    }

    @Override
    public String group() {
        return group;
    }

    private static String schema(Shadow shadow) {
        return "shadow_" + shadow.name();
    }

    @Override
    public void prepare(Shadow shadow) {
        String schema = schema(shadow);
        jdbc.sql("CREATE SCHEMA " + schema).update();
        for (String table : tables) {
            jdbc.sql("CREATE TABLE " + schema + "." + table + " (LIKE " + LIVE_SCHEMA + "." + table
                             + " INCLUDING ALL)").update();
        }
    }

    @Override
    public void enter(Shadow shadow) {
        jdbc.sql("SET LOCAL search_path TO " + schema(shadow)).update();
    }

    @Override
    public Comparison compare(Shadow shadow, int limit) {
        String schema = schema(shadow);
        long rows = 0;
        List<ShadowStore.Difference> differences = new ArrayList<>();
        for (String table : tables) {
            String live = LIVE_SCHEMA + "." + table;
            String replayed = schema + "." + table;
            rows += jdbc.sql("SELECT count(*) FROM " + live).query(Long.class).single();
            differences.addAll(onlyIn(live, replayed, "LIVE_ONLY", limit - differences.size()));
            differences.addAll(onlyIn(replayed, live, "REPLAY_ONLY", limit - differences.size()));
        }
        return new Comparison(rows, differences);
    }

    private List<ShadowStore.Difference> onlyIn(String table, String other, String kind, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String liveName = LIVE_SCHEMA + table.substring(table.indexOf('.'));
        return jdbc.sql("SELECT row_to_json(d)::text FROM (SELECT * FROM " + table + " EXCEPT ALL SELECT * FROM "
                                + other + ") d LIMIT " + limit)
                   .query((row, number) -> new ShadowStore.Difference(liveName, kind, row.getString(1)))
                   .list();
    }

    @Override
    public void discard(Shadow shadow) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema(shadow) + " CASCADE").update();
    }
}
