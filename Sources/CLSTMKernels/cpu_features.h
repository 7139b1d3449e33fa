// What the processor can do, asked once. Shared by the kernels of this module; not a public header.
#ifndef LSTMVIZ_CPU_FEATURES_H
#define LSTMVIZ_CPU_FEATURES_H

#if defined(__x86_64__)
#include <cpuid.h>

/// Feature bits of `lv_cpu_features`.
enum { LV_CPU_AVX2 = 1, LV_CPU_FMA = 2 };

/// Asks the processor and the operating system (xgetbv: the ymm registers are saved on a
/// context switch) which of AVX2 and FMA they support.
static inline int lv_ask_cpu_features(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  if (!(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return 0;
  int fma = (ecx & bit_FMA) ? LV_CPU_FMA : 0;
  unsigned int xcr0_low, xcr0_high;
  __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
  if ((xcr0_low & 0x6) != 0x6) return 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return fma;
  return fma | ((ebx & bit_AVX2) ? LV_CPU_AVX2 : 0);
}

/// The LV_CPU_* bits of this processor, asked on first use.
static inline int lv_cpu_features(void) {
  // -1 until first asked; any thread that races here computes the same answer.
  static int features = -1;
  int known = __atomic_load_n(&features, __ATOMIC_RELAXED);
  if (known < 0) {
    known = lv_ask_cpu_features();
    __atomic_store_n(&features, known, __ATOMIC_RELAXED);
  }
  return known;
}
#endif

#endif
