package lab.counter;

/** A student's own copy of the contract, with a method of its own: the kit must leave it out. */
public interface Counter {
    void increment();
    long get();
    boolean tryIncrement();
    long update(java.util.function.LongUnaryOperator f);
    default String cheat() { return "full marks"; }
}
