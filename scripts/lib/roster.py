#!/usr/bin/env python3
"""Turns a class roster into the submissions to grade, one per line: NAME<TAB>SOURCE[<TAB>PROBLEM].

    roster.py [--json] [--remote-only] [--file ROSTER] [ENTRY...]

An entry (a command-line argument, or a line of ROSTER; '#' at the start or after a space starts a
comment) is a folder, a git
URL, or a GitHub repository OWNER/NAME, optionally named: NAME=ENTRY. The name is the folder or
repository name, made safe as a folder name and unique (a second "alice" is "alice-2"), so that
the local script and the class workflow file the same student under the same name. A line that
is none of these keeps its row with PROBLEM saying why, rather than vanishing from the gradebook.

--json prints the list as the GitHub Actions matrix {"include": [{"name", "source", "problem"}]};
with it (or --remote-only) every entry must be a repository: a runner has no student folders.
Exit status 2 with one line on stderr when there is nothing to grade at all.
"""
import json
import re
import sys

SAFE = re.compile(r"[^A-Za-z0-9._-]+")
NAMED = re.compile(r"^([A-Za-z0-9._-]+)=(.+)$")
GITHUB_REPO = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
# Names that are not a student's folder: the gradebook's own files, the working folders.
RESERVED = {"gradebook.csv", "gradebook.md"}
COMMENT = re.compile(r"(^|\s)#.*$")
URL = re.compile(r"^(?:https?|ssh|git|file)://\S+$|^[\w.-]+@[\w.-]+:\S+$")


def default_name(source):
    tail = source.rstrip("/").replace("\\", "/").split("/")[-1].split(":")[-1]
    if tail.endswith(".git"):
        tail = tail[:-len(".git")]
    return SAFE.sub("-", tail).strip(".-") or "submission"


def problem_of(source, remote_only):
    if any(ord(c) < 32 for c in source):
        return "the entry holds control characters"
    if remote_only and not (GITHUB_REPO.match(source) or URL.match(source)):
        return f"not a repository (OWNER/NAME or a git URL): {source!r}"
    return ""


def entries(lines, remote_only=False):
    """(name, source, problem) for every entry, names unique, in the roster's order."""
    seen = {}
    out = []
    for number, line in lines:
        text = COMMENT.sub("", line).strip()
        if not text:
            continue
        named = NAMED.match(text)
        name, source = (named.group(1), named.group(2).strip()) if named else (default_name(text), text)
        problem = problem_of(source, remote_only)
        if problem and number is not None:
            problem = f"roster line {number}: {problem}"
        name = name.strip(".") or "submission"
        if name in RESERVED:
            name = "submission-" + name
        base = name
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            name = f"{base}-{seen[base]}"
        out.append((name, source, problem))
    return out


def main(argv):
    as_json = "--json" in argv
    remote_only = as_json or "--remote-only" in argv
    args = [a for a in argv[1:] if a not in ("--json", "--remote-only")]
    lines = []
    if args[:1] == ["--file"]:
        if len(args) < 2:
            print("roster.py: --file needs a roster file", file=sys.stderr)
            return 2
        path, args = args[1], args[2:]
        try:
            with open(path, encoding="utf-8") as roster:
                lines = [(n, line.rstrip("\n")) for n, line in enumerate(roster, 1)]
        except (OSError, UnicodeDecodeError) as e:
            print(f"roster.py: cannot read the roster {path}: {e}", file=sys.stderr)
            return 2
        if not entries(lines):
            print(f"roster.py: the roster {path} lists no submissions (one folder, git URL or OWNER/NAME a line)",
                  file=sys.stderr)
            return 2
    lines += [(None, a) for a in args]
    found = entries(lines, remote_only)
    if not found:
        print("roster.py: no submissions given", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps({"include": [{"name": n, "source": s, "problem": p} for n, s, p in found]}))
    else:
        for name, source, problem in found:
            print("\t".join([name, source, problem]) if problem else f"{name}\t{source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
