extension Lesson {
  /// The StatQuest stock example: the lesson lstmviz opens with when given none.
  ///
  /// The weights are those shown in StatQuest's "Long Short-Term Memory (LSTM), Clearly
  /// Explained"; the same lesson ships as `Samples/statquest.json`.
  public static let statQuest: Lesson = {
    let gates = PerGate(
      forget: GateWeights(stmWeight: 2.70, inputWeight: 1.63, bias: 1.62),
      input: GateWeights(stmWeight: 2.00, inputWeight: 1.65, bias: 0.62),
      candidate: GateWeights(stmWeight: 1.41, inputWeight: 0.94, bias: -0.32),
      output: GateWeights(stmWeight: 4.38, inputWeight: -0.19, bias: 0.59))
    // The sizes are right by construction, so this cannot fail.
    guard let model = try? LSTMModel(scalar: gates) else {
      preconditionFailure("the built-in StatQuest model has the wrong shape")
    }
    return Lesson(
      title: "StatQuest stock example (weights as shown in the video)",
      description:
        "Two companies' stock prices over four days. The cell should predict day 5: 0 for Company A, 1 for Company B.",
      model: model,
      sequences: [
        InputSequence(name: "Company A", values: [0, 0.5, 0.25, 1], target: 0),
        InputSequence(name: "Company B", values: [1, 0.5, 0.25, 1], target: 1),
      ])
  }()
}
