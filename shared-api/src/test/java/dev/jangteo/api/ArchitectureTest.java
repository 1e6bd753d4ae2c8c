package dev.jangteo.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** DESIGN.md: shared-api is plain Java plus Axon's routing and revision annotations; no Spring, no persistence. */
class ArchitectureTest {

    private final JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jangteo.api");

    @Test
    void dependsOnNothingButJavaAndAxonMessageAnnotations() {
        classes().should().onlyDependOnClassesThat(
                         resideInAnyPackage("java..", "dev.jangteo.api..")
                                 .or(belongToAnyOf(TargetAggregateIdentifier.class, Revision.class)))
                 .check(api);
    }
}
