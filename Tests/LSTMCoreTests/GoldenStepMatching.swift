import GoldenFixtures
import Testing

@testable import LSTMCore

/// Expects every forward number of `step` within 1e-9 of the golden step. (LSTMFilesTests has
/// its own; a test target cannot see another's helpers.)
func expectMatches(
  _ step: StepTrace, _ golden: GoldenTrace.Step, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(step.t == golden.t, sourceLocation: sourceLocation)
  expectNear(step.input, golden.input, "input", sourceLocation: sourceLocation)
  expectNear(step.stmIn, golden.stmIn, "stmIn", sourceLocation: sourceLocation)
  expectNear(step.ltmIn, golden.ltmIn, "ltmIn", sourceLocation: sourceLocation)
  for gate in Gate.allCases {
    let expected = golden.gates[gate.rawValue]
    #expect(expected != nil, "golden has \(gate)", sourceLocation: sourceLocation)
    guard let expected else { continue }
    expectNear(step.gates[gate].x, expected.x, "\(gate).x", sourceLocation: sourceLocation)
    expectNear(
      step.gates[gate].value, expected.value, "\(gate).value", sourceLocation: sourceLocation)
  }
  expectNear(
    step.ltmRemembered, golden.ltmRemembered, "ltmRemembered", sourceLocation: sourceLocation)
  expectNear(step.ltmAdded, golden.ltmAdded, "ltmAdded", sourceLocation: sourceLocation)
  expectNear(step.ltm, golden.ltm, "ltm", sourceLocation: sourceLocation)
  expectNear(
    step.stmPotential, golden.stmPotential, "stmPotential", sourceLocation: sourceLocation)
  expectNear(step.stm, golden.stm, "stm", sourceLocation: sourceLocation)
}
