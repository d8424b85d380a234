#!/usr/bin/env python3
"""Unit tests of the roster reader and the gradebook merge (run by scripts/check-class.sh):
    python3 -m unittest discover -s scripts/lib -p 'test_*.py'
"""
import contextlib
import csv
import io
import json
import pathlib
import tempfile
import unittest

import gradebook
import roster


def grade(counter, pool=None, counter_status="graded"):
    labs = [{"id": "counter", "status": counter_status, "score": counter, "max_score": 25.0, "checks": []}]
    if pool is not None:
        labs.append({"id": "pool", "status": "graded", "score": pool, "max_score": 25.0, "checks": []})
    return {"schema": 1, "score": counter + (pool or 0), "max_score": 25.0 * len(labs), "assignments": labs}


class GradebookTests(unittest.TestCase):

    def setUp(self):
        self.out = pathlib.Path(tempfile.mkdtemp())

    def report(self, name, status=None, grade_json=None):
        folder = self.out / name
        folder.mkdir()
        if status is not None:
            (folder / "status").write_text(status + "\n")
        if grade_json is not None:
            (folder / "grade.json").write_text(json.dumps(grade_json))

    def rows(self, *names):
        gradebook.main(["gradebook.py", str(self.out), *names])
        return list(csv.DictReader(open(self.out / "gradebook.csv")))

    def test_one_row_per_name_in_roster_order_with_a_column_per_lab(self):
        self.report("bob", "graded", grade(20.5, 25))
        self.report("alice", "graded", grade(25))
        rows = self.rows("bob", "alice")
        self.assertEqual([r["submission"] for r in rows], ["bob", "alice"])
        self.assertEqual(list(rows[0]), ["submission", "counter", "pool", "total", "max", "status"])
        self.assertEqual((rows[0]["counter"], rows[0]["pool"], rows[0]["total"]), ("20.5", "25", "45.5"))
        self.assertEqual((rows[1]["pool"], rows[1]["status"]), ("", "graded"))

    def test_a_crashed_grading_never_shows_the_grade_json_left_in_its_folder(self):
        self.report("carol", "crashed: the grader exited with status 3", grade(25))
        row = self.rows("carol")[0]
        self.assertEqual((row["total"], row["status"]), ("", "crashed: the grader exited with status 3"))

    def test_a_name_without_a_folder_or_a_grade_still_gets_its_row(self):
        self.report("dave", "graded")
        rows = self.rows("erin", "dave")
        self.assertEqual(rows[0]["status"], "no report: its grading left no folder")
        self.assertEqual(rows[1]["status"], "no report: grading left no grade.json")

    def test_a_lab_that_was_not_graded_is_named_in_the_status(self):
        self.report("fay", "graded", grade(0, counter_status="compile_error"))
        self.assertEqual(self.rows("fay")[0]["status"], "graded (counter compile_error)")

    def test_markdown_cells_cannot_break_the_table(self):
        self.report("gus", "clone failed: fatal: a|b <script>")
        self.rows("gus")
        md = (self.out / "gradebook.md").read_text()
        self.assertIn("| gus |  |  | clone failed: fatal: a\\|b &lt;script> |", md)


class RosterTests(unittest.TestCase):

    def entries(self, text, remote_only=False):
        lines = list(enumerate(text.splitlines(), 1))
        return roster.entries(lines, remote_only)

    def test_names_are_folder_or_repository_names_made_unique(self):
        found = self.entries("course/lab-alice\n# a comment\n\nhttps://host/x/bob.git  # late\nsub/alice\nlab-alice\n")
        self.assertEqual([n for n, _, _ in found], ["lab-alice", "bob", "alice", "lab-alice-2"])

    def test_a_named_entry_keeps_its_name(self):
        self.assertEqual(self.entries("carol=some/where")[0][:2], ("carol", "some/where"))

    def test_no_name_leads_out_of_its_folder_or_onto_the_gradebook(self):
        found = self.entries("..=x\n.=y\ngradebook.csv=z\n")
        self.assertEqual([n for n, _, _ in found], ["submission", "submission-2", "submission-gradebook.csv"])

    def test_for_a_runner_an_entry_that_is_no_repository_keeps_a_row_that_says_why(self):
        name, source, problem = self.entries("course/ok\n../folder\n", remote_only=True)[1]
        self.assertEqual((name, problem),
                         ("folder", "roster line 2: not a repository (OWNER/NAME or a git URL): '../folder'"))

    def test_an_empty_roster_is_refused_with_a_message(self):
        empty = pathlib.Path(tempfile.mkdtemp()) / "roster.txt"
        empty.write_text("# nobody yet\n\n")
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            self.assertEqual(roster.main(["roster.py", "--file", str(empty)]), 2)
        self.assertIn("lists no submissions", err.getvalue())


if __name__ == "__main__":
    unittest.main()
