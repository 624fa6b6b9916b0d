/*
 * W1 in plain C, one thread: the machine's limit for varflow's Langevin ensemble.
 *
 * The same work as org.varflow.bench.Workloads.langevin: N particles in d = 10, double well
 * E = sum (x_i^2 - 1)^2 / 4, grad_i = x_i (x_i^2 - 1), Euler-Maruyama x += -h grad + sqrt(2 h / beta) xi with
 * h = 0.01, beta = 1, 200 steps from x = 0.5, particles in blocks of 256, each block with its own xoshiro256++ stream
 * seeded as varflow's BlockStreams does (SplitMix64 from (seed, block)), and normal deviates from McFarland's modified
 * ziggurat with Commons RNG's tables (ziggurat_tables.h, written by org.varflow.bench.ZigguratTables). Step-major
 * within a block, as varflow's runner. Prints "W1-c N 1 seconds mean-energy" (best of R runs after a warm-up).
 *
 *   gcc -O3 -march=native -ffp-contract=off -o w1 w1.c -lm && ./w1 100000 3
 *
 * -ffp-contract=off: no fused multiply-adds, the same roundings as Java (gcc would otherwise contract a*b+c).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ziggurat_tables.h"

typedef struct { uint64_t s[4]; } xoshiro;

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline int64_t next_long(xoshiro *r) {
    uint64_t *s = r->s;
    uint64_t result = rotl(s[0] + s[3], 23) + s[0];
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return (int64_t) result;
}

static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* varflow's BlockStreams.forBlock(seed, block) */
static void for_block(xoshiro *r, int64_t seed, int64_t block) {
    uint64_t state = mix((uint64_t) seed ^ UINT64_C(0x5DEECE66D)) + mix((uint64_t) block + UINT64_C(0x632BE59BD9B4E019));
    for (int i = 0; i < 4; i++) {
        state += UINT64_C(0x9E3779B97F4A7C15);
        r->s[i] = mix(state);
    }
}

/* Commons RNG 1.7's ZigguratSampler (McFarland 2016), transcribed: the same branches, comparisons and tables. */
#define TWO_POW_63 0x1.0p63
#define MAX_INT64 INT64_MAX

static inline int64_t random_int63(xoshiro *r) { return (int64_t) ((uint64_t) next_long(r) >> 1); }

static inline double interpolate(const double *v, int j, int64_t u) {
    return v[j] * TWO_POW_63 + (double) u * (v[j - 1] - v[j]);
}

static inline int select_region(xoshiro *r, const int64_t *ipmf, const uint8_t *map) {
    int64_t x = next_long(r);
    int j = ((int) x) & 0xff;
    return x >= ipmf[j] ? map[j] : j;
}

static double exp_overhang(xoshiro *r, int j, int64_t xx) {
    int64_t u1 = (int64_t) ((uint64_t) xx >> 1);
    for (;;) {
        int64_t u2 = random_int63(r);
        int64_t hi = u1 >= u2 ? u1 : u2;
        int64_t lo = u1 >= u2 ? u2 : u1;
        double x = interpolate(exp_X, j, lo);
        if (hi - lo >= exp_E_MAX) return x;
        if (!(interpolate(exp_Y, j, hi) > exp(-x))) return x;
        u1 = random_int63(r);
    }
}

static double exp_sample(xoshiro *r) {
    int64_t x = next_long(r);
    int i = ((int) x) & 0xff;
    if (i < exp_I_MAX) return exp_X[i] * (double) (int64_t) ((uint64_t) x >> 1);
    int j = select_region(r, exp_IPMF, exp_MAP);
    if (j != 0) return exp_overhang(r, j, x);
    double x0 = exp_X_0;
    for (;;) {
        int64_t y = next_long(r);
        int k = ((int) y) & 0xff;
        if (k < exp_I_MAX) return x0 + exp_X[k] * (double) (int64_t) ((uint64_t) y >> 1);
        j = select_region(r, exp_IPMF, exp_MAP);
        if (j != 0) return x0 + exp_overhang(r, j, y);
        x0 += exp_X_0;
    }
}

