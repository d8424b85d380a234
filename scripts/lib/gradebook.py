#!/usr/bin/env python3
"""Merges the report folders of a class into OUT/gradebook.csv and OUT/gradebook.md.

    gradebook.py OUT NAME...

One row per NAME, in the order given (the roster's), from OUT/NAME/: grade.json when its grading
ended, and the file "status" that scripts/grade-class.sh (locally or in the class workflow) writes
for every submission: "graded", or why there is no grade ("clone failed: ...", "crashed: ...").
A NAME without a folder still gets its row ("no report"): a student is never silently dropped,
and no row is ever filled from another folder than the student's own.
"""
import csv
import json
import pathlib
import sys

COLUMNS_AFTER_LABS = ["total", "max", "status"]


def read_status(folder):
    try:
        return (folder / "status").read_text(encoding="utf-8").strip().splitlines()[0]
    except (OSError, IndexError):
        return ""


def read_grade(folder):
    try:
        grade = json.loads((folder / "grade.json").read_text(encoding="utf-8"))
        return grade if isinstance(grade, dict) and isinstance(grade.get("assignments"), list) else None
    except (OSError, ValueError):
        return None


def row_of(out, name):
    folder = out / name
    status = read_status(folder)
    grade = read_grade(folder)
    if not folder.is_dir():
        return {"submission": name, "status": "no report: its grading left no folder"}, []
    if status and status != "graded":
        return {"submission": name, "status": status}, []
    if grade is None:
        return {"submission": name, "status": "no report: grading left no grade.json"}, []
    labs = []
    row = {"submission": name}
    notes = []
    for lab in grade["assignments"]:
        labs.append(lab["id"])
        row[lab["id"]] = number(lab.get("score"))
        if lab.get("status") != "graded":
            notes.append(f"{lab['id']} {lab.get('status')}")
    row["total"] = number(grade.get("score"))
    row["max"] = number(grade.get("max_score"))
    row["status"] = "graded" + (f" ({', '.join(notes)})" if notes else "")
    return row, labs


def number(value):
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return ""


def merge(out, names):
    rows, labs = [], []
    for name in names:
        row, row_labs = row_of(out, name)
        rows.append(row)
        labs += [lab for lab in row_labs if lab not in labs]
    return ["submission"] + labs + COLUMNS_AFTER_LABS, rows


def write_csv(path, columns, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def markdown_cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def write_markdown(path, columns, rows):
    graded = sum(1 for r in rows if r.get("status", "").startswith("graded"))
    lines = [f"# Gradebook: {len(rows)} submissions, {graded} graded", "",
             "| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(markdown_cell(row.get(c, "")) for c in columns) + " |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv):
    if len(argv) < 3:
        print("usage: gradebook.py OUT NAME...", file=sys.stderr)
        return 2
    out = pathlib.Path(argv[1])
    columns, rows = merge(out, argv[2:])
    write_csv(out / "gradebook.csv", columns, rows)
    write_markdown(out / "gradebook.md", columns, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
