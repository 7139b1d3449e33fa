import Foundation

/// One gate's (or the plain RNN's) weights, or their gradients, in the golden files' shape.
public struct GoldenWeights: Decodable, Sendable {
  /// The STM weights (n×n), row by row.
  public var stmWeight: [[Double]]
  /// The input weights (n×m), row by row.
  public var inputWeight: [[Double]]
  /// The bias (n).
  public var bias: [Double]
}

/// The gradients of the memories before the first step (step 0), in the generated references.
public struct GoldenInitialGradients: Decodable, Sendable {
  /// ∂J/∂LTM_0 (LSTM only).
  public var ltm: [Double]?
  /// ∂J/∂STM_0.
  public var stm: [Double]
  /// The direct-path product from step 0 to the end.
  public var directPath: [Double]
}

/// An LSTM gradient reference (`*.gradients.json`, `*.lstm-gradients.json`): a golden trace
/// plus each step's gradients and each sequence's weight gradients.
public struct GoldenGradients: Decodable, Sendable {
  /// One step's gradients.
  public struct StepGradients: Decodable, Sendable {
    /// ∂J/∂LTM_t, ∂J/∂STM_t (the memories after step t) and ∂J/∂input_t.
    public var ltm, stm, input: [Double]
    /// Each gate's ∂J/∂x by its name (generated references only).
    public var x: [String: [Double]]?
    /// `∏_{k=t+1..T} f_k` (generated references only).
    public var directPath: [Double]?
  }

  /// One timestep: its forward numbers and its gradients.
  public struct Step: Decodable, Sendable {
    /// Every forward number, as in a golden trace.
    public var trace: GoldenTrace.Step
    /// The step's gradients.
    public var gradients: StepGradients

    private enum Keys: String, CodingKey { case gradients }

    /// Reads the trace's fields and `gradients` from the same object.
    public init(from decoder: any Decoder) throws {
      trace = try GoldenTrace.Step(from: decoder)
      gradients = try decoder.container(keyedBy: Keys.self).decode(
        StepGradients.self, forKey: .gradients)
    }
  }

  /// One sequence.
  public struct Sequence: Decodable, Sendable {
    /// The sequence's name.
    public var name: String
    /// The target (generated references only; the StatQuest targets are 0 and 1).
    public var target: [Double]?
    /// The STM after the last step.
    public var prediction: [Double]
    /// The loss, when J is the loss.
    public var loss: Double?
    /// The gradients of the zero memories (generated references only).
    public var initialGradients: GoldenInitialGradients?
    /// Its steps, in order.
    public var steps: [Step]
    /// ∂J/∂ each gate's weights, by gate name.
    public var weightGradients: [String: GoldenWeights]
  }

  /// The model's input size m.
  public var inputSize: Int
  /// The model's hidden size n.
  public var hiddenSize: Int
  /// `prediction unit 1` or `loss`.
  public var gradientOf: String
  /// Each gate's weights by name (generated references only).
  public var model: [String: GoldenWeights]?
  /// Every sequence.
  public var sequences: [Sequence]

  /// Reads the fixture `name`.
  public static func load(_ name: String) throws -> GoldenGradients {
    try JSONDecoder().decode(GoldenGradients.self, from: Data(contentsOf: fixtureURL(name)))
  }
}

/// A plain-RNN gradient reference (`*.rnn-gradients.json`, `*.rnn-loss-gradients.json`).
public struct GoldenRNNGradients: Decodable, Sendable {
  /// One step's gradients.
  public struct StepGradients: Decodable, Sendable {
    /// ∂J/∂STM_t (after step t) and ∂J/∂input_t.
    public var stm, input: [Double]
    /// ∂J/∂x_t (generated references only).
    public var x: [Double]?
    /// `W_stm[j, j]·(1 − STM_t[j]²)` (generated references only).
    public var selfLoopFactor: [Double]?
    /// The product of the self-loop factors after step t (generated references only).
    public var directPath: [Double]?
  }

  /// One timestep.
  public struct Step: Decodable, Sendable {
    /// The timestep, from 1.
    public var t: Int
    /// The input, the STM coming in, the pre-activation and the new STM.
    public var input, stmIn, x, stm: [Double]
    /// The step's gradients.
    public var gradients: StepGradients
  }

  /// One sequence.
  public struct Sequence: Decodable, Sendable {
    /// The sequence's name.
    public var name: String
    /// The target (generated references only).
    public var target: [Double]?
    /// The STM after the last step.
    public var prediction: [Double]
    /// The loss, when J is the loss.
    public var loss: Double?
    /// The gradients of the zero STM (generated references only).
    public var initialGradients: GoldenInitialGradients?
    /// Its steps, in order.
    public var steps: [Step]
    /// ∂J/∂ the weights.
    public var weightGradients: GoldenWeights
  }

  /// The model's input size m.
  public var inputSize: Int
  /// The model's hidden size n.
  public var hiddenSize: Int
  /// `prediction unit 1` or `loss`.
  public var gradientOf: String
  /// The weights (generated references only).
  public var model: GoldenWeights?
  /// Every sequence.
  public var sequences: [Sequence]

  /// Reads the fixture `name`.
  public static func load(_ name: String) throws -> GoldenRNNGradients {
    try JSONDecoder().decode(GoldenRNNGradients.self, from: Data(contentsOf: fixtureURL(name)))
  }
}

/// The StatQuest lesson with its RNN twin (`statquest.lesson.json`), scalar form only.
public struct GoldenScalarLesson: Decodable, Sendable {
  /// Three numbers of one scalar gate or of the twin.
  public struct Weights: Decodable, Sendable {
    /// The STM weight, the input weight and the bias.
    public var stmWeight, inputWeight, bias: Double
  }

  /// A scalar sequence.
  public struct Sequence: Decodable, Sendable {
    /// The name.
    public var name: String
    /// The inputs.
    public var values: [Double]
    /// The target.
    public var target: Double
  }

  /// Each gate by name.
  public var model: [String: Weights]
  /// The plain-RNN twin.
  public var rnn: Weights
  /// The sequences.
  public var sequences: [Sequence]

  /// Reads the fixture `name`.
  public static func load(_ name: String) throws -> GoldenScalarLesson {
    try JSONDecoder().decode(GoldenScalarLesson.self, from: Data(contentsOf: fixtureURL(name)))
  }
}
