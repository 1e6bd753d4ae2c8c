package dev.jangteo.query.readmodel;

/**
 * A projection: an Axon event handler component of one processing group that owns one read model end to end (its
 * handlers, its reset handler, its store). By convention each declares its read model as a constant
 * {@code static final ReadModel READ_MODEL}, which the architecture test reads without starting the application.
 */
public interface Projection {

    ReadModel readModel();
}
