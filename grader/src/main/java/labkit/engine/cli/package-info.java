/**
 * Internal: the two ways a user starts grading, and what they share. {@link labkit.engine.cli.LabkitCli}
 * is {@code java -jar labkit.jar grade DIR ...}; {@link labkit.engine.SubmissionGrading} is
 * {@code mvn test}. Both build a {@link labkit.engine.grade.GradeRequest} with {@link labkit.engine.cli.GradeRun}'s
 * helpers and grade through {@link labkit.engine.cli.GradeRun#run}: progress lines, the report files
 * (a partial run's beside the full one), the console report and, under GitHub Actions, the annotations,
 * job summary and step output.
 */
package labkit.engine.cli;
