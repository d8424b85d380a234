/**
 * Internal: the static layer of containment. The compiled bytecode of a lab is checked against
 * the labs' allowlist ({@code labkit/allowlist.txt} and {@code labkit/allowlist/<lab>.txt})
 * before anything of it runs: every type, member, lambda and method reference it names.
 */
package labkit.engine.scan;
