/// The four blocks of an LSTM cell, in the order the seed walks through them.
public enum Gate: String, CaseIterable, Sendable, Equatable, Hashable {
  /// The forget gate, `f`: σ(x_f) is the % of LTM to remember.
  case forget
  /// The input gate, `i`: σ(x_i) is the % of the potential LTM retained.
  case input
  /// Not a gate of its own but the input gate's potential LTM, `g` (c̃, the candidate):
  /// tanh(x_g), which `.input` scales before it is added to the LTM.
  case candidate
  /// The output gate, `o`: σ(x_o) is the % of the potential STM retained.
  case output

  /// The activation that turns this gate's x into its value.
  public var activation: Activation {
    self == .candidate ? .tanh : .sigmoid
  }

  /// The order of the gate blocks in PyTorch's `weight_ih_l0`: i, f, g, o.
  public static let pytorchOrder: [Gate] = [.input, .forget, .candidate, .output]
}

/// One value for each gate, addressed by name or by `Gate`.
public struct PerGate<Value> {
  /// The forget gate's value.
  public var forget: Value
  /// The input gate's value, `i`: the "% of potential retained".
  public var input: Value
  /// The potential LTM's value, `g` (c̃): what the input gate offers the LTM (see
  /// `Gate.candidate`).
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
