import LSTMCore
import Testing

/// Expects `actual` to be `expected`, number by number, within 1e-9.
public func expectClose(
  _ actual: [Double], _ expected: [Double], _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(what) size", sourceLocation: sourceLocation)
  for (a, e) in zip(actual, expected) {
    #expect(abs(a - e) <= 1e-9, "\(what): \(a) vs \(e)", sourceLocation: sourceLocation)
  }
}

/// Expects every number of `step` to be the golden step's, within 1e-9.
public func expectMatches(
  _ step: StepTrace, _ golden: GoldenTrace.Step, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(step.t == golden.t, sourceLocation: sourceLocation)
  expectClose(step.input, golden.input, "input", sourceLocation: sourceLocation)
  expectClose(step.stmIn, golden.stmIn, "stmIn", sourceLocation: sourceLocation)
  expectClose(step.ltmIn, golden.ltmIn, "ltmIn", sourceLocation: sourceLocation)
  for gate in Gate.allCases {
    let expected = golden.gates[gate.rawValue]
    #expect(expected != nil, "golden has \(gate)", sourceLocation: sourceLocation)
    guard let expected else { continue }
    expectClose(step.gates[gate].x, expected.x, "\(gate).x", sourceLocation: sourceLocation)
    expectClose(
      step.gates[gate].value, expected.value, "\(gate).value", sourceLocation: sourceLocation)
  }
  expectClose(
    step.ltmRemembered, golden.ltmRemembered, "ltmRemembered", sourceLocation: sourceLocation)
  expectClose(step.ltmAdded, golden.ltmAdded, "ltmAdded", sourceLocation: sourceLocation)
  expectClose(step.ltm, golden.ltm, "ltm", sourceLocation: sourceLocation)
  expectClose(
    step.stmPotential, golden.stmPotential, "stmPotential", sourceLocation: sourceLocation)
  expectClose(step.stm, golden.stm, "stm", sourceLocation: sourceLocation)
}
