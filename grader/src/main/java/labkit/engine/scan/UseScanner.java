package labkit.engine.scan;

import java.util.Set;
import labkit.engine.bytecode.Instructions;
import labkit.engine.text.FileNames;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Hands every type and member a class file names to {@link UseRules}, and keeps what is refused.
 * An {@code invokedynamic} is judged by its bootstrap method and each of its arguments: the method
 * a lambda or method reference stands for ({@code Runtime.getRuntime()::exec}) is a use like a
 * direct call.
 */
final class UseScanner implements Instructions.Listener {

    private final UseRules rules;
    private final Set<Violation> found;

    UseScanner(UseRules rules, Set<Violation> found) {
        this.rules = rules;
        this.found = found;
    }

    @Override
    public void call(Instructions.Place place, String owner, String name, String desc) {
        report(place, owner, name, rules.member(owner, name, desc));
    }

    @Override
    public void field(Instructions.Place place, String owner, String name, String desc) {
        String refusal = rules.member(owner, name, null);
        report(place, owner, name, refusal != null ? refusal : rules.descriptor(desc));
    }

    @Override
    public void type(Instructions.Place place, String type) {
        report(place, type, null, rules.type(type));
    }

    @Override
    public void dynamic(Instructions.Place place, String name, String desc, Handle bootstrap, Object[] arguments) {
        if (!bootstrapAllowed(place, bootstrap)) {
            return;
        }
        Instructions.typesOf(desc).forEach(type -> type(place, type));
        for (Object argument : arguments) {
            constant(place, argument);
        }
    }

    @Override
    public void constant(Instructions.Place place, Object value) {
        if (value instanceof Handle handle) {
            handle(place, handle);
        } else if (value instanceof Type type) {
            Instructions.typesOf(type.getDescriptor()).forEach(named -> type(place, named));
        } else if (value instanceof ConstantDynamic dynamic) {
            if (bootstrapAllowed(place, dynamic.getBootstrapMethod())) {
                for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                    constant(place, dynamic.getBootstrapMethodArgument(i));
                }
            }
        }
    }

    /** A method handle is the use of the method (or field) it points to. */
    private void handle(Instructions.Place place, Handle handle) {
        boolean field = handle.getTag() <= Opcodes.H_PUTSTATIC;
        String refusal = rules.member(handle.getOwner(), handle.getName(), field ? null : handle.getDesc());
        if (refusal == null && field) {
            refusal = rules.descriptor(handle.getDesc());
        }
        report(place, handle.getOwner(), handle.getName(), refusal);
    }

    private boolean bootstrapAllowed(Instructions.Place place, Handle bootstrap) {
        String refusal = rules.bootstrap(bootstrap.getOwner(), bootstrap.getName());
        report(place, bootstrap.getOwner(), bootstrap.getName(), refusal);
        return refusal == null;
    }

    private void report(Instructions.Place place, String owner, String member, String reason) {
        if (reason != null) {
            String what = owner.replace('/', '.') + (member == null || member.equals("<init>") ? "" : "." + member);
            found.add(new Violation(FileNames.shown(place.toString()), FileNames.shown(what), reason));
        }
    }
}
