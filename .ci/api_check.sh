#!/usr/bin/env bash
# Proves that the API-compatibility check (the api-check profile of the parent POM, japicmp) bites, before any
# release exists to compare with. In a copy of the source tree, it:
#   1. builds the published modules (those with src/main/jpms/module-info.java) and puts their jars and POMs into a
#      private local repository as version 0.0.0-apicheck, the baseline (never into ~/.m2, which is only read);
#   2. runs the check of the unchanged code against that baseline: it must pass;
#   3. removes a public method (ValidationException.rule()) and a public class of a ....internal package, runs the
#      check of core again: it must fail, naming the method, and must not name the internal class.
# Offline when the japicmp plugin is already in the local repository. Prints its duration. API_CHECK_KEEP=1 keeps the
# copy (its target/japicmp/*.diff reports) and the private repository; API_CHECK_REPO_TAIL names the repository read
# behind the private one (default ~/.m2/repository).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
started=$SECONDS
baseline=0.0.0-apicheck
version="$(python3 -c 'import sys, xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().findtext("{http://maven.apache.org/POM/4.0.0}version"))' "$root/pom.xml")"
japicmp_version="$(sed -n 's:.*<japicmp-maven-plugin.version>\(.*\)</japicmp-maven-plugin.version>.*:\1:p' "$root/pom.xml")"
tail_repo="${API_CHECK_REPO_TAIL:-$HOME/.m2/repository}"

work="$(mktemp -d "${TMPDIR:-/tmp}/api-check.XXXXXX")"
[ -n "${API_CHECK_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
src="$work/src"
repo="$work/repository"
mkdir -p "$src" "$repo"
tar -C "$root" --exclude=./.git --exclude=./target --exclude='./*/target' -cf - . | tar -C "$src" -xf -
cd "$src"

offline=()
[ -d "$tail_repo/com/github/siom79/japicmp/japicmp-maven-plugin/$japicmp_version" ] && offline=(-o)
# The private repository first; the usual one behind it, read only (Maven 3.9's chained local repository).
mvn=(./mvnw -B -q "${offline[@]}" -Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$tail_repo"
     -Dmaven.test.skip=true -Denforcer.skip=true)
modules=()
for descriptor in */src/main/jpms/module-info.java; do modules+=("${descriptor%%/*}"); done
module_list="$(IFS=,; echo "${modules[*]}")"
artifact_of() {
  python3 -c 'import sys, xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().findtext("{http://maven.apache.org/POM/4.0.0}artifactId"))' "$1/pom.xml"
}
log="$work/build.log"
run() {
  if ! "${mvn[@]}" "$@" > "$log" 2>&1; then cat "$log" >&2; return 1; fi
}

# A public class in an internal package: its removal in step 3 must not count.
probe=core/src/main/java/io/github/walletdevice/core/internal/ApiCheckProbe.java
mkdir -p "$(dirname "$probe")"
cat > "$probe" <<'JAVA'
package io.github.walletdevice.core.internal;

/** Written by .ci/api_check.sh: an internal type whose removal the API check must ignore. */
public final class ApiCheckProbe {
    /** Creates the probe. */
    public ApiCheckProbe() {
    }
}
JAVA

echo "== api check [$((SECONDS - started)) s]: building ${module_list} as the baseline $baseline (private repository $repo)"
run -pl "$module_list" -am package
# A local repository is plain files: the parent POM and each module's POM and jar, at the baseline version.
put() { # artifactId, POM, jar (none for the parent)
  local dir="$repo/io/github/walletdevice/$1/$baseline"
  mkdir -p "$dir"
  sed "s:<version>$version</version>:<version>$baseline</version>:" "$2" > "$dir/$1-$baseline.pom"
  if [ -n "${3:-}" ]; then cp "$3" "$dir/$1-$baseline.jar"; fi
}
put walletdevice-parent pom.xml
for module in "${modules[@]}"; do
  artifact="$(artifact_of "$module")"
  put "$artifact" "$module/pom.xml" "$module/target/$artifact-$version.jar"
done

echo "== api check [$((SECONDS - started)) s]: the unchanged code against the baseline must pass"
run -pl "$module_list" -am verify -Dwalletdevice.api.baseline="$baseline"

echo "== api check [$((SECONDS - started)) s]: core without ValidationException.rule() and without the internal ApiCheckProbe must fail"
rm "$probe"
python3 - core/src/main/java/io/github/walletdevice/core/ValidationException.java <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
method = re.compile(r"\n    /\*\*(?:(?!\*/).)*\*/\n    public String rule\(\) \{\n        return rule;\n    \}\n", re.S)
changed, count = method.subn("\n", text)
if count != 1:
    sys.exit(f"api check: could not remove rule() from {path}; choose another public method for the check")
open(path, "w").write(changed)
PY
if "${mvn[@]}" -pl core verify -Dwalletdevice.api.baseline="$baseline" > "$log" 2>&1; then
  cat "$log" >&2
  echo "api check: FAILED: removing a public method did not fail the build" >&2; exit 1
fi
# What the build said and japicmp's report of core.
report="$work/report.txt"
cat "$log" core/target/japicmp/*.diff > "$report" 2>/dev/null || true
if ! grep -q "ValidationException.rule():METHOD_REMOVED" "$report"; then
  cat "$report" >&2
  echo "api check: FAILED: the build failed without naming ValidationException.rule()" >&2; exit 1
fi
if grep -q "ApiCheckProbe" "$report"; then
  cat "$report" >&2
  echo "api check: FAILED: a change in an internal package was reported" >&2; exit 1
fi
grep -o "There is at least one incompatibility: [^ ]*" "$log" | head -1
echo "api check: passed (baseline accepted, removed method refused, internal change ignored) in $((SECONDS - started)) s"
