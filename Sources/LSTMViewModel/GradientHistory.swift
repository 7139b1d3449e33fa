import LSTMCore

/// The size of one gradient at every step of a sequence, downsampled like `History`: each bucket
/// of consecutive steps keeps its smallest, largest and last magnitude.
///
/// The magnitude is `|∂J/∂…|` for a scalar cell and the norm over the units (√Σ g²) for a vector
/// cell, so it can be drawn on a log scale.
public struct MagnitudeSeries: Sendable, Equatable {
  /// The smallest magnitude in each bucket.
  public internal(set) var low: [Double]
  /// The largest magnitude in each bucket.
  public internal(set) var high: [Double]
  /// The magnitude at the last step of each bucket.
  public internal(set) var last: [Double]
  /// The smallest magnitude above zero at any step, or nil if every one is zero.
  public internal(set) var smallestNonzero: Double?
  /// The largest magnitude at any step (0 if there are none).
  public internal(set) var largest: Double = 0

  /// A series of `count` empty buckets.
  init(count: Int) {
    low = Array(repeating: .infinity, count: count)
    high = Array(repeating: 0, count: count)
    last = Array(repeating: 0, count: count)
  }
}

/// The gradients of a sequence over all its timesteps, downsampled once when they are computed,
/// so that drawing them costs the same for a million steps as for four: `|∂J/∂LTM_t|` and
/// `|∂J/∂STM_t|` of the LSTM and, if the lesson has a twin, `|∂J/∂h_t|` of the plain RNN, for t
/// in 1...T. Vector cells keep norms over their units.
public struct GradientHistory: Sendable, Equatable, StepBuckets {
  /// The number of timesteps T summarised.
  public let stepCount: Int
  /// The number of buckets: T, or `History.bucketCount` if T is larger.
  public let buckets: Int
  /// Whether the magnitudes are norms over several units (a vector cell) rather than absolute
  /// values.
  public let isNorm: Bool
  /// `|∂J/∂LTM_t|`, or its norm.
  public let ltm: MagnitudeSeries
  /// `|∂J/∂STM_t|`, or its norm.
  public let stm: MagnitudeSeries
  /// The twin's `|∂J/∂h_t|`, or its norm; nil without a twin.
  public let twinSTM: MagnitudeSeries?

  /// Summarises `lstm` and `twin` (gradients of the same sequence), walking each once.
  public init(lstm: LSTMGradients, twin: RNNGradients?) {
    let steps = lstm.count
    let buckets = min(steps, History.bucketCount)
    let n = lstm.hiddenSize
    ltm = GradientHistory.series(lstm.ltmGradients, units: n, steps: steps, buckets: buckets)
    stm = GradientHistory.series(lstm.stmGradients, units: n, steps: steps, buckets: buckets)
    twinSTM = twin.map {
      GradientHistory.series($0.stmGradients, units: $0.hiddenSize, steps: steps, buckets: buckets)
    }
    stepCount = steps
    self.buckets = buckets
    isNorm = n > 1 || (twin?.hiddenSize ?? 1) > 1
  }

  /// The magnitudes of `values` (laid out t-major, `units` a step, step 0 first) for t in
  /// 1...`steps`, in `buckets` buckets as `History` shares them out.
  private static func series(
    _ values: [Double], units: Int, steps: Int, buckets: Int
  ) -> MagnitudeSeries {
    var series = MagnitudeSeries(count: buckets)
    var smallest = Double.infinity
    var largest = 0.0
    values.withUnsafeBufferPointer { values in
      var t = 1
      for bucket in 0..<buckets {
        let end = ((bucket + 1) * steps + buckets - 1) / buckets
        var low = Double.infinity
        var high = 0.0
        var last = 0.0
        while t <= end {
          last = magnitude(values, from: t * units, count: units)
          low = min(low, last)
          high = max(high, last)
          if last > 0 { smallest = min(smallest, last) }
          t += 1
        }
        largest = max(largest, high)
        series.low[bucket] = low
        series.high[bucket] = high
        series.last[bucket] = last
      }
    }
    series.smallestNonzero = smallest.isFinite ? smallest : nil
    series.largest = largest
    return series
  }

  /// `|v|` of one value, or the norm `√Σ v²` of several, scaled by the largest so that tiny
  /// gradients do not underflow when squared.
  @inline(__always)
  static func magnitude(_ values: UnsafeBufferPointer<Double>, from start: Int, count: Int)
    -> Double
  {
    if count == 1 { return abs(values[start]) }
    var scale = 0.0
    for j in start..<start + count { scale = max(scale, abs(values[j])) }
    guard scale > 0, scale.isFinite else { return scale }
    var sum = 0.0
    for j in start..<start + count {
      let scaled = values[j] / scale
      sum += scaled * scaled
    }
    return scale * sum.squareRoot()
  }
}
