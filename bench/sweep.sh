#!/usr/bin/env bash
# The numbers of docs/PERFORMANCE.md, "Sweeps and sharded ensembles":
#   bench/sweep.sh throughput   a sweep of 64 short runs (local engine, then Spark local) against 64 sequential
#                               'varflow run' processes; prints seconds and runs per second for each
#   bench/sweep.sh w1 [K] [N]   W1 (Langevin, double well, d = 10, 200 steps of 0.01) with N particles (default 10^8)
#                               in K shards (default 100) on Spark local[2], heap 1 GB: elapsed time and the peak
#                               resident memory of the JVM that is driver and executor
#   bench/sweep.sh              both
# Needs the jars ('mvn -B -pl spark -am package -DskipTests' builds varflow.jar, the job jar and the list of Spark's
# jars) and GNU time (Debian: apt-get install time). Output and tables go to $WORK (default: a temporary directory).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/cli/target/varflow.jar"
[ -f "$jar" ] && [ -f "$here/spark/target/varflow-spark.jar" ] \
  || { echo "build first: mvn -B -pl spark -am package -DskipTests" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
what="${1:-all}"

# 64 short runs: Langevin on the double well, 2000 particles, t = 5 (500 steps); beta x dt x 8 seeds
run=(langevin --energy double-well --particles 2000 --time 5)
seconds() { /usr/bin/time -f %e -o "$work/t" "$@" > /dev/null 2>&1; cat "$work/t"; }

if [ "$what" = all ] || [ "$what" = throughput ]; then
  s=$(seconds java -jar "$jar" sweep "${run[@]}" --vary entropy.beta=1,2,4,8 --vary dt=0.005,0.01 --seeds 8 -q \
      --out "$work/local")
  echo "sweep, local engine:    64 runs in $s s ($(echo "scale=1; 64 / $s" | bc) runs/s)"
  s=$(seconds java -jar "$jar" sweep "${run[@]}" --vary entropy.beta=1,2,4,8 --vary dt=0.005,0.01 --seeds 8 -q \
      --engine spark --out "$work/spark")
  echo "sweep, Spark local[*]:  64 runs in $s s ($(echo "scale=1; 64 / $s" | bc) runs/s)"
  start=$(date +%s.%N)
  for beta in 1 2 4 8; do
    for dt in 0.005 0.01; do
      for seed in $(seq 42 49); do
        java -jar "$jar" run "${run[@]}" --set entropy.beta="$beta" --dt "$dt" --seed "$seed" -q > /dev/null
      done
    done
  done
  s=$(echo "$(date +%s.%N) - $start" | bc)
  printf "64 'varflow run':       64 runs in %.2f s (%.1f runs/s)\n" "$s" "$(echo "64 / $s" | bc -l)"
  cut -d, -f1-21 "$work/local/runs.csv" | cmp - <(cut -d, -f1-21 "$work/spark/runs.csv") \
    && echo "the two sweeps' tables are equal (wall time aside)"
fi

if [ "$what" = all ] || [ "$what" = w1 ]; then
  shards="${2:-100}"
  n="${3:-100000000}"
  /usr/bin/time -f "W1, $n particles in $shards shards on Spark local[2]: %e s elapsed, peak RSS %M KiB" \
    java -Xmx1g -jar "$jar" sweep langevin --energy double-well --set space.dimension=10 --set space.x0=0.5 \
      --particles "$n" --steps 200 --dt 0.01 --every 200 --seed 1 --shard-particles "$shards" \
      --engine spark --master 'local[2]' -q --out "$work/w1" > "$work/w1.out"
  cat "$work/w1.out"
fi
