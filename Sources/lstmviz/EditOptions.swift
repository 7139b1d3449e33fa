import ArgumentParser
import Foundation
import LSTMCore
import LSTMFiles
import LSTMScreen
import LSTMTerminal
import LSTMViewModel

/// `--compare`, and where edit mode saves: shared by `render` and the interactive program.
struct EditOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Show this lesson's numbers beside the lesson's, dimmed, and its run as a ghost in the "
        + "history.",
      discussion: "It must run the same sequences (--sequences and --input apply to it too) "
        + "through a cell of the same sizes.",
      valueName: "lesson.json"))
  var compare: String?

  /// The lesson given with `--compare`, checked against `lesson`, and its name; nil without
  /// the option.
  ///
  /// - Throws: `LessonError` for a file that cannot be read, or whose sequences or cell differ.
  func comparison(to lesson: Lesson, options: LessonOptions) throws -> (Lesson, String)? {
    guard let compare else { return nil }
    let sources = LessonSources(
      lesson: compare, sequences: options.sequences, inputs: options.input)
    let other = try Lesson.load(sources, read: InputFile.read)
    try lesson.checkComparable(other, file: compare)
    return (other, (compare as NSString).lastPathComponent)
  }

  /// Where `w` saves by default: `NAME-edited.json` in the current folder, NAME the lesson's
  /// file (or the model's) without its extension, `statquest` for the built-in lesson.
  static func defaultSavePath(_ options: LessonOptions) -> String {
    let file = options.lesson ?? options.model
    let name =
      file.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
      ?? "statquest"
    return (name.isEmpty ? "lesson" : name) + "-edited.json"
  }
}

/// Saves an edited lesson as lesson JSON (`LessonEncoding`), written whole or not at all
/// (`WholeFile`).
struct LessonFileSaver: LessonSaver {
  func save(_ lesson: Lesson, to path: String, overwrite: Bool) -> SaveOutcome {
    switch WholeFile.write(LessonEncoding.json(for: lesson), to: path, overwrite: overwrite) {
    case .written: .saved(path: path)
    case .exists: .exists(path: path)
    case .failed(let reason): .failed(path: path, reason: reason)
    }
  }
}
