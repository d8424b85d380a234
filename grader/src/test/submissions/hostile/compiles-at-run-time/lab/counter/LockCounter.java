package lab.counter;

import java.util.function.LongUnaryOperator;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a class the scan never saw (an annotation processor could run anything) and runs it. */
public class LockCounter implements Counter {
    public void increment() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        javac.run(null, null, null, "-d", "/tmp/labkit-escaped-compiles-at-run-time", "Escape.java");
    }
    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
