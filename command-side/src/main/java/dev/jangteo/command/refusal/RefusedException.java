package dev.jangteo.command.refusal;

/**
 * A rule of an aggregate refused a command. Handlers throw subclasses named for the rule (so fixture tests read
 * well); {@link RefusingCommandBus} sends the {@link Refusal} on, never the exception.
 */
public abstract class RefusedException extends RuntimeException {

    private final transient Refusal refusal;

    protected RefusedException(String code, int status, String detail) {
        // No stack trace: a refusal is an answer, not a fault.
        super(detail, null, false, false);
        this.refusal = new Refusal(code, status, detail);
    }

    public Refusal refusal() {
        return refusal;
    }
}
