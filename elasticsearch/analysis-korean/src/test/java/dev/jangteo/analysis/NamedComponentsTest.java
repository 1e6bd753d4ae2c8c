package dev.jangteo.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

/**
 * named_components.json is written by hand (Elasticsearch's Gradle plugin would generate it): it must name every
 * {@code @NamedComponent} class under the interface it implements, with the name its annotation gives.
 */
class NamedComponentsTest {

    private static final Path DESCRIPTOR = Path.of("src/main/plugin/named_components.json");
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void listsEveryComponentUnderItsInterfaceAndAnnotatedName() throws Exception {
        Map<String, String> listed = new HashMap<>();
        JsonNode byInterface = new ObjectMapper().readTree(DESCRIPTOR.toFile());
        for (var api : byInterface.properties()) {
            Class<?> extensible = Class.forName(api.getKey());
            for (var component : api.getValue().properties()) {
                Class<?> type = Class.forName(component.getValue().asText());
                assertThat(type).isAssignableTo(extensible);
                assertThat(type.getAnnotation(NamedComponent.class).value()).isEqualTo(component.getKey());
                listed.put(type.getName(), component.getKey());
            }
        }

        assertThat(listed).containsOnlyKeys(annotatedClasses());
        // The names the message index's mapping and custom analyzers refer to.
        assertThat(listed.values()).containsExactlyInAnyOrder(
                "jangteo_korean", "jangteo_english", "jangteo_nori_tokenizer", "jangteo_korean_pos");
    }

    private static String[] annotatedClasses() throws IOException, ClassNotFoundException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            var names = files.map(CLASSES::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .toList();
            List<String> annotated = new ArrayList<>();
            for (String name : names) {
                if (Class.forName(name).isAnnotationPresent(NamedComponent.class)) {
                    annotated.add(name);
                }
            }
            return annotated.toArray(String[]::new);
        }
    }
}
