package dev.jangteo.query;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's shape, held by rules that fail when it is broken:
 * <ul>
 *     <li>Contexts (a read model each, or a few) own their tables; the operator features under {@code operations}
 *     (audit, replay and verified replay, dead letters, export) see read models only through the SPI in
 *     {@code readmodel}.</li>
 *     <li>A context uses another only through its public classes, along the edges listed here.</li>
 *     <li>No class names a table that a read model of another context declares, and every table of the migrations
 *     is declared once.</li>
 * </ul>
 * That the query side never uses the command side needs no rule here: command-side is not on its class path, so
 * such a use does not compile.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.jangteo.query";
    /** Each holds the read model(s) of one part of the domain, with its handlers, queries and store. */
    private static final Set<String> CONTEXTS = Set.of("account", "catalog", "chat", "coupon", "order", "ranking",
                                                       "sales", "search");
    /** What operators and auditors use (audit, replay, deadletter, export); they know read models only through
     * {@code readmodel}. */
    private static final Set<String> OPERATOR_FEATURES = Set.of("operations");
    /** Which context may ask which other (through the other's public classes), and why. */
    private static final Map<String, Set<String>> CONTEXT_USES = Map.of(
            "ranking", Set.of("sales", "catalog"),  // the database fallback: sales figures, product names
            "search", Set.of("chat"));              // whose rooms a user may search
    /** Tables that hold no read model, and the folders (with their subfolders) that alone may name each. */
    private static final Map<String, String> OTHER_TABLES = Map.of(
            "token_entry", "consistency operations/replay config",
            // config names it to Axon; a verified replay skips the events the live group parked there
            "dead_letter_entry", "operations/deadletter config operations/replay",
            "dead_letter_eviction", "operations/deadletter",
            "audit_seal", "operations/audit",
            "audit_seal_head", "operations/audit",
            "operator_action", "operations/actions",
            "processing_node", "config",
            "segment_handover", "config");
    private static final Path SOURCES = Path.of("src/main/java/dev/jangteo/query");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration/query_side");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void contextsKnowNoOperatorFeature() {
        noClasses().that().resideInAnyPackage(packages(CONTEXTS))
                   .should().dependOnClassesThat().resideInAnyPackage(packages(OPERATOR_FEATURES))
                   .check(classes);
    }

    @Test
    void operatorFeaturesKnowNoContext() {
        noClasses().that().resideInAnyPackage(packages(OPERATOR_FEATURES))
                   .should().dependOnClassesThat().resideInAnyPackage(packages(CONTEXTS))
                   .check(classes);
    }

    @Test
    void theReadModelSpiDependsOnNothingElseOfTheQuerySide() {
        noClasses().that().resideInAPackage(ROOT + ".readmodel..")
                   .should().dependOnClassesThat().resideInAnyPackage(packages(
                           Stream.concat(CONTEXTS.stream(), OPERATOR_FEATURES.stream()).toList()))
                   .check(classes);
    }

    @Test
    void aContextUsesAnotherOnlyAlongTheListedEdgesThroughPublicClasses() {
        List<String> violations = new ArrayList<>();
        for (JavaClass source : classes) {
            String from = context(source);
            if (from == null) {
                continue;
            }
            source.getDirectDependenciesFromSelf().forEach(dependency -> {
                JavaClass target = dependency.getTargetClass();
                String to = context(target);
                if (to == null || to.equals(from)) {
                    return;
                }
                if (!CONTEXT_USES.getOrDefault(from, Set.of()).contains(to)) {
                    violations.add(from + " may not use " + to + ": " + dependency.getDescription());
                } else if (!target.getModifiers().contains(JavaModifier.PUBLIC)) {
                    violations.add(to + " does not offer " + target.getName() + " to other contexts (not public): "
                                           + dependency.getDescription());
                }
            });
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyProjectionDeclaresItsReadModelAsAConstant() {
        assertThat(readModels()).hasSizeGreaterThanOrEqualTo(CONTEXTS.size());
    }

    @Test
    void everyTableOfTheMigrationsIsDeclaredOnce() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        List<String> declaredTwice = new ArrayList<>();
        readModels().forEach((context, models) -> models.forEach(model -> model.tables().forEach(table -> {
            if (owners.put(table, context) != null || OTHER_TABLES.containsKey(table)) {
                declaredTwice.add(table);
            }
        })));
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher create = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(?:query_side\\.)?(\\w+)")
                                        .matcher(Files.readString(file));
                while (create.find()) {
                    created.add(create.group(1).toLowerCase());
                }
            }
        }
        Set<String> known = new TreeSet<>(owners.keySet());
        known.addAll(OTHER_TABLES.keySet());
        assertThat(declaredTwice).as("tables declared by more than one read model").isEmpty();
        assertThat(known).as("tables of the read models and the others listed here, against the migrations")
                         .isEqualTo(created);
    }

    @Test
    void noClassNamesAnotherContextsTables() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        readModels().forEach((context, models) -> models.forEach(model -> model.tables()
                                                                               .forEach(t -> owners.put(t, context))));
        OTHER_TABLES.forEach(owners::put);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path folder = SOURCES.relativize(file).getParent();
                String pkg = folder == null ? "" : folder.toString().replace('\\', '/');
                String source = Files.readString(file);
                for (Map.Entry<String, String> table : owners.entrySet()) {
                    boolean mayName = Stream.of(table.getValue().split(" "))
                                             .anyMatch(owner -> pkg.equals(owner) || pkg.startsWith(owner + "/"));
                    if (!mayName && Pattern.compile("\\b" + table.getKey() + "\\b").matcher(source).find()) {
                        violations.add(SOURCES.relativize(file) + " names " + table.getKey() + " of "
                                               + table.getValue());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The read models each context declares: the {@code READ_MODEL} constant of each {@link Projection}. */
    private Map<String, List<ReadModel>> readModels() {
        Map<String, List<ReadModel>> byContext = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (JavaClass projection : classes.that(com.tngtech.archunit.base.DescribedPredicate.describe(
                "projections", (JavaClass c) -> c.isAssignableTo(Projection.class) && !c.isInterface()))) {
            try {
                Field field = projection.reflect().getDeclaredField("READ_MODEL");
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != ReadModel.class) {
                    missing.add(projection.getName());
                    continue;
                }
                field.setAccessible(true);
                String context = context(projection);
                if (context == null) {
                    missing.add(projection.getName() + " (outside every context)");
                    continue;
                }
                byContext.computeIfAbsent(context, c -> new ArrayList<>()).add((ReadModel) field.get(null));
            } catch (NoSuchFieldException | IllegalAccessException e) {
                missing.add(projection.getName());
            }
        }
        assertThat(missing).as("projections without a static final ReadModel READ_MODEL").isEmpty();
        return byContext;
    }

    private static String context(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String first = name.substring(ROOT.length() + 1).split("\\.")[0];
        return CONTEXTS.contains(first) ? first : null;
    }

    private static String[] packages(java.util.Collection<String> names) {
        return names.stream().map(name -> ROOT + "." + name + "..").toArray(String[]::new);
    }
}
