package dev.jangteo.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Finds elements as a screen reader sees them: by role and accessible name, computed by Chromium's own accessibility
 * tree (CDP {@code Accessibility.queryAXTree}) rather than guessed from tags and attributes, so a test that finds a
 * control by its label also proves the label is wired to it ({@code <label for>}, {@code aria-label},
 * {@code aria-labelledby}...).
 * <p>
 * The tree names DOM nodes by Chromium's node id, which WebDriver does not know: each match is resolved to a script
 * object and handed over through a page global, which {@code executeScript} returns as a {@link WebElement}.
 */
final class Accessible {

    /**
     * The roles of controls a label names: what "the input labelled X" means. Chromium gives date and time inputs
     * roles of its own ({@code Date}, {@code DateTime}, {@code InputTime}).
     */
    private static final Set<String> LABELLED = Set.of("textbox", "searchbox", "combobox", "listbox", "checkbox",
            "radio", "switch", "slider", "spinbutton", "Date", "DateTime", "InputTime");
    private static final String HANDOVER = "__jangteoAccessible";

    private Accessible() {
    }

    /** Nodes the accessibility tree exposes with {@code role} (any when null) and exactly the accessible name. */
    static List<WebElement> query(ChromiumDriver driver, String role, String name) {
        Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        Object rootId = ((Map<?, ?>) document.get("root")).get("nodeId");
        Map<String, Object> query = new HashMap<>(Map.of("nodeId", rootId, "accessibleName", name));
        if (role != null) {
            query.put("role", role);
        }
        List<?> nodes = (List<?>) driver.executeCdpCommand("Accessibility.queryAXTree", query).get("nodes");
        List<WebElement> found = new ArrayList<>();
        for (Object node : nodes) {
            Map<?, ?> axNode = (Map<?, ?>) node;
            if (Boolean.TRUE.equals(axNode.get("ignored")) || axNode.get("backendDOMNodeId") == null) {
                continue;
            }
            if (role == null && !LABELLED.contains(roleOf(axNode))) {
                continue;
            }
            WebElement element = element(driver, axNode.get("backendDOMNodeId"));
            if (element != null) {
                found.add(element);
            }
        }
        return found;
    }

    /** Form controls whose accessible name is {@code label}. */
    static List<WebElement> labelled(ChromiumDriver driver, String label) {
        return query(driver, null, label);
    }

    /**
     * The innermost elements whose text (whitespace collapsed) contains {@code text}: the paragraph that says it,
     * not also the section and body around it.
     */
    static By text(String text) {
        String literal = xpathLiteral(text);
        return By.xpath("//body//*[not(self::script or self::style)][contains(normalize-space(.), " + literal + ")]"
                + "[not(*[contains(normalize-space(.), " + literal + ")])]");
    }

    private static String roleOf(Map<?, ?> axNode) {
        Object role = axNode.get("role");
        return role instanceof Map<?, ?> value ? String.valueOf(value.get("value")) : "";
    }

    private static WebElement element(ChromiumDriver driver, Object backendNodeId) {
        Map<String, Object> resolved = driver.executeCdpCommand("DOM.resolveNode", Map.of("backendNodeId", backendNodeId));
        Object objectId = ((Map<?, ?>) resolved.get("object")).get("objectId");
        driver.executeCdpCommand("Runtime.callFunctionOn", Map.of("objectId", objectId,
                "functionDeclaration", "function() { window." + HANDOVER + " = this; }"));
        Object element = driver.executeScript(
                "const node = window." + HANDOVER + "; delete window." + HANDOVER + "; return node;");
        return element instanceof WebElement webElement ? webElement : null;
    }

    /** XPath 1.0 has no escapes: a string with both quote kinds is a concat() of pieces. */
    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
