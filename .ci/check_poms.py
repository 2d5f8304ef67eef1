#!/usr/bin/env python3
"""Checks the effective POMs (maven-help-plugin effective-pom of the whole reactor, path given as argument).

- The BOM manages io.github.walletdevice artifacts only, at the project's version, and every published module.
- Every published module's url and scm point to the repository itself (no "/<artifactId>" appended).
- Every published module carries the metadata Maven Central requires.

Published = every module except the ones that skip deploy (examples, benchmarks) and the parent.
Exits non-zero naming each problem.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
GROUP = "io.github.walletdevice"
REPO = "https://github.com/walletdevice/walletdevice-sdk"
EXPECTED = {
    "url": REPO,
    "scm/url": REPO,
    "scm/connection": "scm:git:" + REPO + ".git",
    "scm/developerConnection": "scm:git:ssh://git@github.com/walletdevice/walletdevice-sdk.git",
}
REQUIRED = ["name", "description", "licenses/license/name", "developers/developer/name"]


def text(project, path):
    node = project.find("/".join("m:" + p for p in path.split("/")), NS)
    return None if node is None or node.text is None else node.text.strip()


def main(path):
    projects = ET.parse(path).getroot().findall("m:project", NS)
    problems = []
    by_id = {text(p, "artifactId"): p for p in projects}
    published = [a for a, p in by_id.items()
                 if a not in ("walletdevice-parent",) and text(p, "properties/maven.deploy.skip") != "true"]
    for artifact in published:
        project = by_id[artifact]
        for field, want in EXPECTED.items():
            got = text(project, field)
            if got != want:
                problems.append(f"{artifact}: <{field}> is {got!r}, expected {want!r}")
        for field in REQUIRED:
            if not text(project, field):
                problems.append(f"{artifact}: <{field}> missing (Maven Central requires it)")

    bom = by_id.get("walletdevice-bom")
    if bom is None:
        problems.append("walletdevice-bom: not in the reactor")
    else:
        version = text(bom, "version")
        managed = bom.findall("m:dependencyManagement/m:dependencies/m:dependency", NS)
        names = set()
        for dep in managed:
            g, a, v = (dep.findtext("m:" + f, default="", namespaces=NS) for f in ("groupId", "artifactId", "version"))
            names.add(a)
            if g != GROUP:
                problems.append(f"walletdevice-bom: manages {g}:{a}:{v}; it may manage {GROUP} artifacts only")
            elif v != version:
                problems.append(f"walletdevice-bom: manages {g}:{a} at {v}, not at the BOM's version {version}")
        for artifact in published:
            if artifact != "walletdevice-bom" and by_id[artifact].findtext("m:packaging", "jar", NS) != "pom" \
                    and artifact not in names:
                problems.append(f"walletdevice-bom: does not manage the published module {artifact}")
        if not problems:
            print(f"walletdevice-bom {version} manages {len(managed)} artifacts, all {GROUP}")

    for p in problems:
        print("POM check: " + p, file=sys.stderr)
    print(f"POM check: {len(published)} published POMs, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
