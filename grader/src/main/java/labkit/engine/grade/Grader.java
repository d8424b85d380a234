package labkit.engine.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;
import labkit.engine.report.GradeReport;
import labkit.engine.scan.StaticScan;
import labkit.engine.scan.Violation;
import labkit.engine.report.SandboxSummary;
import labkit.engine.sandbox.OsSandbox;
import labkit.engine.text.Messages;
import org.junit.platform.commons.support.ReflectionSupport;

/** Grades a submission: every selected lab, each compiled and run on its own. */
public final class Grader {

    private Grader() {}

    /**
     * Fails, naming it, when the request asks for a lab or a check that does not exist, before
     * anything is compiled or run.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static void validate(GradeRequest request) {
        request.checkAgainst(LabCatalog.discover());
    }

    /** Grades {@code request.submission()} against every lab the request selects. */
    public static GradeReport grade(GradeRequest request) {
        return grade(request, GradeProgress.NONE);
    }

    /**
     * Grades as {@link #grade(GradeRequest)}, telling {@code progress} as each lab starts and ends.
     *
     * @throws IllegalArgumentException when the request names a lab or a check that does not exist
     */
    public static GradeReport grade(GradeRequest request, GradeProgress progress) {
        long started = System.nanoTime();
        OsSandbox sandbox = OsSandbox.forRun(request.sandbox());
        List<LabDefinition> catalog = LabCatalog.discover();
        request.checkAgainst(catalog);
        List<LabDefinition> labs = catalog.stream().filter(request::wants).collect(Collectors.toList());
        progress.planned(labs.size(), labs.stream().mapToInt(l -> checksOf(l, request).size()).sum());
        GradeProgress told = GradeProgress.synchronizedOn(progress);
        List<AssignmentResult> results = LabLanes.fromSystemProperties().grade(labs, lab -> {
            told.labStarted(lab.id(), checksOf(lab, request).size());
            AssignmentResult result = CheckDetails.attach(lab, request, gradeLab(lab, request));
            told.labEnded(result);
            return result;
        });
        double score = results.stream().mapToDouble(AssignmentResult::score).sum();
        double max = results.stream().mapToDouble(AssignmentResult::maxScore).sum();
        return new GradeReport(GradeReport.SCHEMA, request.label(), round(score), round(max), request.seed(), results,
                List.copyOf(request.checkIds()), (System.nanoTime() - started) / 1_000_000,
                new SandboxSummary(sandbox.os(), sandbox.mode().jsonName(), request.staticScan(), sandbox.note()));
    }

    static AssignmentResult gradeLab(LabDefinition lab, GradeRequest request) {
        List<CheckDefinition> checks = checksOf(lab, request);
        if (request.partial() && checks.isEmpty()) {
            throw new IllegalArgumentException(Messages.format("engine.request.unknown-check", request.check()));
        }
        SubmissionFolder folder = new SubmissionFolder(request.submission());
        Set<String> kitTypes = kitTypes(lab);
        SubmissionFolder.Sources sources = folder.sourcesOf(lab.packageName(), kitTypes);
        String studentFile = lab.studentClass().substring(lab.studentClass().lastIndexOf('.') + 1) + ".java";
        List<String> notes = new ArrayList<>();
        if (!sources.links().isEmpty()) {
            notes.add(Messages.format("engine.lab.links-left-out", String.join(", ", sources.links())));
        }
        if (sources.refusal() != null) {
            return refused(lab, checks, sources.refusal(), notes);
        }
        if (sources.isEmpty()) {
            notes.add(Messages.format("engine.lab.missing", lab.studentClass(),
                    folder.sourceRoot().resolve(lab.packageName().replace('.', '/')).resolve(studentFile)));
            folder.misplaced(studentFile).ifPresent(elsewhere -> notes.add(Messages.format("engine.lab.misplaced", elsewhere,
                    "src/main/java/" + lab.packageName().replace('.', '/') + "/" + studentFile)));
            return notGraded(lab, checks, "missing", String.join("\n", notes));
        }
        Path work = request.workDir().resolve(lab.id());
        LabCompiler.Result compiled = LabCompiler.compile(sources.files(), contractClasspath(lab), folder.sourceRoot(),
                work.resolve("classes"));
        if (!compiled.ok()) {
            notes.add(compiled.message());
            return notGraded(lab, checks, "compile_error", String.join("\n", notes));
        }
        notes.addAll(sourceNotes(folder, sources, compiled));
        notes.addAll(CompiledClasses.keepOnlyLab(compiled.classes(), lab.packageName(), kitTypes));
        if (!CompiledClasses.has(compiled.classes(), lab.studentClass())) {
            return notGraded(lab, checks, "missing", Messages.format("engine.lab.class-not-declared", lab.studentClass(), studentFile));
        }
        List<Violation> violations = request.staticScan()
                ? StaticScan.scan(compiled.classes(), lab.id(), lab.packageName()) : List.of();
        if (!violations.isEmpty()) {
            return refused(lab, checks, violations, notes);
        }
        List<CheckResult> results = new ChildSession(lab, request, compiled.classes(), work).grade(checks);
        return assignment(lab, "graded", notes.isEmpty() ? null : String.join("\n", notes), results);
    }

