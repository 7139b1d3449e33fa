import LSTMCore

/// One quantity over a whole sequence, downsampled to at most `History.bucketCount` buckets.
///
/// Each bucket covers a run of consecutive timesteps and keeps their lowest, highest and last
/// value, so a plot can show both the trend and the spread of a million steps in a few columns.
public struct Series: Sendable, Equatable {
  /// The lowest value in each bucket.
  public internal(set) var low: [Double]
  /// The highest value in each bucket.
  public internal(set) var high: [Double]
  /// The value at the last step of each bucket.
  public internal(set) var last: [Double]

  /// A series of `count` empty buckets.
  init(count: Int) {
    low = Array(repeating: .infinity, count: count)
    high = Array(repeating: -.infinity, count: count)
    last = Array(repeating: 0, count: count)
  }

  /// The lowest and highest value over all buckets, or 0...0 if there are none.
  public var range: ClosedRange<Double> {
    guard let lowest = low.min(), let highest = high.max(), lowest <= highest else { return 0...0 }
    return lowest...highest
  }
}

/// A sequence's input, LTM and STM over all its timesteps, downsampled once each time its run is
/// made (`State.rebuildDerived()`), so that drawing it costs the same for a million steps as for
/// four.
public struct History: Sendable, Equatable, StepBuckets {
  /// The most buckets a history keeps: a sequence longer than this shares buckets.
  public static let bucketCount = 240

  /// The number of timesteps T summarised.
  public let stepCount: Int
  /// The number of buckets: T, or `bucketCount` if T is larger.
  public let buckets: Int
  /// Each input component, `inputSize` series.
  public let input: [Series]
  /// Each unit's LTM after each step, `hiddenSize` series.
  public let ltm: [Series]
  /// Each unit's STM after each step, `hiddenSize` series.
  public let stm: [Series]

  /// Summarises `run`, walking each of its series once.
  public init(run: SequenceRun) {
    let count = run.count
    let buckets = min(count, History.bucketCount)
    let (m, n) = (run.model.inputSize, run.model.hiddenSize)
    // The input of step t (1...T) is at (t-1)·m + k; the memories after it at t·n + j.
    input = (0..<m).map { k in
      History.series(of: run.sequence.values, first: k, stride: m, steps: count, buckets: buckets)
    }
    ltm = (0..<n).map { j in
      History.series(of: run.ltmValues, first: n + j, stride: n, steps: count, buckets: buckets)
    }
    stm = (0..<n).map { j in
      History.series(of: run.stmValues, first: n + j, stride: n, steps: count, buckets: buckets)
    }
    stepCount = count
    self.buckets = buckets
  }

  /// The series of `values[first + stride·(t-1)]` for t in 1...`steps`, in `buckets` buckets.
  ///
  /// Bucket b holds the steps t with `(t-1)·buckets / steps == b`, the first of them
  /// `⌈b·steps / buckets⌉ + 1`: walking bucket by bucket needs no division a step.
  private static func series(
    of values: [Double], first: Int, stride: Int, steps: Int, buckets: Int
  ) -> Series {
    var series = Series(count: buckets)
    values.withUnsafeBufferPointer { values in
      var index = first
      for bucket in 0..<buckets {
        let end = ((bucket + 1) * steps + buckets - 1) / buckets
        let start = (bucket * steps + buckets - 1) / buckets
        var low = Double.infinity
        var high = -Double.infinity
        var last = 0.0
        for _ in start..<end {
          last = values[index]
          low = min(low, last)
          high = max(high, last)
          index += stride
        }
        series.low[bucket] = low
        series.high[bucket] = high
        series.last[bucket] = last
      }
    }
    return series
  }

  /// The bucket of step `t` when `steps` steps share `buckets` buckets evenly.
  static func bucket(of t: Int, steps: Int, buckets: Int) -> Int {
    guard steps > 0, buckets > 0 else { return 0 }
    let clamped = min(max(t, 1), steps)
    return (clamped - 1) * buckets / steps
  }
}
