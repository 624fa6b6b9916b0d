#!/usr/bin/env bash
# Side-by-side timing of the benchmark workloads in varflow and in NumPy / POT, written to docs/PERFORMANCE.md.
#   bench/compare.sh              full sizes, two alternating passes (about 20 minutes on 2 cores)
#   bench/compare.sh full 1       one pass
#   bench/compare.sh quick        fewer sizes and repeats, one pass
# A peer that is missing (no numpy, no POT) is skipped and said so; nothing else changes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-full}"
cd "$here"
mvn -B -q -DskipTests install >&2
jar="$here/bench/target/benchmarks.jar"

# probe from an empty directory: in the repo root 'import ot' would find the Maven module ot/ as a namespace package
py=""
for cand in python3 /usr/bin/python3; do
  if command -v "$cand" >/dev/null 2>&1 && (cd / && "$cand" -c 'import numpy, ot; ot.emd2') >/dev/null 2>&1; then
    py="$cand"; break
  fi
done
if [ -z "$py" ]; then
  for cand in python3 /usr/bin/python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import numpy' >/dev/null 2>&1; then py="$cand"; break; fi
  done
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "running the JMH step benchmarks with -prof gc..." >&2
java -jar "$jar" StepBenchmarks -prof gc -wi 3 -i 3 -w 1 -r 1 -rf csv -rff "$tmp/jmh.csv" > "$tmp/jmh.log" 2>&1 \
  || { echo "JMH step benchmarks failed:" >&2; tail -20 "$tmp/jmh.log" >&2; exit 1; }
# both sides run in alternation, `passes` times (2 for full), and each line keeps its best time: on a shared
# machine slow spells last seconds to minutes, and alternating keeps one from landing on one side only
passes="${2:-$([ "$mode" = quick ] && echo 1 || echo 2)}"
size="$([ "$mode" = quick ] && echo quick || echo full)"
: > "$tmp/java.all"; : > "$tmp/py.all"; : > "$tmp/py.err"
for pass in $(seq 1 "$passes"); do
  echo "pass $pass of $passes: varflow workloads..." >&2
  java -cp "$jar" org.varflow.bench.Compare "$size" >> "$tmp/java.all"
  if [ -n "$py" ]; then
    echo "pass $pass of $passes: NumPy/POT workloads with $py..." >&2
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
      "$py" "$here/bench/numpy_workloads.py" "$size" >> "$tmp/py.all" 2>> "$tmp/py.err" || true
  fi
done
[ -n "$py" ] || echo "# no python3 with numpy: NumPy and POT peers skipped" > "$tmp/py.err"
sort -u "$tmp/py.err" -o "$tmp/py.err"
# best time per (workload, size, threads), in first-seen order
best() { awk '{ k = $1 " " $2 " " $3; if (!(k in t)) { o[++n] = k; t[k] = $4; c[k] = $5 } else if ($4 < t[k]) { t[k] = $4; c[k] = $5 } }
              END { for (i = 1; i <= n; i++) print o[i], t[o[i]], c[o[i]] }' "$1"; }
best "$tmp/java.all" > "$tmp/java.txt"
best "$tmp/py.all" > "$tmp/py.txt"

peer() { awk -v w="$1" -v n="$2" '$1 == w && $2 == n { print $4 }' "$tmp/py.txt"; }
ours() { awk -v w="$1" -v n="$2" -v t="$3" '$1 == w && $2 == n && $3 == t { print $4 }' "$tmp/java.txt"; }
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; else echo "n/a"; fi; }

