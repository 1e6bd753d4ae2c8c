package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names PromQL expressions read: what is left once strings, label matchers, ranges and grouping clauses are
 * removed, minus functions, keywords and the series Prometheus makes itself ({@code up}, {@code ALERTS},
 * {@code scrape_*}). Shared by the alert rules and the Grafana dashboards of {@code monitoring/}.
 */
final class PromQl {

    /** The PromQL expressions of one file of {@code monitoring/}. */
    @FunctionalInterface
    interface Expressions {
        List<String> of(Path file) throws IOException;
    }

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
                                                       "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");

    private PromQl() {
    }

    /** Every metric name read by the expressions of the files in {@code folder} whose names end in {@code suffix}. */
    static Set<String> metricNames(Path folder, String suffix, Expressions expressions) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(suffix)).toList()) {
                expressions.of(file).forEach(expression -> names.addAll(metricNames(expression)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> metricNames(String expression) {
        String bare = STRINGS.matcher(expression).replaceAll(" ");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGES.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            String candidate = name.group();
            boolean function = bare.substring(name.end()).stripLeading().startsWith("(");
            boolean number = name.start() > 0 && Character.isDigit(bare.charAt(name.start() - 1));
            if (!function && !number && !KEYWORDS.contains(candidate.toLowerCase())
                    && !MADE_BY_PROMETHEUS.contains(candidate) && !candidate.startsWith("scrape_")) {
                names.add(candidate);
            }
        }
        return names;
    }
}
