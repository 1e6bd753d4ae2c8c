package dev.jangteo.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The command side's contexts ({@code account}, {@code catalog}, {@code chat}, {@code coupon}, {@code order}) decide
 * alone: one context's aggregates and sagas reach another only through the commands and events of shared-api, never
 * through its classes. (The payment saga names the account's ACCOUNT_CLOSED code through its constant, which the
 * compiler copies.) Every package may use the shared ones ({@code config}, {@code refusal}, {@code security},
 * {@code web}), and those use no context.
 * <p>
 * That the command side never uses the query side, and the platform no app, needs no rule here: neither is on the
 * other's class path, so such a use does not compile.
 */
class ArchitectureTest {

    private static final String[] SHARED = {"dev.jangteo.command.config..", "dev.jangteo.command.refusal..",
                                             "dev.jangteo.command.security..", "dev.jangteo.command.web.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jangteo.command");

    @Test
    void contextsUseEachOtherOnlyThroughSharedApi() {
        slices().matching("dev.jangteo.command.(*)..")
                .should().notDependOnEachOther()
                // Every package may use the shared ones; these use no context.
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(SHARED))
                .check(classes);
    }
}
