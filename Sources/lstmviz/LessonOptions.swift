import ArgumentParser
import LSTMCore

/// The options every command shares: which lesson, model and sequences to use.
struct LessonOptions: ParsableArguments {
  @Argument(help: "A lesson JSON file. Without one, the built-in StatQuest lesson.")
  var lesson: String?

  @Option(help: "A model file: a lesson, scalar gates, or a PyTorch state_dict as JSON.")
  var model: String?

  @Option(help: "Sequences: JSON {\"sequences\": [...]} or CSV, one column per sequence.")
  var sequences: String?

  @Option(help: "One sequence of comma-separated inputs, such as \"0,0.5,0.25,1\". Repeatable.")
  var input: [String] = []

  /// The lesson these options describe.
  // TODO(issue 2): load files; until then only the built-in lesson.
  func loadLesson() throws -> Lesson {
    guard lesson == nil, model == nil, sequences == nil, input.isEmpty else {
      throw ValidationError("loading files is not built yet")
    }
    return Lesson.statQuest
  }
}
