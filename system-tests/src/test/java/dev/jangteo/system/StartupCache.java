package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the apps from an ahead-of-time cache of their loaded and linked classes (JDK 25's {@code -XX:AOTCache}),
 * which the suite makes once per build of each jar. The suite starts the apps some ninety times; on a 2-core machine
 * a query side started in 14 to 18 s from its jar and in about 6 s from the cache, a command side in 9.5 to 12 s and
 * in 3.5 s.
 * <p>
 * The cache needs the classes in plain jars on the class path, not nested in Spring Boot's executable jar: the jar is
 * extracted first ({@code java -Djarmode=tools -jar app.jar extract}) into {@code target/aot/<app>/}. The training
 * run is the first launch's own command line with {@code -Dspring.context.exit=onRefresh}: the context is built (on
 * that test's database, as the launch would build it) and the JVM exits, writing {@code target/aot/<app>.aot}. A
 * stamp of the jar's size and time says whether the cache is of the jar being tested; a new build makes a new one.
 * <p>
 * The cache only makes starts faster; what runs is the same jar's code. If training fails, the apps start from the
 * jar as before and the training's log in {@code target/apps/} says why. {@code -Djangteo.it.startup-cache=false}
 * turns it off.
 */
final class StartupCache {

    private static final Path DIR = Path.of("target", "aot");
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("jangteo.it.startup-cache", "true"));
    private static final long TRAINING_TIMEOUT_SECONDS = 300;
    /** The JVM's own notes about the cache would otherwise land in the apps' JSON logs. */
    private static final List<String> QUIET = List.of("-Xlog:aot*=off", "-Xlog:cds*=off");
    /** Apps whose training failed in this JVM: they start from the jar, without trying again. */
    private static final Set<String> FAILED = new HashSet<>();

    private StartupCache() {
    }

    /**
     * What follows the JVM flags on the command line of {@code app}: {@code -jar} and the jar to run, from the cache
     * when there is one for this build of {@code jar} or one could be made now by {@code java jvmFlags ... appArgs}.
     */
    static synchronized List<String> runnable(String app, Path jar, String java, List<String> jvmFlags,
                                              List<String> appArgs) {
        if (!ENABLED || FAILED.contains(app)) {
            return List.of("-jar", jar.toString());
        }
        Path extracted = DIR.resolve(app);
        Path cache = DIR.resolve(app + ".aot");
        Path stampFile = DIR.resolve(app + ".stamp");
        Path runnable = extracted.resolve(jar.getFileName());
        try {
            String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            if (!(Files.exists(cache) && Files.exists(stampFile) && Files.readString(stampFile).equals(stamp))) {
                Files.deleteIfExists(stampFile);
                Files.deleteIfExists(cache);
                deleteTree(extracted);
                Files.createDirectories(DIR);
                Path log = Path.of("target", "apps", "aot-training-" + app + ".log");
                Files.createDirectories(log.getParent());
                run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                            extracted.toString()), log);
                Path partial = DIR.resolve(app + ".aot.partial");
                List<String> training = new ArrayList<>(List.of(java));
                training.addAll(jvmFlags);
                training.addAll(QUIET);
                training.addAll(List.of("-XX:AOTCacheOutput=" + partial, "-Dspring.context.exit=onRefresh",
                                        "-jar", runnable.toString()));
                training.addAll(appArgs);
                run(training, log);
                if (!Files.exists(partial)) {
                    throw new IllegalStateException("the training run wrote no cache; see " + log);
                }
                Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(stampFile, stamp);
            }
        } catch (IOException | RuntimeException e) {
            FAILED.add(app);
            System.err.println("No startup cache for " + app + ", it starts from its jar: " + e.getMessage());
            return List.of("-jar", jar.toString());
        }
        List<String> arguments = new ArrayList<>(List.of("-XX:AOTCache=" + cache));
        arguments.addAll(QUIET);
        arguments.addAll(List.of("-jar", runnable.toString()));
        return arguments;
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                     .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                                     .start();
        try {
            if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("'" + command.get(1) + " ...' took over " + TRAINING_TIMEOUT_SECONDS
                                                        + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + " of " + String.join(" ", command)
                                                    + "; see " + log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
