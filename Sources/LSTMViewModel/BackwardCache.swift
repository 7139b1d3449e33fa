import LSTMCore

/// The gradients of one sequence for one objective: the LSTM's, the plain-RNN twin's if the
/// lesson has one, and both downsampled for the plot. Computed once, O(T·n²), when the backward
/// view first shows this sequence and objective.
public struct SequenceGradients: Sendable, Equatable {
  /// The sequence, an index into the lesson's sequences.
  public let sequenceIndex: Int
  /// What was differentiated.
  public let objective: Objective
  /// The LSTM's gradients.
  public let lstm: LSTMGradients
  /// The twin's gradients for the same objective, or nil without a twin.
  public let twin: RNNGradients?
  /// `|∂J/∂LTM_t|`, `|∂J/∂STM_t|` and the twin's `|∂J/∂h_t|` over the sequence, downsampled.
  public let history: GradientHistory

  /// Runs backpropagation through time on `run` (and on `twinRun`) for `objective`.
  init(sequenceIndex: Int, objective: Objective, run: SequenceRun, twinRun: RNNRun?) {
    self.sequenceIndex = sequenceIndex
    self.objective = objective
    lstm = run.gradients(of: objective)
    twin = twinRun.flatMap { twinRun in
      objective.fits(hiddenSize: twinRun.model.hiddenSize)
        ? twinRun.gradients(of: objective) : nil
    }
    history = GradientHistory(lstm: lstm, twin: twin)
  }
}

/// One sequence run through the lesson's plain-RNN twin, with its STM downsampled for the RNN
/// view's history. Made the first time a view needs it.
public struct TwinRun: Sendable, Equatable {
  /// The sequence, an index into the lesson's sequences.
  public let sequenceIndex: Int
  /// The run: the twin's STM after every step.
  public let run: RNNRun
  /// Each unit's STM over the sequence, downsampled as `History` does.
  public let stm: [Series]

  /// Runs sequence `sequenceIndex` through `model`.
  init(sequenceIndex: Int, model: RNNModel, sequence: InputSequence) {
    self.sequenceIndex = sequenceIndex
    run = RNNRun(model: model, sequence: sequence)
    let steps = run.count
    let buckets = min(steps, History.bucketCount)
    let n = model.hiddenSize
    let values = run.stmValues
    stm = (0..<n).map { j in
      var series = Series(count: buckets)
      var index = n + j
      for bucket in 0..<buckets {
        let start = (bucket * steps + buckets - 1) / buckets
        let end = ((bucket + 1) * steps + buckets - 1) / buckets
        var (low, high, last) = (Double.infinity, -Double.infinity, 0.0)
        for _ in start..<end {
          last = values[index]
          (low, high) = (min(low, last), max(high, last))
          index += n
        }
        (series.low[bucket], series.high[bucket], series.last[bucket]) = (low, high, last)
      }
      return series
    }
  }
}

/// What the backward and RNN views have computed so far: derived from the lesson, emptied when
/// it changes, filled in the first time a view needs something. It holds the few most recent
/// gradients (each is O(T·n) numbers) and every twin run made.
public struct BackwardCache: Sendable {
  /// The most sets of gradients kept: one for each objective of two sequences.
  static let capacity = 4

  /// The gradients computed, the most recently used first.
  public private(set) var gradients: [SequenceGradients] = []
  /// The twin runs made.
  public private(set) var twinRuns: [TwinRun] = []
  /// How many times backpropagation has been run: what a key press must not add to unless the
  /// sequence, the objective or the model changed.
  public private(set) var passCount = 0

  /// The gradients of sequence `index` for `objective`, if computed.
  public func gradients(sequence index: Int, objective: Objective) -> SequenceGradients? {
    gradients.first { $0.sequenceIndex == index && $0.objective == objective }
  }

  /// The twin run of sequence `index`, if made.
  public func twinRun(sequence index: Int) -> TwinRun? {
    twinRuns.first { $0.sequenceIndex == index }
  }

  /// The twin run of sequence `index`, made now if it was not.
  mutating func makeTwinRun(sequence index: Int, model: RNNModel, sequence: InputSequence)
    -> TwinRun
  {
    if let made = twinRun(sequence: index) { return made }
    let made = TwinRun(sequenceIndex: index, model: model, sequence: sequence)
    twinRuns.append(made)
    return made
  }

  /// Makes sure the gradients of sequence `index` for `objective` are here, computing them if
  /// they are not, and marks them the most recently used.
  mutating func prepareGradients(
    sequence index: Int, objective: Objective, run: SequenceRun, twinRun: RNNRun?
  ) {
    if let found = gradients.firstIndex(where: {
      $0.sequenceIndex == index && $0.objective == objective
    }) {
      if found != 0 { gradients.insert(gradients.remove(at: found), at: 0) }
      return
    }
    let made = SequenceGradients(
      sequenceIndex: index, objective: objective, run: run, twinRun: twinRun)
    passCount += 1
    gradients.insert(made, at: 0)
    if gradients.count > BackwardCache.capacity { gradients.removeLast() }
  }

  /// Keeps `made`, computed by a job, as the most recently used.
  mutating func insert(_ made: SequenceGradients) {
    gradients.removeAll { $0.sequenceIndex == made.sequenceIndex && $0.objective == made.objective }
    passCount += 1
    gradients.insert(made, at: 0)
    if gradients.count > BackwardCache.capacity { gradients.removeLast() }
  }

  /// Keeps `made`, a twin run a job made.
  mutating func insert(_ made: TwinRun) {
    twinRuns.removeAll { $0.sequenceIndex == made.sequenceIndex }
    twinRuns.append(made)
  }

  /// Forgets everything: the lesson changed.
  mutating func removeAll() {
    gradients.removeAll()
    twinRuns.removeAll()
  }

  /// Forgets every gradient, and every twin run that is not of `lesson`'s twin and inputs.
  mutating func removeAll(keepingTwinRunsOf lesson: Lesson) {
    gradients.removeAll()
    twinRuns.removeAll { made in
      !(made.run.model == lesson.rnn && lesson.sequences.indices.contains(made.sequenceIndex)
        && made.run.sequence == lesson.sequences[made.sequenceIndex])
    }
  }
}

extension BackwardCache: Equatable {
  /// Two caches are equal when they hold the same gradients of the same sequences and have run
  /// as many passes. Twin runs are not compared: they are derived from the lesson alone.
  public static func == (lhs: BackwardCache, rhs: BackwardCache) -> Bool {
    lhs.gradients == rhs.gradients && lhs.passCount == rhs.passCount
      && lhs.twinRuns.map(\.sequenceIndex) == rhs.twinRuns.map(\.sequenceIndex)
  }
}
