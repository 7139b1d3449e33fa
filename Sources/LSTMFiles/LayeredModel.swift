import LSTMCore

/// The model a lesson shows, with the layers of a stacked LSTM that feed it.
///
/// Layer N of a PyTorch `nn.LSTM(num_layers > 1)` takes layer N-1's STM as its input, not the
/// user's. To show layer N on the user's sequences, each sequence runs through layers 0…N-1
/// first (the same cell), and layer N is shown with layer N-1's STM as its inputs.
struct LayeredModel: Sendable {
  /// Layers 0…N-1, which turn the user's inputs into the shown layer's (empty for layer 0).
  var lower: [LSTMModel] = []
  /// The layer shown, N.
  var shown: LSTMModel
  /// N.
  var layer = 0
  /// How many layers the state_dict holds (1 for the scalar form).
  var layerCount = 1
  /// Modules of the state_dict other than the LSTM (`fc`), left out.
  var ignoredModules: [String] = []

  /// Layer 0, which takes the user's inputs.
  var inputModel: LSTMModel { lower.first ?? shown }
  /// The size of the user's inputs: layer 0's input size.
  var inputSize: Int { inputModel.inputSize }

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

  /// `sequence` as the shown layer sees it: for layer N > 0, layer N-1's STM at each step after
  /// running through layers 0…N-1, or where that overflowed, the layer, step and what.
  func shownInputs(
    of sequence: InputSequence
  ) -> Result<InputSequence, LowerLayerOverflow> {
    var current = sequence
    for (k, model) in lower.enumerated() {
      var stm: [Double] = []
      stm.reserveCapacity(current.count * model.hiddenSize)
      var trace = StepTrace(t: 0, inputSize: model.inputSize, hiddenSize: model.hiddenSize)
      for t in stride(from: 1, through: current.count, by: 1) {
        model.advance(&trace, input: current.input(at: t))
        if let problem = Lesson.firstNonFinite(in: trace) {
          return .failure(LowerLayerOverflow(layer: k, t: t, problem: problem))
        }
        stm.append(contentsOf: trace.stm)
      }
      current = InputSequence(
        name: sequence.name, inputSize: model.hiddenSize, values: stm, target: sequence.target)
    }
    return .success(current)
  }
}

/// A lower layer of a stack that overflowed on a sequence.
struct LowerLayerOverflow: Error {
  /// The layer, from 0.
  var layer: Int
  /// The step, from 1.
  var t: Int
  /// What is not finite, in words.
  var problem: String
}

extension Lesson {
  /// `sequences` as `model`'s shown layer sees them (see `LayeredModel.shownInputs`).
  ///
  /// - Parameter blame: for sequence k, the file and words to name if a lower layer overflows.
  static func shownSequences(
    _ sequences: [InputSequence], model: LayeredModel, blame: (Int) -> OverflowBlame
  ) throws(LessonError) -> [InputSequence] {
    guard !model.lower.isEmpty else { return sequences }
    var shown: [InputSequence] = []
    shown.reserveCapacity(sequences.count)
    for (k, sequence) in sequences.enumerated() {
      switch model.shownInputs(of: sequence) {
      case .success(let inputs): shown.append(inputs)
      case .failure(let overflow):
        let site = blame(k)
        throw LessonError(
          file: site.file, location: "\(site.sequence), t = \(overflow.t)",
          message: "in layer \(overflow.layer), \(overflow.problem); the weights or inputs are "
            + "too large")
      }
    }
    return shown
  }
}
