package labkit.engine.child;

import labkit.engine.text.Messages;

/** The student's class cannot be used as the contract says: missing, wrong constructor, wrong interface. */
final class StudentContractError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StudentContractError(String key, Object... args) {
        super(Messages.format(key, args));
    }
}
