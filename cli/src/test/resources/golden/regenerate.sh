#!/usr/bin/env bash
# Rewrites stored summaries from the built CLI (cli/target/varflow.jar), for the cases named (all when none):
#   mvn -B -q -pl cli -am package -DskipTests && cli/src/test/resources/golden/regenerate.sh heat sgd
# Only for deliberate changes: say in the commit which keys changed and why.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../../../../target/varflow.jar"
while IFS='|' read -r name args; do
  [ -z "$name" ] && continue
  if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
  # shellcheck disable=SC2086
  java -jar "$jar" $args -q --threads 2 | sed 's/"wallSeconds" : [0-9.eE-]*/"wallSeconds" : 0.0/' > "$here/$name.json"
  echo "rewrote $name"
done < "$here/index.txt"
