package dev.jangteo.benchmarks.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an app's CPU went, from the execution samples of a JFR recording: shares by thread group (thread names
 * without their numbers: {@code tomcat-handler}, {@code EventProcessor[orders]}, {@code command}...) and by
 * component, each sample given to the component of the frame nearest its leaf that belongs to one (JWT and security,
 * Jackson, Hibernate, the JDBC driver...; then our own code, Axon's messaging machinery, the rest of Spring), else
 * "JDK". With the app's CPU per order (the {@code shop} scenario prints it), each share is also
 * given in milliseconds per order.
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.jangteo.benchmarks.profile.CpuBudget RECORDING.jfr \
 *     [--from=2026-12-07T06:09:45Z] [--to=...] [--cpu-ms-per-order=13.5]
 * </pre>
 */
public final class CpuBudget {

    /** Components by a fragment of a frame's class name, in the order they are tried on each frame. */
    static final Map<String, List<String>> COMPONENTS = components();

    private static Map<String, List<String>> components() {
        Map<String, List<String>> components = new LinkedHashMap<>();
        components.put("JWT and security filters", List.of("org.springframework.security.", "com.nimbusds.",
                                                           "sun.security.rsa.", "java.math.BigInteger"));
        components.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        components.put("JPA (Hibernate)", List.of("org.hibernate.", "org.springframework.orm.jpa.",
                                                  "org.springframework.data.jpa."));
        components.put("JDBC driver and pool", List.of("org.postgresql.", "com.zaxxer.hikari."));
        components.put("Redis client", List.of("io.lettuce.", "io.netty."));
        components.put("Elasticsearch client", List.of("co.elastic.clients.", "org.elasticsearch."));
        components.put("saga store", List.of("org.axonframework.modelling.saga.repository."));
        components.put("token store", List.of("org.axonframework.eventhandling.tokenstore."));
        components.put("event store", List.of("org.axonframework.eventsourcing.eventstore.",
                                              "dev.jangteo.platform.eventstore."));
        components.put("deadlines (db-scheduler)", List.of("com.github.kagkarlsson.", "org.axonframework.deadline."));
        components.put("metrics and tracing", List.of("io.micrometer.", "io.opentelemetry.", "io.prometheus.",
                                                      "org.HdrHistogram."));
        components.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "co.elastic.logging."));
        components.put("HTTP server (Tomcat)", List.of("org.apache.catalina.", "org.apache.coyote.",
                                                       "org.apache.tomcat."));
        components.put("Spring MVC", List.of("org.springframework.web."));
        components.put("Jangteo code", List.of("dev.jangteo."));
        components.put("Axon messaging (units of work, interceptors, handlers)", List.of("org.axonframework."));
        components.put("Spring (AOP, transactions, beans)", List.of("org.springframework."));
        return components;
    }

    /** The component of a stack, leaf first: its first frame that belongs to one, else "JDK". */
    static String componentOf(List<String> classNames) {
        for (String className : classNames) {
            for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
                for (String fragment : component.getValue()) {
                    if (className.startsWith(fragment)) {
                        return component.getKey();
                    }
                }
            }
        }
        return "JDK";
    }

    /** A thread's group: its name without numbers ({@code tomcat-handler-12} is {@code tomcat-handler}). */
    static String groupOf(String threadName) {
        return threadName.replaceAll("[-#]?\\d+", "").replaceAll("-+$", "");
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: CpuBudget RECORDING.jfr [--from=INSTANT] [--to=INSTANT] [--cpu-ms-per-order=MS]");
            System.exit(2);
        }
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        double perOrder = Double.NaN;
        for (String arg : args) {
            if (arg.startsWith("--from=")) {
                from = Instant.parse(arg.substring(7));
            } else if (arg.startsWith("--to=")) {
                to = Instant.parse(arg.substring(5));
            } else if (arg.startsWith("--cpu-ms-per-order=")) {
                perOrder = Double.parseDouble(arg.substring(19));
            }
        }
        Map<String, Integer> groups = new TreeMap<>();
        Map<String, Map<String, Integer>> componentsPerGroup = new TreeMap<>();
        Map<String, Integer> components = new TreeMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                String group = groupOf(thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName());
                String component = componentOf(classNames(event.getStackTrace()));
                total++;
                groups.merge(group, 1, Integer::sum);
                components.merge(component, 1, Integer::sum);
                componentsPerGroup.computeIfAbsent(group, g -> new TreeMap<>()).merge(component, 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d samples%n%n-- by component%n", total);
        print(components, total, perOrder, "");
        System.out.printf(Locale.ROOT, "%n-- by thread group (components within each)%n");
        for (Map.Entry<String, Integer> group : sorted(groups)) {
            line(group.getKey(), group.getValue(), total, perOrder, "");
            print(componentsPerGroup.get(group.getKey()), total, perOrder, "      ");
        }
    }

    private static List<String> classNames(RecordedStackTrace stack) {
        List<String> names = new ArrayList<>();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.isJavaFrame() && frame.getMethod() != null && frame.getMethod().getType() != null) {
                    names.add(frame.getMethod().getType().getName());
                }
            }
        }
        return names;
    }

    private static void print(Map<String, Integer> counts, int total, double perOrder, String indent) {
        for (Map.Entry<String, Integer> entry : sorted(counts)) {
            if (entry.getValue() * 200 >= total) {  // 0.5 % and more
                line(entry.getKey(), entry.getValue(), total, perOrder, indent);
            }
        }
    }

    private static void line(String name, int count, int total, double perOrder, String indent) {
        double share = 100.0 * count / total;
        String ms = Double.isNaN(perOrder) ? "" : String.format(Locale.ROOT, "  %6.2f ms/order", perOrder * count / total);
        System.out.printf(Locale.ROOT, "%s%5.1f%%%s  %s%n", indent, share, ms, name);
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
    }

    private CpuBudget() {
    }
}
