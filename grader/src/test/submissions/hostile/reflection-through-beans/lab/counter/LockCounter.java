package lab.counter;

import java.beans.Expression;
import java.beans.Statement;
import java.util.function.LongUnaryOperator;

/** Calls Runtime.exec and reads a field of the grader by name, through java.beans. */
public class LockCounter implements Counter {
    public void increment() {
        try {
            Object runtime = new Expression(Runtime.class, "getRuntime", new Object[0]).getValue();
            new Statement(runtime, "exec", new Object[] {"touch /tmp/labkit-escaped-reflection-through-beans"}).execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
