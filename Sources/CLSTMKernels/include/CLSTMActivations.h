#ifndef CLSTMACTIVATIONS_H
#define CLSTMACTIVATIONS_H

#include <stddef.h>

/// The cell's sigmoid, σ(x) = e^x / (e^x + 1), computed without overflow: σ(1000) is 1 and
/// σ(-1000) is 0. Within a few units in the last place of the C library's formula, and the same
/// bits on every processor (fused multiply-adds, rounded once, in hardware where there is one).
double lstmviz_sigmoid(double x);

/// The cell's tanh: tanh(±1000) is ±1, tanh(1e-300) is 1e-300. Same guarantees as the sigmoid.
double lstmviz_tanh(double x);

/// values[k] = lstmviz_sigmoid(x[k]) for k < count, four at a time with AVX2 where there is.
void lstmviz_sigmoid_array(const double *x, double *values, size_t count);

/// values[k] = lstmviz_tanh(x[k]) for k < count, four at a time with AVX2 where there is.
void lstmviz_tanh_array(const double *x, double *values, size_t count);

/// The same functions without AVX2 or the processor's FMA, whatever the processor: the same
/// bits (what the tests compare against).
double lstmviz_sigmoid_portable(double x);
/// See lstmviz_sigmoid_portable.
double lstmviz_tanh_portable(double x);
/// See lstmviz_sigmoid_portable.
void lstmviz_sigmoid_array_portable(const double *x, double *values, size_t count);
/// See lstmviz_sigmoid_portable.
void lstmviz_tanh_array_portable(const double *x, double *values, size_t count);

#endif
