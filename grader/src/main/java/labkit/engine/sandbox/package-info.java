/**
 * Internal: the operating-system sandbox around every forked JVM that runs student code
 * (Bubblewrap namespaces, a read-only view of the JDK and the kit, one writable scratch folder,
 * resource limits), and how the mode is chosen for a run.
 */
package labkit.engine.sandbox;
