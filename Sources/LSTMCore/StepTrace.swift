/// The two memories carried from one timestep to the next.
public struct Memories: Sendable, Equatable {
  /// The short-term memory (STM, the hidden state h), n values.
  public var stm: [Double]
  /// The long-term memory (LTM, the cell state c), n values.
  public var ltm: [Double]

  /// Makes memories from their values.
  public init(stm: [Double], ltm: [Double]) {
    self.stm = stm
    self.ltm = ltm
  }

  /// Both memories at 0, as at the start of every sequence.
  public static func zero(hiddenSize: Int) -> Memories {
    Memories(
      stm: Array(repeating: 0, count: hiddenSize), ltm: Array(repeating: 0, count: hiddenSize))
  }
}

/// One gate at one timestep: its pre-activation x and the value its activation made of it.
public struct GateActivity: Sendable, Equatable {
  /// The pre-activation `x = STM·w + input·w + b`, one per unit.
  public var x: [Double]
  /// `σ(x)` or `tanh(x)`, one per unit.
  public var value: [Double]

  /// Makes a gate's activity from its values.
  public init(x: [Double], value: [Double]) {
    self.x = x
    self.value = value
  }
}

/// Every number of one timestep of the cell, in the order the seed computes them.
public struct StepTrace: Sendable, Equatable {
  /// The timestep, counting from 1.
  public var t: Int
  /// The input value(s), m of them.
  public var input: [Double]
  /// The STM coming in (h at t-1).
  public var stmIn: [Double]
  /// The LTM coming in (c at t-1).
  public var ltmIn: [Double]
  /// Each gate's x and value.
  public var gates: PerGate<GateActivity>
  /// The remembered LTM: `σ(x_f) · LTM`.
  public var ltmRemembered: [Double]
  /// The added LTM: `σ(x_i) · tanh(x_g)`.
  public var ltmAdded: [Double]
  /// The new LTM: remembered + added.
  public var ltm: [Double]
  /// The potential STM: `tanh(new LTM)`.
  public var stmPotential: [Double]
  /// The new STM: `σ(x_o) · potential STM`.
  public var stm: [Double]

  /// Makes a trace of the right sizes, all zero, for timestep `t`.
  public init(t: Int, inputSize: Int, hiddenSize: Int) {
    let zeros = Array(repeating: 0.0, count: hiddenSize)
    self.t = t
    input = Array(repeating: 0, count: inputSize)
    stmIn = zeros
    ltmIn = zeros
    gates = PerGate { _ in GateActivity(x: zeros, value: zeros) }
    ltmRemembered = zeros
    ltmAdded = zeros
    ltm = zeros
    stmPotential = zeros
    stm = zeros
  }

  /// The memories this step leaves for the next.
  public var memoriesOut: Memories { Memories(stm: stm, ltm: ltm) }
  /// The memories this step started from.
  public var memoriesIn: Memories { Memories(stm: stmIn, ltm: ltmIn) }
}
