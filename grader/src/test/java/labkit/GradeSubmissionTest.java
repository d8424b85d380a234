package labkit;

import labkit.engine.SubmissionGrading;

/** Run by {@code mvn test -Dsubmission=DIR}: grades that submission (see {@link SubmissionGrading}). */
class GradeSubmissionTest extends SubmissionGrading {}