static double edge_sample(xoshiro *r, int64_t xx) {
    int64_t u1 = xx & MAX_INT64;
    double sign = (double) (((uint64_t) xx >> 62) & 2) - 1.0;
    int j = select_region(r, norm_IPMF, norm_MAP);
    double x;
    if (j > norm_J_INFLECTION) {
        for (;;) {
            x = interpolate(norm_X, j, u1);
            int64_t ud = random_int63(r) - u1;
            if (ud >= 0) break;
            if (ud >= norm_CONVEX_E_MAX && interpolate(norm_Y, j, u1 + ud) < exp(-0.5 * x * x)) break;
            u1 = random_int63(r);
        }
    } else if (j < norm_J_INFLECTION) {
        if (j == 0) {
            do {
                x = norm_ONE_OVER_X_0 * exp_sample(r);
            } while (exp_sample(r) < 0.5 * x * x);
            x += norm_X_0;
        } else {
            for (;;) {
                int64_t u2 = random_int63(r);
                int64_t hi = u1 >= u2 ? u1 : u2;
                u1 = u1 >= u2 ? u2 : u1;
                x = interpolate(norm_X, j, u1);
                if (hi - u1 > norm_CONCAVE_E_MAX || interpolate(norm_Y, j, hi) < exp(-0.5 * x * x)) break;
                u1 = random_int63(r);
            }
        }
    } else {
        for (;;) {
            x = interpolate(norm_X, j, u1);
            if (interpolate(norm_Y, j, random_int63(r)) < exp(-0.5 * x * x)) break;
            u1 = random_int63(r);
        }
    }
    return sign * x;
}

static inline double gaussian(xoshiro *r) {
    int64_t xx = next_long(r);
    int i = ((int) xx) & 0xff;
    if (i < norm_I_MAX) return norm_X[i] * (double) xx;
    return edge_sample(r, xx);
}

#define D 10
#define BLOCK 256

static double run(int n, int steps, double h, double beta, double *x) {
    double scale = sqrt(2 * h * (1.0 / beta));
    for (int i = 0; i < n * D; i++) x[i] = 0.5;
    for (int b0 = 0; b0 < n; b0 += BLOCK) {
        int b1 = b0 + BLOCK < n ? b0 + BLOCK : n;
        xoshiro r;
        for_block(&r, 1, b0 / BLOCK);
        for (int k = 0; k < steps; k++) {
            for (int p = b0; p < b1; p++) {
                double *xp = x + (size_t) p * D;
                double g[D];
                for (int i = 0; i < D; i++) g[i] = xp[i] * (xp[i] * xp[i] - 1) - 0.0;
                for (int i = 0; i < D; i++) {
                    double v = -g[i] * h;
                    v += scale * gaussian(&r);
                    xp[i] += v;
                }
            }
        }
    }
    double e = 0;
    for (int p = 0; p < n; p++) {
        double ep = 0;
        for (int i = 0; i < D; i++) {
            double xi = x[(size_t) p * D + i];
            double s = xi * xi - 1;
            ep += 0.25 * s * s - 0.0 * xi;
        }
        e += ep;
    }
    return e / n;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    int repeats = argc > 2 ? atoi(argv[2]) : 3;
    if (argc > 3 && strcmp(argv[3], "gaussians") == 0) { /* the first deviates of block 0 of seed 1, to compare */
        xoshiro r;
        for_block(&r, 1, 0);
        for (int i = 0; i < n; i++) printf("%.17g\n", gaussian(&r));
        return 0;
    }
    double *x = malloc(sizeof(double) * (size_t) n * D);
    double checksum = run(n, 200, 0.01, 1.0, x); /* warm-up */
    double best = 1e300;
    for (int r = 0; r < repeats; r++) {
        double t0 = now();
        checksum = run(n, 200, 0.01, 1.0, x);
        double t = now() - t0;
        if (t < best) best = t;
    }
    printf("W1-c %d 1 %.4f %.6g\n", n, best, checksum);
    free(x);
    return 0;
}
