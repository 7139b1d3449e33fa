import LSTMCore

// The words and symbols the screen and the trace writers show for the cell's parts: display
// text, kept out of LSTMCore.

extension Gate {
  /// The standard symbol: f, i, g or o.
  package var symbol: String {
    switch self {
    case .forget: "f"
    case .input: "i"
    case .candidate: "g"
    case .output: "o"
    }
  }

  /// What the seed calls this gate's value.
  package var meaning: String {
    switch self {
    case .forget: "% of LTM to remember"
    case .input: "% of potential retained"
    case .candidate: "potential LTM"
    case .output: "% of potential STM retained"
    }
  }
}

extension Activation {
  /// The symbol shown on screen: `σ` or `tanh`.
  package var symbol: String {
    switch self {
    case .sigmoid: "σ"
    case .tanh: "tanh"
    }
  }
}
