package labkit.engine.grade;

import java.util.Random;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.Feedback;
import labkit.api.GradedLab;
import labkit.api.Submission;
import lab.counter.Counter;

/** A tiny suite with short bounds, graded against the engine's hostile samples. Not under labkit.suites. */
@GradedLab(id = "probe", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 4)
class ProbeSuite {

    @Check(id = "get", points = 1, category = Category.CORRECTNESS, description = "get() returns 0", timeoutSeconds = 2)
    void get(Submission submission) {
        long value = submission.create(Counter.class).get();
        if (value != 0) {
            throw Feedback.fail("probe.get.wrong", value);
        }
    }

    @Check(id = "increment", points = 1, category = Category.CORRECTNESS, description = "increment() returns", timeoutSeconds = 5)
    void increment(Submission submission) {
        submission.create(Counter.class).increment();
    }

    @Check(id = "random", points = 1, category = Category.CORRECTNESS, description = "always fails with a random number")
    void random(Random random) {
        throw Feedback.fail("probe.random.value", random.nextLong());
    }

    @Check(id = "structure", points = 1, category = Category.STRUCTURE, description = "the classes can be imported")
    void structure(Submission submission) {
        if (submission.classes().stream().noneMatch(c -> c.getSimpleName().equals(submission.className()))) {
            throw new AssertionError("student class not imported");
        }
    }
}
