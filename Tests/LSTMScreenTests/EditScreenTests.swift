import Foundation
import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// Keys as `render --keys` names them, as events.
private func keys(_ names: String) -> [TerminalEvent] {
  names.split(separator: " ").compactMap { KeyMap.key(named: String($0)).map(TerminalEvent.key) }
}

/// A lesson saver in memory: files by path, and a path that cannot be written.
private final class MemorySaver: LessonSaver {
  var files: [String: String] = [:]
  var failing: Set<String> = []

  func save(_ lesson: Lesson, to path: String, overwrite: Bool) -> SaveOutcome {
    if failing.contains(path) { return .failed(path: path, reason: "read-only file system") }
    if files[path] != nil, !overwrite { return .exists(path: path) }
    files[path] = LessonEncoding.json(for: lesson)
    return .saved(path: path)
  }
}

/// The StatQuest lesson as the program runs it at `width`×`height`, after the keys `names`.
private func program(
  _ names: String, width: Int = 80, height: Int = 24, saver: MemorySaver? = nil,
  lesson: Lesson = .statQuest, compare: Lesson? = nil
) -> LessonProgram {
  var program = LessonProgram(
    lesson: lesson, compare: compare, compareName: compare.map { _ in "long-memory.json" },
    saver: saver, defaultPath: "statquest-edited.json")
  program.handle(.resize(width: width, height: height))
  for event in keys(names) { program.handle(event) }
  return program
}

/// Whole frames of edit mode and of `--compare`, and what the program does with its keys.
@Suite struct EditScreenTests {
  /// The forget bias to -5, as the class's first question asks it.
  private let forgetBias = "e tab tab = - 5 enter"

  @Test func theForgetBiasAtMinusFiveAt80x24() throws {
    try expectSnapshot(program(forgetBias + " l").state, "edit-forget-bias-A-t2-80x24")
    try expectSnapshot(program(forgetBias + " G").state, "edit-forget-bias-A-t4-80x24")
  }

  @Test func theForgetBiasAtMinusFiveAt120x40() throws {
    try expectSnapshot(
      program(forgetBias + " l", width: 120, height: 40).state, "edit-forget-bias-A-t2-120x40")
    try expectSnapshot(
      program(forgetBias + " G", width: 120, height: 40).state, "edit-forget-bias-A-t4-120x40")
  }

  @Test func dayTwosInputAtNineTenthsAt100x30() throws {
    try expectSnapshot(
      program("e l down down down down = 0 . 9 enter", width: 100, height: 30).state,
      "edit-input-A-t2-100x30")
  }

  @Test func thePromptAndTheHelpOfEditMode() throws {
    try expectSnapshot(program("e tab tab = - 5").state, "edit-prompt-80x24")
    try expectSnapshot(program("e ?").state, "edit-help-80x24")
  }

  @Test func aCompareScreen() throws {
    let forgetful = try fixtureLesson(LessonSources(lesson: samplePath("forgetful.json")))
    let longMemory = try fixtureLesson(LessonSources(lesson: samplePath("long-memory.json")))
    let compared = program("l l", lesson: forgetful, compare: longMemory)
    try expectSnapshot(compared.state, "compare-forgetful-long-memory-t3-80x24")
    let wide = program("l l", width: 120, height: 40, lesson: forgetful, compare: longMemory)
    try expectSnapshot(wide.state, "compare-forgetful-long-memory-t3-120x40")
    let text = frameText(compared.state)
    #expect(text.contains("(vs "))
    #expect(text.contains("ghost: long-memory.json"))
  }

  @Test func theStatusLineSaysWhatChangedAndWhatItDidToThePrediction() {
    let text = frameText(program(forgetBias).state)
    #expect(text.contains("forget.bias 1.62 → -5.00 · prediction 0.0064 → 0.2319"))
    #expect(text.contains("edit forget.bias = -5 (was 1.62)  step 0.1"))
  }

  @Test func everyChangedNumberShowsWhatItWasAndNoOther() {
    let end = frameText(program(forgetBias + " G").state)
    #expect(end.contains("prediction = 0.2319 (was 0.0064)"))
    #expect(end.contains("0.4505 (was 0.0153)"))
    // Nothing changed: no "was" anywhere, even in edit mode.
    #expect(!frameText(program("e G").state).contains("(was"))
    // At t = 1 the forget gate multiplies an LTM of 0: the memories are the lesson's own.
    let first = frameText(program(forgetBias, width: 120, height: 40).state)
    #expect(!first.contains("LTM (c)  0.0000 (was"))
  }

