#ifndef CLSTMKERNELS_H
#define CLSTMKERNELS_H

#include <stddef.h>

#include "CLSTMActivations.h"

/// The number of units one block of packed weights holds.
#define LSTMVIZ_LANES 16

/// One gate's pre-activations for `units` units: x[j] = (W_stm[j]·stm) + (W_in[j]·input) + bias[j].
///
/// The weights are packed in blocks of LSTMVIZ_LANES rows: entry (row 16·b + l, column k) of
/// `stm_weights` is at (b·n + k)·16 + l, and likewise for `input_weights` with m columns; rows past
/// `units` are zero. Each dot product is summed left to right from 0, one multiply and one add per
/// term, never fused, so every x is bit for bit the plain loop's. Uses AVX2 where the processor
/// has it, plain loops otherwise.
void lstmviz_gate_preactivations(
    const double *stm_weights, const double *stm, size_t n,
    const double *input_weights, const double *input, size_t m,
    const double *bias, size_t units, double *x);

/// `lstmviz_gate_preactivations` without AVX2, whatever the processor: the same numbers, bit for
/// bit (what the tests compare against).
void lstmviz_gate_preactivations_portable(
    const double *stm_weights, const double *stm, size_t n,
    const double *input_weights, const double *input, size_t m,
    const double *bias, size_t units, double *x);

/// `base` to the power `exponent`, by the C library's `pow`: the function Python's `**` on two
/// floats calls, so that Adam's bias corrections `1 - beta ** step` are torch.optim's, bit for bit.
double lstmviz_power(double base, double exponent);

#endif
