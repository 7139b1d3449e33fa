import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

@Suite struct HistoryTests {
  @Test func aShortSequenceKeepsEveryStep() throws {
    let run = SequenceRun(model: Lesson.statQuest.model, sequence: Lesson.statQuest.sequences[0])
    let history = History(run: run)
    #expect(history.buckets == 4)
    #expect(history.input[0].last == [0, 0.5, 0.25, 1])
    #expect(history.ltm[0].last == (1...4).map { run.ltm(after: $0, unit: 0) })
    #expect(history.stm[0].last == (1...4).map { run.stm(after: $0, unit: 0) })
    #expect((1...4).map { history.bucket(of: $0) } == [0, 1, 2, 3])
  }

  @Test func aLongSequenceIsDownsampledToAFixedSize() {
    let values = (0..<1_000_000).map { Double($0 % 7) / 7 }
    let sequence = InputSequence(name: "long", values: values)
    let run = SequenceRun(model: Lesson.statQuest.model, sequence: sequence)
    let history = History(run: run)
    #expect(history.buckets == History.bucketCount)
    #expect(history.input[0].low.count == History.bucketCount)
    #expect(history.input[0].range == 0...(6.0 / 7))
    #expect(history.bucket(of: 1) == 0)
    #expect(history.bucket(of: 1_000_000) == History.bucketCount - 1)
    #expect(history.ltm[0].last.last == run.ltm(after: 1_000_000, unit: 0))
  }

  /// Walking bucket by bucket gives what adding every step to the bucket it falls in gives.
  @Test func everyStepLandsInItsBucket() throws {
    let gates = PerGate { gate in
      GateWeights(
        stmWeights: Matrix([[0.1, 0, -0.4], [0, 0.2, 0], [0.3, 0, 0.3]]),
        inputWeights: Matrix([[1, -1], [2, 0.5], [-3, 1]]),
        bias: [0, 0.1, gate == .forget ? 1 : -0.2])
    }
    let model = try LSTMModel(inputSize: 2, hiddenSize: 3, gates: gates)
    for count in [1, 2, 5, 239, 240, 241, 1000, 12_345] {
      let values = (0..<count * 2).map { Double(($0 * 37) % 101) / 50 - 1 }
      let sequence = InputSequence(name: "s", inputSize: 2, values: values)
      let run = SequenceRun(model: model, sequence: sequence)
      let history = History(run: run)
      var input = Array(repeating: Series(count: history.buckets), count: 2)
      var ltm = Array(repeating: Series(count: history.buckets), count: 3)
      for t in 1...count {
        let bucket = history.bucket(of: t)
        for k in 0..<2 { input[k].add(values[(t - 1) * 2 + k], to: bucket) }
        for j in 0..<3 { ltm[j].add(run.ltm(after: t, unit: j), to: bucket) }
      }
      #expect(history.input == input, "\(count) steps")
      #expect(history.ltm == ltm, "\(count) steps")
    }
  }

  @Test func columnsShareTheBucketsWithoutGapsOrOverlaps() {
    for count in [1, 3, 4, 17, 240, 1000] {
      let sequence = InputSequence(name: "s", values: (0..<count).map { Double($0) })
      let history = History(run: SequenceRun(model: Lesson.statQuest.model, sequence: sequence))
      for columns in [1, 2, 5, 40, history.buckets] where columns <= history.buckets {
        let ranges = (0..<columns).map { history.buckets(ofColumn: $0, columns: columns) }
        #expect(ranges.allSatisfy { !$0.isEmpty }, "\(count) steps, \(columns) columns")
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == history.buckets)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(history.column(of: count, columns: columns) == columns - 1)
        #expect(history.column(of: 1, columns: columns) == 0)
      }
    }
  }
}

extension Series {
  /// Adds `value`, the latest step, to bucket `bucket`: the plain way to build a series.
  fileprivate mutating func add(_ value: Double, to bucket: Int) {
    low[bucket] = min(low[bucket], value)
    high[bucket] = max(high[bucket], value)
    last[bucket] = value
  }
}
