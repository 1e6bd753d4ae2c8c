package dev.jangteo.query.readmodel;

import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a read model holds about one user, for the user's data export: a bean per read model that holds personal
 * data, each giving its sections of the export by name (a row, or null when it holds none; or a list of rows). The
 * export orders the beans by {@link org.springframework.core.annotation.Order} and adds them up; it knows no table.
 */
public interface PersonalRows {

    /** The sections this read model contributes, in the order they appear in the export. */
    Map<String, Object> sectionsOf(String userId);

    /** A row as a map with camelCase keys (from the column labels) and timestamps as instants. */
    RowMapper<Map<String, Object>> ROW = (row, n) -> {
        ResultSetMetaData columns = row.getMetaData();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            Object value = columns.getColumnType(i) == Types.TIMESTAMP
                    || columns.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE
                    ? Optional.ofNullable(row.getObject(i, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                              .orElse(null)
                    : row.getObject(i);
            values.put(camelCase(columns.getColumnLabel(i)), value);
        }
        return values;
    };

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
