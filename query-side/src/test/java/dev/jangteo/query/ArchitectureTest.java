package dev.jangteo.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md: command-side and query-side never import each other. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jangteo");

    @Test
    void querySideNeverUsesCommandSide() {
        noClasses().that().resideInAPackage("dev.jangteo.query..")
                   .should().dependOnClassesThat().resideInAPackage("dev.jangteo.command..")
                   .check(classes);
    }
}
