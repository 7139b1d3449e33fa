import LSTMCore

/// Where a lesson's plain-RNN twin comes from (`--rnn`).
public enum TwinSource: Sendable, Equatable {
  /// The lesson's own `rnn` (the built-in lesson's when no lesson file is given), kept while it
  /// fits the model shown: a `--model` of other sizes leaves it out.
  case lesson
  /// The twin in this file, which replaces the lesson's: the scalar form, an `nn.RNN`
  /// state_dict, or a lesson whose `rnn` is taken. It must fit the model.
  case file(String)
  /// No twin (`--rnn none`).
  case none

  /// Reads a `--rnn` argument: `none`, or a file.
  public init(argument: String) {
    self = argument == "none" ? .none : .file(argument)
  }
}

extension Lesson {
  /// The built-in lesson's twin, as a draft that `--model` may leave out.
  static var builtInTwin: RNNDraft? {
    statQuest.rnn.map {
      RNNDraft(
        model: $0, layout: nil, file: nil, location: "the built-in twin",
        inputLocation: "the built-in twin", hiddenLocation: "the built-in twin")
    }
  }

  /// The twin `source` gives this lesson, checked against its model and run over its sequences
  /// to find any step that overflows.
  ///
  /// - Parameters:
  ///   - lessonTwin: the twin of the lesson file (or of the built-in lesson), kept for
  ///     `.lesson` when it fits and left out when it does not.
  ///   - modelSource: where the model came from, for messages.
  func twin(
    _ source: TwinSource, lessonTwin: RNNDraft?, modelSource: String,
    read: (String) throws(LessonError) -> [UInt8]
  ) throws(LessonError) -> (model: RNNModel, layout: TorchLayout?)? {
    let draft: RNNDraft
    switch source {
    case .none: return nil
    case .lesson:
      guard let lessonTwin,
        lessonTwin.model.inputSize == model.inputSize,
        lessonTwin.model.hiddenSize == model.hiddenSize
      else { return nil }
      draft = lessonTwin
    case .file(let path):
      draft = try RNNDecoding.twinFile(try read(path), file: path)
    }
    let twin = try draft.resolved(for: model, modelSource: modelSource)
    try draft.checkFinite(on: sequences)
    return (twin, draft.layout)
  }
}
