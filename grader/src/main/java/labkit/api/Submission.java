package labkit.api;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The student's code for the lab being graded. Declare a parameter of this type on a
 * {@link Check} method to get it.
 */
public interface Submission {

    /**
     * A new instance of the student's class through its public constructor that takes
     * {@code args}. An exception thrown by the constructor reaches the caller unchanged (a checked
     * one wrapped in an {@link IllegalStateException}); if it is not caught, the check is graded
     * {@code error}.
     *
     * @param contract the lab's interface, which the student's class implements
     */
    <T> T create(Class<T> contract, Object... args);

    /** The student's classes of this lab (the student class and its helpers), for ArchUnit rules. */
    JavaClasses classes();

    /** The simple name of the student class, e.g. {@code LockCounter}, for messages. */
    String className();
}
