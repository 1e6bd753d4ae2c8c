package dev.jangteo.platform.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * What each problem {@code type} leads to: the description of its code. Open to anyone, like the OpenAPI document, so
 * a client can look up a refusal it was given without a token.
 */
@RestController
@SecurityRequirements
@Tag(name = "problems", description = "What each problem code means; every problem answer's type leads here")
class ProblemTypeController {

    private final ProblemCatalog catalog;

    ProblemTypeController(ProblemCatalog catalog) {
        this.catalog = catalog;
    }

    record ProblemTypeDescription(URI type, String code, int status, String title, String description) {

        static ProblemTypeDescription of(ProblemType type) {
            return new ProblemTypeDescription(type.uri(), type.code(), type.status().value(), type.title(), type.description());
        }
    }

    record ProblemTypeList(List<ProblemTypeDescription> problems) {
    }

    @GetMapping(ProblemType.PATH)
    ProblemTypeList all() {
        return new ProblemTypeList(catalog.all().stream().map(ProblemTypeDescription::of).toList());
    }

    @GetMapping(ProblemType.PATH + "/{code}")
    @ProblemCodes(ErrorCodes.NOT_FOUND)
    ProblemTypeDescription one(@PathVariable String code) {
        return catalog.find(code)
                      .map(ProblemTypeDescription::of)
                      .orElseThrow(() -> ApiException.notFound(ErrorCodes.NOT_FOUND, "No problem code " + code));
    }
}
