#!/usr/bin/env python3
"""Finds anything of the kit's hidden reference solutions inside a folder (an exported student
repository): a copy of a reference source, a line of code only the reference has, a compiled
reference class, a reference artifact, in plain files and inside every jar or zip, nested ones too.

    reference_scan.py KIT DIR     exit 0: nothing found; 1: one line per finding on stdout

The reference uses the student class names (lab.counter.LockCounter...), so a name alone proves
nothing: the skeleton has the same one. What betrays the reference is its code: a line that is
in a reference source and in neither the skeleton nor the contracts, or a .class file of a lab
class that is not one of the contracts (the kit ships no compiled student class at all).
"""
import io
import re
import pathlib
import sys
import zipfile

# Shorter lines (braces, "return value;", "}") are common to any solution; they prove nothing.
MIN_LINE = 25


def code_lines(text):
    lines = set()
    for raw in text.splitlines():
        line = raw.strip()
        if len(line) >= MIN_LINE and not line.startswith(("*", "/*", "//", "import ", "package ")):
            lines.add(line)
    return lines


def java_files(root):
    return sorted(p for p in root.rglob("*.java") if p.is_file())


def literals(text):
    """The string literals of a source: they survive compilation, so they betray a .class file too."""
    return {m for m in re.findall(r'"((?:[^"\\\n]|\\.){12,})"', text)}


def reference_fingerprint(kit):
    """Per reference source, its code lines and string literals that no shipped source of the kit has
    (the contracts, the skeletons, the grader); and the contract class names allowed in a jar."""
    shipped = [kit / "assignments", kit / "grader/src/main"]
    common_lines, common_literals = set(), set()
    for root in shipped:
        for path in java_files(root):
            text = path.read_text(encoding="utf-8", errors="replace")
            common_lines |= code_lines(text)
            common_literals |= literals(text)
    own = {}
    reference = kit / "reference"
    for path in java_files(reference):
        text = path.read_text(encoding="utf-8", errors="replace")
        own[path.relative_to(reference).as_posix()] = (code_lines(text) - common_lines,
                                                      literals(text) - common_literals)
    contracts = {p.relative_to(kit / "assignments/src/main/java").with_suffix("").as_posix()
                 for p in java_files(kit / "assignments/src/main/java")}
    return own, contracts


def enough(hits, of):
    """Five of a source's own lines, or half when it has fewer (at least two): one shared idiom is a
    coincidence, five are a copy."""
    return len(hits) >= min(5, max(2, (len(of) + 1) // 2))


class Scanner:
    def __init__(self, kit):
        self.own, self.contracts = reference_fingerprint(kit)
        self.findings = []

    def text(self, where, data):
        text = data.decode("utf-8", errors="replace")
        lines = code_lines(text)
        for source, (own_lines, own_literals) in self.own.items():
            hits = lines & own_lines
            if own_lines and enough(hits, own_lines):
                self.findings.append(f"{where}: {len(hits)} of the {len(own_lines)} lines only reference/{source}"
                                     f" has, e.g. {sorted(hits)[0]!r}")

    def binary(self, where, data):
        for source, (_, own_literals) in self.own.items():
            hits = {s for s in own_literals if s.encode("utf-8") in data}
            if hits:
                self.findings.append(f"{where}: string(s) only reference/{source} has, e.g. {sorted(hits)[0]!r}")

    def entry(self, where, name, data):
        lower = name.lower()
        if "reference" in lower.split("/")[-1] or "/reference/" in "/" + lower:
            self.findings.append(f"{where}: a file named after the reference: {name}")
        if lower.endswith(".class") and name.startswith("lab/"):
            outer = name[:-len(".class")].split("$")[0]
            if outer not in self.contracts:
                self.findings.append(f"{where}: a compiled lab class that is not a contract: {name}")
        if lower.endswith((".jar", ".zip", ".war")):
            self.archive(where, data)
        elif lower.endswith(".class"):
            self.binary(where, data)
        else:
            self.text(where, data)

    def archive(self, where, data):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    if not info.is_dir():
                        self.entry(f"{where}!{info.filename}", info.filename, archive.read(info))
        except zipfile.BadZipFile:
            self.text(where, data)

    def folder(self, root):
        for path in sorted(root.rglob("*")):
            if path.is_file() and ".git" not in path.relative_to(root).parts:
                rel = path.relative_to(root).as_posix()
                if "/io/labkit/reference/" in "/" + rel:
                    self.findings.append(f"{rel}: the reference artifact io.labkit:reference")
                self.entry(rel, rel, path.read_bytes())


def main(argv):
    if len(argv) != 3:
        print("usage: reference_scan.py KIT DIR", file=sys.stderr)
        return 2
    scanner = Scanner(pathlib.Path(argv[1]))
    if not scanner.own:
        print(f"no reference sources under {argv[1]}/reference: nothing to compare with", file=sys.stderr)
        return 2
    scanner.folder(pathlib.Path(argv[2]))
    for finding in scanner.findings:
        print(finding)
    return 1 if scanner.findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
