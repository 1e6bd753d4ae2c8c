package dev.jangteo.platform.web;

import java.util.List;

/** Problem types that a part of an app answers with; {@link ProblemCatalog} gathers every such bean. */
@FunctionalInterface
public interface ProblemTypes {

    List<ProblemType> types();
}
