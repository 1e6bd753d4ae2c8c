package dev.jangteo.query.operations.export;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.readmodel.PersonalRows;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's data export (GDPR-style access and portability), for the user: everything Jangteo holds about them, as
 * one document. Each read model that holds personal data gives its sections ({@link PersonalRows}: the account,
 * orders with their lines, coupons held, rooms joined, messages sent); the wallet's movements come from the event
 * store ({@link WalletMovements}).
 */
@RestController
class ExportController {

    private final List<PersonalRows> readModels;
    private final Clock clock;

    ExportController(List<PersonalRows> readModels) {
        this.readModels = readModels;
        this.clock = Clock.systemUTC();
    }

    @ProblemCodes("USER_NOT_FOUND")
    @GetMapping("/api/users/{userId}/export")
    ResponseEntity<Map<String, Object>> export(@PathVariable String userId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        readModels.forEach(readModel -> sections.putAll(readModel.sectionsOf(userId)));
        if (sections.values().stream().allMatch(ExportController::holdsNothing)) {
            throw ApiException.notFound("USER_NOT_FOUND", "Nothing is held about user " + userId);
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("userId", userId);
        export.put("exportedAt", clock.instant());
        export.putAll(sections);
        return ResponseEntity.ok()
                             .contentType(MediaType.APPLICATION_JSON)
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename("jangteo-export-" + userId + ".json").build().toString())
                             .body(export);
    }

    private static boolean holdsNothing(Object section) {
        return section == null || section instanceof Collection<?> rows && rows.isEmpty();
    }
}
