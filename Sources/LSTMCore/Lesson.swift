/// A named sequence of inputs, stepped through the cell one timestep at a time.
public struct InputSequence: Sendable, Equatable {
  /// The name shown on screen, such as "Company A".
  public var name: String
  /// The size m of each input.
  public let inputSize: Int
  /// The inputs, timestep after timestep, `inputSize` values each.
  public private(set) var values: [Double]
  /// What the prediction should be, if the lesson says.
  public var target: [Double]?

  /// Makes a sequence from flat values: `values.count` must be a multiple of `inputSize`.
  public init(name: String, inputSize: Int, values: [Double], target: [Double]? = nil) {
    precondition(inputSize >= 1 && values.count % inputSize == 0)
    self.name = name
    self.inputSize = inputSize
    self.values = values
    self.target = target
  }

  /// Makes a sequence of scalar inputs.
  public init(name: String, values: [Double], target: Double? = nil) {
    self.init(name: name, inputSize: 1, values: values, target: target.map { [$0] })
  }

  /// The number of timesteps T.
  public var count: Int { values.count / inputSize }

  /// The input at timestep `t`, counting from 1.
  public func input(at t: Int) -> ArraySlice<Double> {
    values[(t - 1) * inputSize..<t * inputSize]
  }
}

/// What a teacher opens: a title, a model, and the sequences to step through it.
public struct Lesson: Sendable, Equatable {
  /// The title shown at the top of the screen.
  public var title: String
  /// Optional teaching text.
  public var description: String?
  /// The cell's weights.
  public var model: LSTMModel
  /// The sequences, at least one, each at least one step long.
  public var sequences: [InputSequence]
  /// The plain-RNN twin the LSTM is compared with, if the lesson has one: it reads the same
  /// inputs (its input size is the model's) and has the model's hidden size.
  public var rnn: RNNModel?
  /// How PyTorch held the model, when it came from a state_dict: its names and its two biases.
  /// Nil for the scalar teaching form and for a model made in code.
  public var modelLayout: TorchLayout?
  /// How PyTorch held the twin, when it came from an `nn.RNN` state_dict.
  public var rnnLayout: TorchLayout?

  /// Makes a lesson.
  public init(
    title: String, description: String? = nil, model: LSTMModel, sequences: [InputSequence],
    rnn: RNNModel? = nil, modelLayout: TorchLayout? = nil, rnnLayout: TorchLayout? = nil
  ) {
    self.title = title
    self.description = description
    self.model = model
    self.sequences = sequences
    self.rnn = rnn
    self.modelLayout = modelLayout
    self.rnnLayout = rnnLayout
  }
}
