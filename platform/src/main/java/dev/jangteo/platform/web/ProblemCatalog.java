package dev.jangteo.platform.web;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every problem type this app answers with, by code: the platform's own ({@link ErrorCodes}) and the app's. */
@Component
public class ProblemCatalog {

    private final Map<String, ProblemType> byCode;

    public ProblemCatalog(List<ProblemTypes> parts) {
        Map<String, ProblemType> types = new TreeMap<>();
        for (ProblemType type : ErrorCodes.TYPES) {
            types.put(type.code(), type);
        }
        for (ProblemTypes part : parts) {
            for (ProblemType type : part.types()) {
                if (types.putIfAbsent(type.code(), type) != null) {
                    throw new IllegalStateException("Problem code " + type.code() + " is described twice");
                }
            }
        }
        this.byCode = Collections.unmodifiableMap(types);
    }

    public Optional<ProblemType> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** By code, in alphabetical order. */
    public Collection<ProblemType> all() {
        return byCode.values();
    }
}
