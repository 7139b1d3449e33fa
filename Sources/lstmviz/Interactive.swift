import ArgumentParser
import Foundation
import LSTMScreen
import LSTMTerminal
import LSTMViewModel

/// `lstmviz [LESSON]`, the default command: the lesson on the terminal, stepped with the keys.
struct Interactive: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Step through a lesson in the terminal (the default command).",
    discussion: """
      \(keys) A non-empty NO_COLOR, or --no-color, turns colour off.
      Without a terminal, use `lstmviz render` (frames as text) or `lstmviz trace` (the numbers).
      """
  )

  /// The keys of the interactive program, in one paragraph for `--help`: from `KeyMap.bindings`
  /// and `KeyMap.editBindings`.
  static let keys =
    KeyMap.bindings.summary() + " "
    + KeyMap.editBindings.summary(title: "In edit mode (e; the arrows move its cursor, h l step)")

  @OptionGroup var lessonOptions: LessonOptions

  @OptionGroup var precision: PrecisionOption

  @OptionGroup var plotOptions: PlotOptions

  @OptionGroup var themeOption: ThemeOption

  @Flag(help: "No colour, even where the terminal has it (as does a non-empty NO_COLOR).")
  var noColor = false

  @OptionGroup var recordingOptions: RecordingOptions

  @OptionGroup var editOptions: EditOptions

  func run() throws {
    // The lesson and the recording files are opened first, so that bad input leaves the
    // terminal untouched.
    let lesson = try lessonOptions.loadLesson()
    let comparison = try editOptions.comparison(to: lesson, options: lessonOptions)
    let recorder = try recordingOptions.makeRecorder(
      title: lesson.title, noColor: noColor, theme: themeOption.theme)
    defer { recorder?.finish() }
    var program = LessonProgram(
      lesson: lesson, precision: precision.decimals, options: plotOptions.screenOptions,
      compare: comparison?.0, compareName: comparison?.1, saver: LessonFileSaver(),
      defaultPath: EditOptions.defaultSavePath(lessonOptions))
    var recordingFailure: String?
    do {
      // A signal or a lost terminal ends the process in there, once the terminal is given
      // back and the recording finished (README, "Exit codes and signals").
      try TerminalSession.run(
        &program, noColor: noColor, theme: themeOption.theme,
        frameShown: { frame in
          guard let recorder else { return nil }
          let failure = recorder.record(frame)
          recordingFailure = recordingFailure ?? failure
          return failure
        },
        afterClosing: { recorder?.finish() })
    } catch {
      throw UsageError(message: error.description)
    }
    // The terminal is restored by now: messages go to a clean screen.
    if let recordingFailure { throw RuntimeError(recordingFailure) }
  }
}
