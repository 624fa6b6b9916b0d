/*
 * W4 in plain C, one thread: the machine's limit for the grid Fokker-Planck workload.
 *
 * The same scheme as bench/numpy_workloads.py's grid_fp and varflow's density-euler with stability=substep:
 * 1200 cells on [-8, 8], V = x^2/2, T = 1, from N(2, 1/4), explicit Scharfetter-Gummel finite volumes
 * J_f = (T/dx^2) [B(z_f) rho_f - B(-z_f) rho_(f+1)], z_f = (V_(f+1) - V_f)/T, B(z) = z/(e^z - 1), zero flux at the
 * ends, to t = 2 at 0.9 x the explicit stability limit (1 / the largest outflow rate). Prints
 * "W4-c cells 1 seconds free-energy" (best of R runs after a warm-up), the free energy int V rho + int rho log rho.
 *
 *   gcc -O3 -march=native -o w4 w4.c -lm && ./w4 1200 5
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double bernoulli(double z) {
    return fabs(z) < 1e-12 ? 1.0 : z / expm1(z);
}

static double run(int n, double *rho, double *v, double *fw, double *bw, double *flux) {
    double lower = -8, upper = 8, temp = 1, t_end = 2;
    double dx = (upper - lower) / n;
    double mass = 0;
    for (int i = 0; i < n; i++) {
        double x = lower + (i + 0.5) * dx;
        v[i] = 0.5 * x * x;
        rho[i] = exp(-(x - 2) * (x - 2) / (2 * 0.25));
        mass += rho[i];
    }
    for (int i = 0; i < n; i++) rho[i] /= mass * dx;
    double c = temp / (dx * dx);
    double out_max = 0;
    for (int f = 0; f < n - 1; f++) {
        double z = (v[f + 1] - v[f]) / temp;
        fw[f] = c * bernoulli(z);
        bw[f] = c * bernoulli(-z);
    }
    for (int i = 0; i < n; i++) {
        double out = (i < n - 1 ? fw[i] : 0) + (i > 0 ? bw[i - 1] : 0);
        if (out > out_max) out_max = out;
    }
    long steps = (long) ceil(t_end / (0.9 / out_max));
    double h = t_end / steps;
    for (long s = 0; s < steps; s++) {
        for (int f = 0; f < n - 1; f++) flux[f] = h * (fw[f] * rho[f] - bw[f] * rho[f + 1]);
        /* as NumPy does it: each loop vectorises (one loop would carry rho[f + 1] from one face to the next) */
        for (int f = 0; f < n - 1; f++) rho[f] -= flux[f];
        for (int f = 0; f < n - 1; f++) rho[f + 1] += flux[f];
    }
    double fe = 0;
    for (int i = 0; i < n; i++) {
        fe += v[i] * rho[i] * dx;
        if (rho[i] > 0) fe += rho[i] * log(rho[i]) * dx;
    }
    return fe;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1200;
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    double *a = malloc(sizeof(double) * 5 * n);
    double checksum = run(n, a, a + n, a + 2 * n, a + 3 * n, a + 4 * n);
    double best = 1e300;
    for (int r = 0; r < repeats; r++) {
        double t0 = now();
        checksum = run(n, a, a + n, a + 2 * n, a + 3 * n, a + 4 * n);
        double t = now() - t0;
        if (t < best) best = t;
    }
    printf("W4-c %d 1 %.4f %.6g\n", n, best, checksum);
    free(a);
    return 0;
}