  @Test func theBackwardViewShowsTheGradientsAsTheyWere() throws {
    let state = program(forgetBias + " l b").state
    try expectSnapshot(state, "edit-forget-bias-backward-A-t2-80x24")
    let text = frameText(state)
    #expect(text.contains("=  0.2477 (was 0.6808)"))
    // The lesson's own gradients, computed once and kept.
    let fresh = program("l b").state
    #expect(state.ghostStepGradients?.lstm == fresh.gradients?.lstm)
  }

  @Test func theCursorIsShownInReverseVideo() throws {
    let state = program("e tab tab").state
    let canvas = Screen.render(state)
    let reversed = (0..<canvas.height).flatMap { row in
      (0..<canvas.width).compactMap { column in
        canvas[row, column].flatMap { $0.style.reverse ? $0.character : nil }
      }
    }
    #expect(String(reversed) == "1.62")
    let off = Screen.render(program("e tab tab e").state)
    #expect(!off.cells.contains { $0.style.reverse })
  }

  @Test func aRecordingNamesEachEdit() {
    let edited = program(forgetBias)
    #expect(edited.eventNote == "edit forget.bias = -5.0000")
    var again = edited
    again.handle(.key(.character("u")))
    #expect(again.eventNote == "undo forget.bias = 1.6200")
    again.handle(.key(.character("U")))
    #expect(again.eventNote == "redo forget.bias = -5.0000")
    again.handle(.key(.character("l")))
    #expect(again.eventNote == nil)
    let input = program("e l down down down down + +")
    #expect(input.eventNote == "edit input[t=2] = 0.7000")
    let run = runHeadless(
      keys(forgetBias).compactMap { if case .key(let key) = $0 { .key(key) } else { nil } },
      width: 80, height: 24, everyFrame: true)
    #expect(run.frames.last?.note == "edit forget.bias = -5.0000")
    #expect(
      RecordedFrame(number: 1, shown: run.frames[run.frames.count - 1]).separator.hasPrefix(
        "──── frame 1 · 0.000 s · key edit forget.bias = -5.0000 · Company A · t = 1 / 4 · 80x24"))
  }

  @Test func wSavesThroughTheSaverAndAsksBeforeOverwriting() throws {
    let saver = MemorySaver()
    let saved = program(forgetBias + " w enter", saver: saver)
    let text = try #require(saver.files["statquest-edited.json"])
    #expect(
      try Lesson.decode(json: Array(text.utf8), file: "statquest-edited.json") == saved.state.lesson
    )
    #expect(frameText(saved.state).contains("saved statquest-edited.json"))
    // Again: the file exists, so the program asks, and anything but y keeps it.
    var asked = saved
    for event in keys("+ w enter") { asked.handle(event) }
    #expect(frameText(asked.state).contains("statquest-edited.json exists: overwrite it?"))
    var kept = asked
    kept.handle(.key(.character("n")))
    #expect(saver.files["statquest-edited.json"] == text)
    #expect(frameText(kept.state).contains("statquest-edited.json kept as it was"))
    asked.handle(.key(.character("y")))
    #expect(saver.files["statquest-edited.json"] != text)
    // A path that cannot be written says why, and the edits stay.
    saver.failing = ["/ro/x.json"]
    var failed = asked
    for event in keys("w") { failed.handle(event) }
    for _ in 0..<30 { failed.handle(.key(.backspace)) }
    for event in keys("/ r o / x . j s o n enter") { failed.handle(event) }
    #expect(frameText(failed.state).contains("could not save /ro/x.json: read-only file system"))
    #expect(failed.state.lesson == asked.state.lesson)
  }

  @Test func withoutASaverTheProgramSaysSo() {
    let state = program(forgetBias + " w enter").state
    #expect(
      frameText(state).contains("could not save statquest-edited.json: this program has no disk"))
  }

  @Test func aLongRerunShowsThatItIsRunningThenItsNumbers() {
    let cycle = [0, 0.5, 0.25, 1.0]
    let lesson = Lesson(
      title: "long", model: Lesson.statQuest.model,
      sequences: [InputSequence(name: "long", values: (0..<300_000).map { cycle[$0 % 4] })])
    let waiting = program("e G = 1 enter", lesson: lesson)
    #expect(waiting.state.isRecomputing && !waiting.jobs.isEmpty)
    #expect(frameText(waiting.state).contains("running 300000 steps again with the new numbers"))
    #expect(frameText(waiting.state).contains("prediction "))
    var done = waiting
    let runner = InlineJobRunner()
    runner.submit(done.jobs)
    for result in runner.takeResults() { done.receive(result) }
    #expect(!done.state.isRecomputing && done.jobs.isEmpty)
    #expect(frameText(done.state).contains("■ sequence ended"))
  }
}

/// The path of the shipped sample `name`.
private func samplePath(_ name: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples/\(name)").path
}
