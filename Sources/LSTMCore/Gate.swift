/// The four blocks of an LSTM cell, in the order the seed walks through them.
public enum Gate: String, CaseIterable, Sendable, Equatable, Hashable {
  /// Forget gate, `f`: the % of LTM to remember.
  case forget
  /// Input gate, `i`: the % of potential LTM retained.
  case input
  /// Input gate, `g` (c̃): the potential LTM.
  case candidate
  /// Output gate, `o`: the % of potential STM retained.
  case output

  /// The activation that turns this gate's x into its value.
  public var activation: Activation {
    self == .candidate ? .tanh : .sigmoid
  }

  /// The standard symbol: f, i, g or o.
  public var symbol: String {
    switch self {
    case .forget: "f"
    case .input: "i"
    case .candidate: "g"
    case .output: "o"
    }
  }

  /// What the seed calls this gate's value.
  public var meaning: String {
    switch self {
    case .forget: "% of LTM to remember"
    case .input: "% of potential retained"
    case .candidate: "potential LTM"
    case .output: "% of potential STM retained"
    }
  }

  /// The order of the gate blocks in PyTorch's `weight_ih_l0`: i, f, g, o.
  public static let pytorchOrder: [Gate] = [.input, .forget, .candidate, .output]
}

/// One value for each gate, addressed by name or by `Gate`.
public struct PerGate<Value> {
  /// The forget gate's value.
  public var forget: Value
  /// The input gate's "% of potential retained" value.
  public var input: Value
  /// The input gate's "potential LTM" value.
  public var candidate: Value
  /// The output gate's value.
  public var output: Value

  /// Makes the four values.
  public init(forget: Value, input: Value, candidate: Value, output: Value) {
    self.forget = forget
    self.input = input
    self.candidate = candidate
    self.output = output
  }

  /// Makes the four values from a function of the gate.
  public init(_ make: (Gate) throws -> Value) rethrows {
    self.init(
      forget: try make(.forget), input: try make(.input), candidate: try make(.candidate),
      output: try make(.output))
  }

  /// The value of one gate.
  public subscript(gate: Gate) -> Value {
    get {
      switch gate {
      case .forget: forget
      case .input: input
      case .candidate: candidate
      case .output: output
      }
    }
    // Yields the stored value in place, so that `gates[gate].x[j] = v` writes into the existing
    // array instead of copying it (a get/set pair would copy it on every write).
    _modify {
      switch gate {
      case .forget: yield &forget
      case .input: yield &input
      case .candidate: yield &candidate
      case .output: yield &output
      }
    }
  }

  /// Applies `transform` to each gate's value.
  public func map<T>(_ transform: (Gate, Value) throws -> T) rethrows -> PerGate<T> {
    try PerGate<T> { gate in try transform(gate, self[gate]) }
  }
}

extension PerGate: Equatable where Value: Equatable {}
extension PerGate: Sendable where Value: Sendable {}
