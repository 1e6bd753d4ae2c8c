package dev.jangteo.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md: command-side and query-side never import each other; platform knows no domain. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jangteo");

    @Test
    void commandSideNeverUsesQuerySide() {
        noClasses().that().resideInAPackage("dev.jangteo.command..")
                   .should().dependOnClassesThat().resideInAPackage("dev.jangteo.query..")
                   .check(classes);
    }

    @Test
    void platformKnowsNoApp() {
        noClasses().that().resideInAPackage("dev.jangteo.platform..")
                   .should().dependOnClassesThat().resideInAnyPackage("dev.jangteo.command..",
                                                                      "dev.jangteo.query..",
                                                                      "dev.jangteo.api..")
                   .check(classes);
    }
}
