import LSTMCore
import LSTMFiles

@testable import LSTMViewModel

/// `state` after `actions`, in order.
func applying(_ actions: [Action], to state: State) -> State {
  var state = state
  for action in actions { reduce(&state, action) }
  return state
}

/// The StatQuest lesson (with its twin) opened at 80×24, in edit mode.
func editing(_ lesson: Lesson = .statQuest, width: Int = 80, height: Int = 24) -> State {
  applying([.edit(.toggle)], to: State(lesson: lesson, width: width, height: height))
}

/// The actions of typing `text` into the open prompt.
func typing(_ text: String) -> [Action] {
  text.map { .edit(.type($0)) }
}

/// The actions that type `value` as the number under the cursor and commit it.
func typingValue(_ value: String) -> [Action] {
  [.edit(.openPrompt)] + typing(value) + [.edit(.commit)]
}

/// The StatQuest lesson with one number changed, as a lesson file would carry it.
func statQuest(with target: EditTarget, _ value: Double) throws -> Lesson {
  var lesson = Lesson.statQuest
  switch target {
  case .gate(let gate, let part, let row, let column):
    try lesson.model.setWeight(value, gate: gate, part: part, row: row, column: column)
  case .twin(let part, let row, let column):
    try lesson.rnn?.setWeight(value, part: part, row: row, column: column)
  case .input(let index, let t, let component):
    var values = lesson.sequences[index].values
    values[(t - 1) * lesson.sequences[index].inputSize + component] = value
    let sequence = lesson.sequences[index]
    lesson.sequences[index] = InputSequence(
      name: sequence.name, inputSize: sequence.inputSize, values: values, target: sequence.target)
  }
  return lesson
}

/// A cell of hidden size 3 and input size 2 whose every weight differs, with a twin.
func vectorLesson() throws -> Lesson {
  let model = try LSTMModel(
    inputSize: 2, hiddenSize: 3,
    gates: PerGate { gate in
      let g = Double(Gate.allCases.firstIndex(of: gate) ?? 0)
      return GateWeights(
        stmWeights: Matrix(rows: 3, columns: 3, storage: (0..<9).map { 0.1 * Double($0) - g }),
        inputWeights: Matrix(rows: 3, columns: 2, storage: (0..<6).map { 0.2 * Double($0) + g }),
        bias: [0.1 * g, -0.2, 0.3])
    })
  let twin = try RNNModel(
    inputSize: 2, hiddenSize: 3,
    weights: GateWeights(
      stmWeights: Matrix(rows: 3, columns: 3, storage: (0..<9).map { 0.05 * Double($0) }),
      inputWeights: Matrix(rows: 3, columns: 2, storage: [1, 0, 0, 1, 0.5, 0.5]),
      bias: [0, 0.1, -0.1]))
  return Lesson(
    title: "vector", model: model,
    sequences: [InputSequence(name: "w", inputSize: 2, values: [0, 1, 0.5, 0.9, 1, 0.1])],
    rnn: twin)
}

/// A scalar StatQuest lesson on one sequence of `steps` steps (inputs cycling 0, 0.5, 0.25, 1).
func longLesson(steps: Int) -> Lesson {
  let cycle = [0, 0.5, 0.25, 1.0]
  return Lesson(
    title: "long", model: Lesson.statQuest.model,
    sequences: [
      InputSequence(name: "long", values: (0..<steps).map { cycle[$0 % 4] }, target: 1)
    ], rnn: Lesson.statQuest.rnn)
}
