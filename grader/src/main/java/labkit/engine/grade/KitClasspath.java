package labkit.engine.grade;

/**
 * The class path of the kit (contracts, engine, suites, libraries) for the forked JVM. It never
 * holds the reference solutions: the grader does not depend on them.
 */
final class KitClasspath {

    private KitClasspath() {}

    static String get() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
