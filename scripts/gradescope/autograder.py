#!/usr/bin/env python3
"""The two steps of run_autograder around the grader.

    autograder.py prepare SUBMISSION DEST    lays the submission's lab sources out in DEST
    autograder.py results WORK EXIT_STATUS   prints results.json for Gradescope

prepare: a Gradescope upload may be loose .java files, files in any folders, a zip (of folders,
or of a whole repository), or a repository. Every .java file whose `package` is a lab's
(lab.counter, ...) goes to DEST/src/main/java/<package>/; what is left out, and why, is printed
for the student (a file in another package, a second copy of a class, an upload without Java).

results: the grader's results.json with those notes in front of its output; when the grader
wrote none (it crashed or was stopped), one with score 0 that says so, since Gradescope shows
nothing useful without it. The grading folder's path is removed from every text.
"""
import io
import json
import pathlib
import re
import sys
import zipfile

PACKAGE = re.compile(rb"^\s*package\s+([\w.]+)\s*;", re.M)
SKIPPED_DIRS = {".git", "target", "build", "out", "__MACOSX", ".idea", ".gradle", "node_modules"}
MAX_ZIP_BYTES = 50 * 1024 * 1024
LAB_CLASSES = "LockCounter.java, SemaphorePool.java, ConditionBuffer.java, ParallelFetcher.java"


def java_sources(submission):
    """(where, bytes) for every .java file, inside zips too; where is relative to the upload."""
    for path in sorted(submission.rglob("*")):
        rel = path.relative_to(submission)
        if any(part in SKIPPED_DIRS for part in rel.parts[:-1]) or path.is_symlink() or not path.is_file():
            continue
        if path.suffix == ".java":
            yield rel.as_posix(), path.read_bytes()
        elif path.suffix == ".zip":
            yield from zip_sources(rel.as_posix(), path.read_bytes())


def zip_sources(where, data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = 0
            for info in archive.infolist():
                parts = pathlib.PurePosixPath(info.filename).parts
                if info.is_dir() or any(p in SKIPPED_DIRS for p in parts[:-1]):
                    continue
                total += info.file_size
                if total > MAX_ZIP_BYTES:
                    print(f"note: {where} unpacks to more than {MAX_ZIP_BYTES >> 20} MB; the rest is left out")
                    return
                name = f"{where}!{info.filename}"
                if info.filename.endswith(".java"):
                    yield name, archive.read(info)
                elif info.filename.endswith(".zip"):
                    yield from zip_sources(name, archive.read(info))
    except (zipfile.BadZipFile, OSError) as e:
        print(f"note: {where} is not a zip that can be read ({e}); it is left out")


def rank(where):
    """The copy to keep when a class comes twice: the one in a Maven layout, then the shallowest."""
    return (0 if "src/main/java/" in where else 1, where.count("/") + where.count("!"), where)


def prepare(submission, dest):
    chosen = {}
    left_out = []
    for where, data in java_sources(submission):
        match = PACKAGE.search(data)
        package = match.group(1).decode("ascii", "replace") if match else None
        file_name = where.replace("!", "/").split("/")[-1]
        if package is None or not package.startswith("lab."):
            why = "it has no package line" if package is None else f"its package is {package}"
            left_out.append(f"{where}: left out, {why} (only lab.* packages are graded, e.g. package lab.counter;)")
            continue
        target = f"{package.replace('.', '/')}/{file_name}"
        chosen.setdefault(target, []).append((rank(where), where, data))
    for target, copies in sorted(chosen.items()):
        copies.sort()
        _, where, data = copies[0]
        out = dest / "src/main/java" / target
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        for _, other, _ in copies[1:]:
            left_out.append(f"{other}: left out, a second copy of {target} (graded: {where})")
    dest.mkdir(parents=True, exist_ok=True)
    if not chosen:
        print("No Java file of the labs was found in the submission. Upload your classes"
              f" ({LAB_CLASSES}) as files, in folders or as a zip; each starts with its package line"
              " (package lab.counter; ...).")
    for line in left_out:
        print(line)
    return 0


def scrub(value, paths):
    if isinstance(value, str):
        for path in paths:
            value = value.replace(path + "/", "").replace(path, "")
        return value
    if isinstance(value, list):
        return [scrub(v, paths) for v in value]
    if isinstance(value, dict):
        return {k: scrub(v, paths) for k, v in value.items()}
    return value


def tail(path, lines=40):
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def results(work, status):
    notes = (work / "notes.txt").read_text(encoding="utf-8", errors="replace").strip() \
        if (work / "notes.txt").exists() else ""
    try:
        report = json.loads((work / "out/results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        report = {"score": 0.0, "output_format": "text", "stdout_visibility": "hidden", "tests": [],
                  "output": f"The grader could not grade this submission (exit status {status}); please tell"
                            " the course staff. Its last lines:\n" + tail(work / "grader.log")}
    if notes:
        separator = "\n\n" if report.get("output_format") in ("md", "markdown") else "\n"
        report["output"] = separator.join(notes.splitlines()) + "\n\n" + (report.get("output") or "")
    paths = sorted({str(work), str(work.resolve())}, key=len, reverse=True)
    print(json.dumps(scrub(report, paths), indent=2))
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "prepare":
        return prepare(pathlib.Path(argv[2]), pathlib.Path(argv[3]))
    if len(argv) == 4 and argv[1] == "results":
        return results(pathlib.Path(argv[2]), argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
