package lab.counter;

import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/** Reaches outside the lab only through method references: no direct call names the API. */
public class LockCounter implements Counter {
    interface Action {
        Object apply(String argument) throws Exception;
    }

    private static final Action EXEC = Runtime.getRuntime()::exec;
    private static final Action WRITE = java.io.FileOutputStream::new;
    private static final Function<String, String> PROPERTY = System::getProperty;
    private static final Function<ProcessHandle, Boolean> KILL = ProcessHandle::destroyForcibly;

    private long value;

    public void increment() {
        try {
            WRITE.apply("/tmp/labkit-escaped-method-reference-escapes");
            EXEC.apply("touch /tmp/labkit-escaped-method-reference-escapes " + PROPERTY.apply("user.home"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        value++;
    }
    public long get() { return value; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
