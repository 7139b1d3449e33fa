import LSTMCore

/// The model a lesson shows: a stack of layers (see `LSTMStack`), and what its file held
/// besides, for the title.
struct LayeredModel: Sendable {
  /// The layers: those that feed the shown one, and the shown one.
  var stack: LSTMStack
  /// How many layers the file holds (1 for the scalar form).
  var layerCount = 1
  /// Modules of the state_dict other than the LSTM (`fc`), left out.
  var ignoredModules: [String] = []
  /// How PyTorch held the shown layer (its names and two biases); nil for the scalar form.
  var layout: TorchLayout?

  /// Makes a model of the layers `lower` below `shown`.
  init(
    lower: [LSTMModel] = [], shown: LSTMModel, layerCount: Int = 1, ignoredModules: [String] = [],
    layout: TorchLayout? = nil
  ) {
    stack = LSTMStack(lower: lower, shown: shown)
    self.layerCount = layerCount
    self.ignoredModules = ignoredModules
    self.layout = layout
  }

  /// The layer shown, N.
  var shown: LSTMModel { stack.shown }
  /// N.
  var layer: Int { stack.layer }
  /// Layer 0, which takes the user's inputs.
  var inputModel: LSTMModel { stack.inputModel }
  /// The size of the user's inputs: layer 0's input size.
  var inputSize: Int { stack.inputSize }

  /// What the title adds so that a class knows what it sees, such as ` · layer 1 of 2`; nil
  /// for a model that is the whole of its file.
  var titleNote: String? {
    guard layerCount > 1 || !ignoredModules.isEmpty else { return nil }
    var note = " · layer \(layer) of \(layerCount)"
    if layer > 0 { note += " (its inputs are layer \(layer - 1)'s STM)" }
    if !ignoredModules.isEmpty {
      note += " · " + ignoredModules.map { "\($0).*" }.joined(separator: ", ") + " ignored"
    }
    return note
  }
}

extension Lesson {
  /// `sequences` as `model`'s shown layer sees them (see `LSTMStack.shownInputs`).
  ///
  /// - Parameter blame: for sequence k, the file and words to name if a lower layer overflows.
  static func shownSequences(
    _ sequences: [InputSequence], model: LayeredModel, blame: (Int) -> OverflowBlame
  ) throws(LessonError) -> [InputSequence] {
    guard !model.stack.lower.isEmpty else { return sequences }
    var shown: [InputSequence] = []
    shown.reserveCapacity(sequences.count)
    for (k, sequence) in sequences.enumerated() {
      switch model.stack.shownInputs(of: sequence) {
      case .success(let inputs): shown.append(inputs)
      case .failure(let overflow):
        let site = blame(k)
        throw LessonError(
          file: site.file, location: "\(site.sequence), t = \(overflow.step.t)",
          message: "in layer \(overflow.layer), \(overflow.step.value.words); the weights or "
            + "inputs are too large")
      }
    }
    return shown
  }
}
