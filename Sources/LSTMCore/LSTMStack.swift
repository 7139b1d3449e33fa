/// A stack of LSTM layers, each taking the one below's STM as its input, and the layer shown.
///
/// Layer N of a PyTorch `nn.LSTM(num_layers > 1)` takes layer N-1's STM as its input, not the
/// user's. To show layer N on the user's sequences, each sequence runs through layers 0…N-1
/// first (the same cell), and layer N is shown with layer N-1's STM as its inputs.
package struct LSTMStack: Sendable, Equatable {
  /// Layers 0…N-1, which turn the user's inputs into the shown layer's (empty for layer 0).
  package var lower: [LSTMModel]
  /// The layer shown, N.
  package var shown: LSTMModel

  /// Makes a stack of `lower` with `shown` on top.
  package init(lower: [LSTMModel] = [], shown: LSTMModel) {
    self.lower = lower
    self.shown = shown
  }

  /// N: the shown layer's number, from 0.
  package var layer: Int { lower.count }
  /// Layer 0, which takes the user's inputs.
  package var inputModel: LSTMModel { lower.first ?? shown }
  /// The size of the user's inputs: layer 0's input size.
  package var inputSize: Int { inputModel.inputSize }

  /// `sequence` as the shown layer sees it: for layer N > 0, layer N-1's STM at each step after
  /// running through layers 0…N-1, or where that overflowed, the layer, step and what.
  package func shownInputs(of sequence: InputSequence) -> Result<InputSequence, LayerOverflow> {
    var current = sequence
    for (k, model) in lower.enumerated() {
      var stm: [Double] = []
      stm.reserveCapacity(current.count * model.hiddenSize)
      do {
        try model.forEachStep(of: current) { (step) throws(StepOverflow) in
          if let value = step.firstNonFinite { throw StepOverflow(t: step.t, value: value) }
          stm.append(contentsOf: step.stm)
        }
      } catch {
        return .failure(LayerOverflow(layer: k, step: error))
      }
      current = InputSequence(
        name: sequence.name, inputSize: model.hiddenSize, values: stm, target: sequence.target)
    }
    return .success(current)
  }
}

/// A lower layer of a stack that overflowed on a sequence.
package struct LayerOverflow: Error, Sendable, Equatable {
  /// The layer, from 0.
  package var layer: Int
  /// The step, and what is not finite.
  package var step: StepOverflow

  /// Makes an overflow of layer `layer`.
  package init(layer: Int, step: StepOverflow) {
    self.layer = layer
    self.step = step
  }
}
