/// A series over the steps of a sequence, downsampled into `buckets` consecutive buckets of
/// steps: where a step falls, and which buckets a plot column draws. `History` and
/// `GradientHistory` are two.
public protocol StepBuckets {
  /// T, the steps of the sequence.
  var stepCount: Int { get }
  /// How many buckets the steps share (at most `History.bucketCount`).
  var buckets: Int { get }
}

extension StepBuckets {
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
}
