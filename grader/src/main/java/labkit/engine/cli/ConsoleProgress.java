package labkit.engine.cli;

import java.io.PrintStream;
import labkit.engine.grade.GradeProgress;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.Formats;
import labkit.engine.report.ReportText;
import labkit.engine.text.Messages;

/** A line as each lab starts and ends, so that a student sees grading move during the half minute a lab can take. */
final class ConsoleProgress implements GradeProgress {

    private final PrintStream out;
    private final String submission;
    private int checks;
    private int checksDone;
    private double points;
    private double maxPoints;

    ConsoleProgress(PrintStream out, String submission) {
        this.out = out;
        this.submission = ReportText.clean(submission).replace('\n', ' ');
    }

    @Override
    public void planned(int labs, int checks) {
        this.checks = checks;
        out.println(Messages.format("report.progress.plan", submission, labs, checks));
        out.flush();
    }

    @Override
    public void labStarted(String lab, int labChecks) {
        out.println(Messages.format("report.progress.start", lab, labChecks));
        out.flush();
    }

    @Override
    public void labEnded(AssignmentResult result) {
        checksDone += result.checks().size();
        points += result.score();
        maxPoints += result.maxScore();
        out.println(Messages.format("report.progress.end", result.id(), result.status(), Formats.points(result.score()),
                Formats.points(result.maxScore()), checksDone, checks, Formats.points(points), Formats.points(maxPoints)));
        out.flush();
    }
}
