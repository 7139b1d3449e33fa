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

  /// Adds `value`, the latest step, to bucket `bucket`.
  mutating func add(_ value: Double, to bucket: Int) {
    low[bucket] = min(low[bucket], value)
    high[bucket] = max(high[bucket], value)
    last[bucket] = value
  }

  /// The lowest and highest value over all buckets, or 0...0 if there are none.
  public var range: ClosedRange<Double> {
    guard let lowest = low.min(), let highest = high.max(), lowest <= highest else { return 0...0 }
    return lowest...highest
  }
}

/// A sequence's input, LTM and STM over all its timesteps, downsampled once when the lesson
/// opens, so that drawing it costs the same for a million steps as for four.
public struct History: Sendable, Equatable {
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

  /// Summarises `run`, walking it once.
  public init(run: SequenceRun) {
    let count = run.count
    let buckets = min(count, History.bucketCount)
    var input = Array(repeating: Series(count: buckets), count: run.model.inputSize)
    var ltm = Array(repeating: Series(count: buckets), count: run.model.hiddenSize)
    var stm = ltm
    for t in stride(from: 1, through: count, by: 1) {
      let bucket = History.bucket(of: t, steps: count, buckets: buckets)
      for (k, value) in run.sequence.input(at: t).enumerated() {
        input[k].add(value, to: bucket)
      }
      for j in 0..<run.model.hiddenSize {
        ltm[j].add(run.ltm(after: t, unit: j), to: bucket)
        stm[j].add(run.stm(after: t, unit: j), to: bucket)
      }
    }
    stepCount = count
    self.buckets = buckets
    self.input = input
    self.ltm = ltm
    self.stm = stm
  }

  /// The bucket that holds timestep `t` (1...T).
  public func bucket(of t: Int) -> Int {
    History.bucket(of: t, steps: stepCount, buckets: buckets)
  }

  /// The buckets drawn in column `column` of `columns` (at most `buckets` columns): consecutive,
  /// never empty, together all of them.
  public func buckets(ofColumn column: Int, columns: Int) -> Range<Int> {
    guard buckets > 0, columns > 0 else { return 0..<0 }
    let first = min(column * buckets / columns, buckets - 1)
    return first..<min(max((column + 1) * buckets / columns, first + 1), buckets)
  }

  /// The column, of `columns`, that draws step `t`.
  public func column(of t: Int, columns: Int) -> Int {
    guard buckets > 0 else { return 0 }
    return bucket(of: t) * columns / buckets
  }

  /// The bucket of step `t` when `steps` steps share `buckets` buckets evenly.
  static func bucket(of t: Int, steps: Int, buckets: Int) -> Int {
    guard steps > 0, buckets > 0 else { return 0 }
    let clamped = min(max(t, 1), steps)
    return (clamped - 1) * buckets / steps
  }
}