out="$here/docs/PERFORMANCE.md"
{
  echo "# Performance"
  echo
  echo "Written by \`bench/compare.sh $mode\` on $(date -u +%Y-%m-%d): $passes alternating passes of both sides, each line the best of its"
  echo "passes (and of several runs after a warm-up within a pass);"
  echo "single thread unless stated. Ratio = peer time / varflow time (above 1: varflow is faster)."
  echo
  echo "## Machine and versions"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores), $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "- Java: $(java -version 2>&1 | head -1)"
  if [ -n "$py" ]; then
    echo "- Python: $("$py" --version 2>&1), NumPy $("$py" -c 'import numpy; print(numpy.__version__)')$("$py" -c 'import ot; print(", POT", ot.__version__)' 2>/dev/null || echo ', POT not installed')"
  fi
  echo "- Command: \`bench/compare.sh $mode\` (varflow: \`java -cp bench/target/benchmarks.jar org.varflow.bench.Compare\`; peers: \`bench/numpy_workloads.py\`)"
  echo
  echo "## Results"
  echo
  echo "| workload | size | varflow 1 thread (s) | varflow 2 threads (s) | peer | peer (s) | ratio (1 thread) |"
  echo "|---|---|---|---|---|---|---|"
  for n in $(awk '$1 == "W1" && $3 == 1 { print $2 }' "$tmp/java.txt"); do
    o1=$(ours W1 "$n" 1); o2=$(ours W1 "$n" 2); p=$(peer W1-numpy "$n")
    echo "| W1 Langevin ensemble, d = 10, 200 steps | $n | $o1 | $o2 | NumPy | ${p:-skipped} | $(ratio "$p" "$o1") |"
  done
  for n in $(awk '$1 == "W1-formula" && $3 == 1 { print $2 }' "$tmp/java.txt"); do
    o1=$(ours W1-formula "$n" 1); o2=$(ours W1-formula "$n" 2); b=$(ours W1 "$n" 1)
    echo "| W1 with the double well as a formula (energy formula) | $n | $o1 | $o2 | varflow built-in double-well | $b | $(ratio "$b" "$o1") |"
  done
  o=$(ours W2 1000 1)
  echo "| W2 Sinkhorn log-domain, eps = 0.01, 500 it. | 1000 x 1000 | $o | | NumPy log-domain | $(peer W2-numpy-log 1000) | $(ratio "$(peer W2-numpy-log 1000)" "$o") |"
  echo "| W2 Sinkhorn (peer: plain, not log-stable) | 1000 x 1000 | $o | | POT ot.sinkhorn | $(peer W2-pot 1000) | $(ratio "$(peer W2-pot 1000)" "$o") |"
  o=$(ours W3 1000 1)
  echo "| W3 exact OT, uniform weights | 1000 x 1000 | $o | | POT ot.emd2 | $(peer W3-pot 1000) | $(ratio "$(peer W3-pot 1000)" "$o") |"
  o=$(ours W4 1200 1)
  echo "| W4 grid Fokker-Planck to t = 2 at the stability limit | 1200 cells | $o | | NumPy | $(peer W4-numpy 1200) | $(ratio "$(peer W4-numpy 1200)" "$o") |"
  for n in $(awk '$1 == "W5" && $3 == 1 { print $2 }' "$tmp/java.txt"); do
    o1=$(ours W5 "$n" 1); o2=$(ours W5 "$n" 2); p=$(peer W5-numpy "$n")
    echo "| W5 KDE-score particles, 1-D, 500 steps, fast Gauss transform | $n | $o1 | $o2 | NumPy (direct pairs) | ${p:-n/a} | $(ratio "$p" "$o1") |"
  done
  for n in $(awk '$1 == "W5-direct" && $3 == 1 { print $2 }' "$tmp/java.txt"); do
    o1=$(ours W5-direct "$n" 1); o2=$(ours W5-direct "$n" 2); p=$(peer W5-numpy "$n")
    echo "| W5 KDE-score particles, 1-D, 500 steps, direct pairs (NumPy's algorithm) | $n | $o1 | $o2 | NumPy | ${p:-skipped} | $(ratio "$p" "$o1") |"
  done
  for n in $(awk '$1 == "W6" && $3 == 1 { print $2 }' "$tmp/java.txt"); do
    o=$(ours W6 "$n" 1); p=$(peer W6-numpy "$n")
    echo "| W6 mean-field network, 64 points, 1500 epochs | width $n | $o | | NumPy | ${p:-skipped} | $(ratio "$p" "$o") |"
  done
  echo
  echo "## One step, allocation per step (JMH)"
  echo
  echo "\`java -jar bench/target/benchmarks.jar StepBenchmarks -prof gc\`: one scheme step of each workload's flow without the"
  echo "runner (W1: a block of 1000 particles; W4: one explicit step of 1200 cells; W5: 2000 particles, fast Gauss"
  echo "transform; W6: one epoch at width 2000). gc.alloc.rate.norm is the bytes allocated per step, averaged over the run."
  echo
  echo "| step | time per step (us) | bytes allocated per step |"
  echo "|---|---|---|"
  awk -F, 'NR > 1 { gsub(/"/, ""); name = $8;
            if ($1 ~ /:gc\.alloc\.rate\.norm$/) { bytes[name] = $5 }
            else if ($1 !~ /:/) { time[name] = $5; order[++k] = name } }
           END { for (i = 1; i <= k; i++) printf "| %s | %.1f | %.2f |\n", order[i], time[order[i]], bytes[order[i]] }' "$tmp/jmh.csv"
  echo
  if [ -s "$tmp/py.err" ]; then echo "Peer notes:"; echo; sed 's/^/    /' "$tmp/py.err"; echo; fi
  echo "Raw lines (workload size threads seconds checksum):"
  echo
  sed 's/^/    /' "$tmp/java.txt" "$tmp/py.txt"
  if [ -f "$here/docs/PERFORMANCE.notes.md" ]; then echo; cat "$here/docs/PERFORMANCE.notes.md"; fi
} > "$out"
cat "$out"