    private static List<CheckDefinition> checksOf(LabDefinition lab, GradeRequest request) {
        return lab.checks().stream().filter(request::wants).collect(Collectors.toList());
    }

    /** What the student should know about how their sources were read: files read as legacy text, kit types left out. */
    private static List<String> sourceNotes(SubmissionFolder folder, SubmissionFolder.Sources sources, LabCompiler.Result compiled) {
        List<String> notes = new ArrayList<>();
        if (!compiled.legacyEncoded().isEmpty()) {
            String files = compiled.legacyEncoded().stream()
                    .map(folder::shown)
                    .collect(Collectors.joining(", "));
            notes.add(Messages.format("engine.lab.not-utf8", files, SourceFile.LEGACY.name()));
        }
        if (!sources.shadowing().isEmpty()) {
            notes.add(Messages.format("engine.lab.shadowing", String.join(", ", sources.shadowing())));
        }
        return notes;
    }

    private static AssignmentResult notGraded(LabDefinition lab, List<CheckDefinition> checks, String status, String why) {
        String checkMessage = Messages.format("engine.lab.not-graded." + status);
        List<CheckResult> results = checks.stream()
                .map(c -> Verdicts.zero(c, "error", checkMessage))
                .collect(Collectors.toList());
        return assignment(lab, status, why, results);
    }

    private static AssignmentResult refused(LabDefinition lab, List<CheckDefinition> checks,
            List<Violation> violations, List<String> notes) {
        String list = violations.stream().limit(10).map(v -> "  " + v).collect(Collectors.joining("\n"));
        return refused(lab, checks, Messages.format("engine.lab.sandbox", list), notes);
    }

    /** A lab whose code is not run: 0 points, each check an error with {@code why}, which is also the lab's message. */
    private static AssignmentResult refused(LabDefinition lab, List<CheckDefinition> checks, String why, List<String> notes) {
        List<CheckResult> results = checks.stream().map(c -> Verdicts.zero(c, "error", why)).collect(Collectors.toList());
        notes.add(why);
        return assignment(lab, "graded", String.join("\n", notes), results);
    }

    private static AssignmentResult assignment(LabDefinition lab, String status, String message, List<CheckResult> checks) {
        double score = checks.stream().mapToDouble(CheckResult::points).sum();
        return new AssignmentResult(lab.id(), status, round(score), lab.points(), message, checks);
    }

    /** The names of the kit's own types in the lab's package, which a submission may not replace. */
    static Set<String> kitTypes(LabDefinition lab) {
        return ReflectionSupport.findAllClassesInPackage(lab.packageName(), c -> true, n -> true).stream()
                .filter(c -> c.getProtectionDomain().getCodeSource() != null
                        && c.getProtectionDomain().getCodeSource().equals(lab.contract().getProtectionDomain().getCodeSource()))
                .map(c -> c.getName().substring(lab.packageName().length() + 1))
                .collect(Collectors.toSet());
    }

    static Path contractClasspath(LabDefinition lab) {
        try {
            return Path.of(lab.contract().getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static double round(double points) {
        return Math.round(points * 100.0) / 100.0;
    }
}
