#!/usr/bin/env bash
# Creates every file of a new lab, wired into the build, compiling, and with its kit tests passing
# as generated; TODO marks where the instructor writes. Guide: docs/adding-a-lab.md.
#   scripts/new-lab.sh ID [Interface StudentClass]      e.g. scripts/new-lab.sh latch Event LockEvent
# ID is the lab id and its package (lab.ID, labkit.suites.ID): lower-case letters and digits.
# The example lab it writes is a step counter guarded by a Lock, with one check of each category.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/new-lab.sh ID [Interface StudentClass]" >&2; exit 2; }
[ $# -eq 1 ] || [ $# -eq 3 ] || usage
id=$1
[[ $id =~ ^[a-z][a-z0-9]*$ ]] || { echo "new-lab: '$id' must be lower-case letters and digits (it is a Java package name)" >&2; exit 2; }
cap="$(tr '[:lower:]' '[:upper:]' <<<"${id:0:1}")${id:1}"
iface=${2:-$cap}
student=${3:-Lock$cap}
for name in "$iface" "$student"; do
  [[ $name =~ ^[A-Z][A-Za-z0-9]*$ ]] || { echo "new-lab: '$name' is not a Java class name" >&2; exit 2; }
done
[ "$iface" != "$student" ] || { echo "new-lab: the interface and the student class need different names" >&2; exit 2; }

contract=assignments/src/main/java/lab/$id/$iface.java
reference=reference/src/main/java/lab/$id/$student.java
skeleton=assignments/template/src/main/java/lab/$id/$student.java
handout=assignments/handouts/$id.md
suite=grader/src/main/java/labkit/suites/$id/${cap}Suite.java
messages=grader/src/main/resources/labkit/messages/$id.properties
sample=grader/src/test/submissions/$id/lock-never-released/lab/$id/$student.java
tests=grader/src/test/java/labkit/suites/$id/${cap}SuiteTests.java
files=("$contract" "$reference" "$skeleton" "$handout" "$suite" "$messages" "$sample" "$tests")
for f in "${files[@]}"; do
  [ ! -e "$f" ] || { echo "new-lab: $f exists already; lab '$id' is not new" >&2; exit 1; }
done

# Each template below is written with ID, IFACE, STUDENT and CAP standing for the names.
write() {
  mkdir -p "$(dirname "$1")"
  sed -e "s/@ID@/$id/g" -e "s/@IFACE@/$iface/g" -e "s/@STUDENT@/$student/g" -e "s/@CAP@/$cap/g" >"$1"
}

write "$contract" <<'EOF'
package lab.@ID@;

/**
 * TODO: one sentence on what the lab's object is, then its contract: which methods may block,
 * which respond to interrupts, what is thread-safe. The implementation is
 * {@code lab.@ID@.@STUDENT@}, with a public no-argument constructor.
 *
 * <p>The scaffold's example: a step counter guarded by a lock. Replace its methods with the lab's.
 */
public interface @IFACE@ {

    /** Adds one to the number of steps, waiting for the lock if another thread holds it. */
    void step();

    /** The number of {@link #step()} calls so far. */
    long steps();
}
EOF

write "$reference" <<'EOF'
package lab.@ID@;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Reference solution of the @ID@ lab. TODO: the real solution; it must score full marks. */
public class @STUDENT@ implements @IFACE@ {

    private final Lock lock = new ReentrantLock();
    private long steps;

    @Override
    public void step() {
        lock.lock();
        try {
            steps++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long steps() {
        lock.lock();
        try {
            return steps;
        } finally {
            lock.unlock();
        }
    }
}
EOF

write "$skeleton" <<'EOF'
package lab.@ID@;

/**
 * The @ID@ lab. Read {@code handouts/@ID@.md}, then replace each TODO. Run {@code mvn test} to see your grade.
 */
public class @STUDENT@ implements @IFACE@ {

    // TODO: your fields.

    public @STUDENT@() {
    }

    @Override
    public void step() {
        throw new UnsupportedOperationException("TODO: step() is not written yet (see handouts/@ID@.md)");
    }

    @Override
    public long steps() {
        throw new UnsupportedOperationException("TODO: steps() is not written yet (see handouts/@ID@.md)");
    }
}
EOF

write "$handout" <<'EOF'
# Lab — @ID@

TODO: the idea from the lecture this lab teaches, in two sentences.

## The task

Write `lab.@ID@.@STUDENT@ implements @IFACE@` with a public no-argument constructor.

| method | does |
| --- | --- |
| `step()` | steps += 1, waiting for the lock if needed |
| `steps()` | the number of steps so far |

## Rules

- A `java.util.concurrent.locks.Lock` guards the state.
- Like every lab: no `System.exit`, files, sockets, reflection or threads' stack traces; the
  grader refuses to run code that uses them.

Right, and wrong:

```java
lock.lock();
try {
    steps++;
} finally {
    lock.unlock();                 // given back whatever happens
}
```

```java
lock.lock();
return steps;                      // never given back: every other thread now waits forever
```

## What is graded (25 points)

| check | points | category | expects |
| --- | --- | --- | --- |
| `@ID@.sequential` | 10 | correctness | starts at 0; each `step()` adds one |
| `@ID@.lock-released` | 5 | deadlock | every method gives the lock back |
| `@ID@.waits-without-spinning` | 5 | timing | a `step()` waiting for the lock blocks instead of spinning |
| `@ID@.uses-lock` | 5 | structure | a `Lock` field guards the state |

How the grader decides, and its tolerances: a thread parked on a lock for 2 s without a break,
with nobody to wake it, is deadlocked; a waiting thread may use at most 100 ms of CPU time in 1 s.
Structure points need a class that works at all (the skeleton's TODOs score 0).

## Running it

```bash
mvn test -Dassignments=@ID@                          # grade this lab, see target/grade/grade.md
mvn test -Dcheck=@ID@.lock-released -Dgrader.seed=N  # rerun one check, as a failure message says
```
EOF

write "$suite" <<'EOF'
package labkit.suites.@ID@;

import static labkit.api.Tolerances.BOUND;
import static labkit.api.Tolerances.SETTLE;
import static labkit.api.Tolerances.STUCK;
import static labkit.api.Tolerances.WAIT_CPU_BUDGET;
import static labkit.api.Tolerances.WAIT_WINDOW;

import java.util.List;
import java.util.concurrent.locks.Lock;
import lab.@ID@.@IFACE@;
import labkit.api.Call;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.Feedback;
import labkit.api.GradedLab;
import labkit.api.Locks;
import labkit.api.Submission;
import labkit.api.Threads;

/**
 * The @ID@ lab. TODO: what the suite forces and why. The scaffold wrote one example check of each
 * category; replace them with the lab's, keeping the points at 25 and the handout's table in step.
 */
@GradedLab(id = "@ID@", contract = @IFACE@.class, studentClass = "lab.@ID@.@STUDENT@", points = 25)
class @CAP@Suite {

    @Check(id = "sequential", points = 10, category = Category.CORRECTNESS,
            description = "starts at 0; each step() adds one")
    void sequential(Submission submission) {
        @IFACE@ object = submission.create(@IFACE@.class);
        expectSteps(object, 0, "@ID@.sequential.start");
        object.step();
        object.step();
        expectSteps(object, 2, "@ID@.sequential.step");
    }

    @Check(id = "lock-released", points = 5, category = Category.DEADLOCK,
            description = "every method gives the lock back: afterwards another thread's step() goes through")
    void lockReleased(Submission submission) {
        @IFACE@ object = submission.create(@IFACE@.class);
        object.step();
        object.steps();
        Call<Void> next = Call.run("next-stepper", object::step);
        if (next.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            throw Feedback.failure("@ID@.lock-released.held", STUCK.toMillis()).withDetails(Threads.report());
        }
        next.result();
    }

    @Check(id = "waits-without-spinning", points = 5, category = Category.TIMING,
            description = "a step() waiting for the lock blocks instead of burning CPU")
    void waitsWithoutSpinning(Submission submission) {
        requireWorking(submission);
        @IFACE@ object = submission.create(@IFACE@.class);
        List<Lock> locks = Locks.of(object);
        if (locks.isEmpty()) {
            return; // nothing to hold, so no schedule to force: uses-lock gives the verdict on the design
        }
        // A forced schedule: the grader holds the student's own lock, so the stepper must wait.
        Lock lock = locks.get(0);
        lock.lock();
        Call<Void> waiter;
        long cpuUsed;
        try {
            waiter = Call.run("waiter", object::step);
            waiter.awaitParkedOrDone(SETTLE);
            if (waiter.isDone()) {
                waiter.result();
                throw Feedback.fail("@ID@.waits-without-spinning.returned");
            }
            cpuUsed = Call.cpuMillisDuring(WAIT_WINDOW, waiter)[0];
        } finally {
            lock.unlock();
        }
        waiter.mustEnd("step()").result();
        if (cpuUsed > WAIT_CPU_BUDGET.toMillis()) {
            throw Feedback.fail("@ID@.waits-without-spinning.spinning", cpuUsed, WAIT_WINDOW.toMillis());
        }
    }

    @Check(id = "uses-lock", points = 5, category = Category.STRUCTURE,
            description = "a java.util.concurrent.locks.Lock guards the state")
    void usesLock(Submission submission) {
        requireWorking(submission);
        boolean hasLock = submission.classes().stream().flatMap(c -> c.getFields().stream())
                .anyMatch(f -> f.getRawType().isAssignableTo(Lock.class));
        if (!hasLock) {
            throw Feedback.fail("@ID@.uses-lock.none", submission.className());
        }
    }

    /** Structure points need a class that works at all: the skeleton's TODOs throw here, so it scores 0. */
    private static void requireWorking(Submission submission) {
        @IFACE@ object = submission.create(@IFACE@.class);
        object.step();
        object.steps();
    }

    private static void expectSteps(@IFACE@ object, long expected, String key) {
        long actual = object.steps();
        if (actual != expected) {
            throw Feedback.fail(key, expected, actual);
        }
    }
}
EOF

write "$messages" <<'EOF'
# The @ID@ lab: the messages of labkit.suites.@ID@.@CAP@Suite. Placeholders {0}, {1}, ...
# Each says what was expected, what happened, and what to look at. TODO: the lab's own.
@ID@.sequential.start=A new @STUDENT@ should have made {0} steps, but steps() returned {1}.
@ID@.sequential.step=After two step() calls on a new @STUDENT@, steps() should return {0}, but it returned {1}.
@ID@.lock-released.held=After step() and steps() returned, another thread's step() stayed parked for {0} ms: a method left the lock held. Every lock() needs exactly one unlock(), in a finally block.
@ID@.waits-without-spinning.returned=While the grader held your lock, step() returned instead of waiting for it: take the lock that guards the state.
@ID@.waits-without-spinning.spinning=A thread waiting in step() for a lock held by another thread used {0} ms of CPU time in {1} ms. Waiting threads must block (lock.lock()), not spin.
@ID@.uses-lock.none={0} has no field of type java.util.concurrent.locks.Lock. The lab asks for a Lock, such as a ReentrantLock, to guard the state.
EOF

write "$sample" <<'EOF'
package lab.@ID@;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Known bug: steps() takes the lock and never gives it back. Fails @ID@.lock-released. */
public class @STUDENT@ implements @IFACE@ {

    private final Lock lock = new ReentrantLock();
    private long steps;

    @Override
    public void step() {
        lock.lock();
        try {
            steps++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long steps() {
        lock.lock();
        return steps;
    }
}
EOF

write "$tests" <<'EOF'
package labkit.suites.@ID@;

import java.util.stream.Stream;
import labkit.api.Feedback;
import labkit.kit.GradesSamples;
import labkit.kit.KitGrading;
import labkit.kit.SampleExpectation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Grades the grader of the @ID@ lab: the reference passes every check, the skeleton scores 0, each known bug fails exactly its checks. */
@DisplayName("@ID@ suite")
@GradesSamples
class @CAP@SuiteTests {

    @RepeatedTest(value = 3, name = "the reference scores full marks, run {currentRepetition} of {totalRepetitions}")
    void referenceScoresFullMarks() {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.reference(), "@ID@"));
    }

    @Test
    @DisplayName("the skeleton scores 0 without hanging, every check an error that names the TODO")
    void skeletonScoresZero() {
        KitGrading.expectSkeletonScoresZero("@ID@", "@ID@.sequential",
                "Your code threw where the contract does not allow it: java.lang.UnsupportedOperationException: TODO: steps()");
    }

    /** One entry per folder under grader/src/test/submissions/@ID@/: exactly the checks it fails, and how their messages start. */
    static Stream<SampleExpectation> buggySamples() {
        return Stream.of(
                SampleExpectation.of("@ID@", "lock-never-released")
                        .fails("@ID@.lock-released", Feedback.text("@ID@.lock-released.held", 2000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggySamples")
    void buggySampleFailsItsChecks(SampleExpectation sample) {
        sample.verify();
    }
}
EOF

echo "new-lab: created lab '$id' ($iface, $student):"
printf '  %s\n' "${files[@]}"
cat <<EOF
Next (docs/adding-a-lab.md): write the contract, the reference and the checks where the TODOs are,
keep the handout's table equal to the suite's checks, add a row to the README's labs table, and run
  mvn -B -q -ntp -o test -pl grader -am -Dtest='${cap}SuiteTests' -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true
EOF
