import LSTMCore

// Which gates each stage of stage mode reveals: the one gate → stage mapping.

extension Gate {
  /// The stage that reveals this gate: the input stage holds the input gate and its potential
  /// LTM.
  package var stage: Stage {
    switch self {
    case .forget: .forget
    case .input, .candidate: .input
    case .output: .output
    }
  }

  /// The gates in the order the seed computes them: the potential LTM (g) before the % of it
  /// retained (i).
  package static let seedOrder: [Gate] = [.forget, .candidate, .input, .output]
}

extension Stage {
  /// The gates this stage reveals, in the order the seed computes them.
  package var gates: [Gate] { Stage.gatesByStage[rawValue] }

  /// `gates` of each stage, by raw value, made once from `Gate.stage`.
  private static let gatesByStage: [[Gate]] = allCases.map { stage in
    Gate.seedOrder.filter { $0.stage == stage }
  }
}
