import Foundation
import Testing

/// A class's "what if?" questions asked with edit mode's keys through `lstmviz render`, every
/// number checked against `lstmviz trace` of a lesson file that carries the same change; saved
/// files loaded back; `--compare`.
@Suite struct WhatIfEndToEndTests {
  private let sample = Support.packageRoot.appendingPathComponent("Samples/statquest.json")

  /// The StatQuest sample with `change` made to its JSON, written into `folder` as `name`.
  private func editedSample(
    in folder: URL, name: String, _ change: (inout [String: Any]) -> Void
  ) throws -> URL {
    var lesson = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: sample)) as? [String: Any])
    change(&lesson)
    let url = folder.appendingPathComponent(name)
    try JSONSerialization.data(withJSONObject: lesson).write(to: url)
    return url
  }

  /// The steps of sequence `index` of `trace --format json` of `lesson`.
  private func traceSteps(_ lesson: URL, sequence index: Int) throws -> [[String: Any]] {
    let outcome = try Support.run(["trace", lesson.path, "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let trace = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    let sequences = trace?["sequences"] as? [[String: Any]] ?? []
    return sequences[index]["steps"] as? [[String: Any]] ?? []
  }

  /// The numbers of a trace step, to 4 decimals, as the screen writes them.
  private func numbers(of step: [String: Any]) -> [String: String] {
    func first(_ value: Any?) -> String {
      String(format: "%.4f", (value as? [Double])?.first ?? .nan)
    }
    var numbers = ["ltm": first(step["ltm"]), "stm": first(step["stm"])]
    for name in ["ltmRemembered", "ltmAdded", "stmPotential"] { numbers[name] = first(step[name]) }
    for (gate, values) in step["gates"] as? [String: [String: Any]] ?? [:] {
      numbers["\(gate) x"] = first(values["x"])
      numbers["\(gate) value"] = first(values["value"])
    }
    return numbers
  }

  /// Renders `keys`, then each later step of the sequence, and checks that every frame shows
  /// every number `trace` gives for that step of the changed lesson.
  private func expectEveryStep(
    keys: String, from t: Int, matches lesson: URL, sequence: Int = 0
  ) throws {
    let steps = try traceSteps(lesson, sequence: sequence)
    #expect(steps.count == 4)
    for step in t...steps.count {
      let more = String(repeating: " l", count: step - t)
      let frame = try Support.run(["render", "--keys", keys + more, "--size", "100x30"])
      #expect(frame.status == 0, "\(frame.stderr)")
      #expect(frame.stdout.contains("t = \(step) / 4"))
      let missing = numbers(of: steps[step - 1]).filter { !frame.stdout.contains($0.value) }
      #expect(missing.isEmpty, "t = \(step): \(missing) not on\n\(frame.stdout)")
    }
  }

  @Test func theForgetBiasAtMinusFiveIsWhatTraceSaysOfALessonWithIt() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = try editedSample(in: folder, name: "minus5.json") { lesson in
      var model = lesson["model"] as? [String: Any] ?? [:]
      var forget = model["forget"] as? [String: Any] ?? [:]
      forget["bias"] = -5
      model["forget"] = forget
      lesson["model"] = model
    }
    try expectEveryStep(keys: "e tab tab = - 5 enter", from: 1, matches: lesson)
    let end = try Support.run(["render", "--keys", "e tab tab = - 5 enter G", "--size", "80x24"])
    let prediction = String(
      format: "%.4f", (try traceSteps(lesson, sequence: 0).last?["stm"] as? [Double])?[0] ?? .nan)
    #expect(end.stdout.contains("prediction = \(prediction) (was 0.0064)"))
    #expect(end.stdout.contains("forget.bias 1.62 → -5.00 · prediction 0.0064 → \(prediction)"))
  }

  @Test func dayTwosInputAtNineTenthsIsWhatTraceSaysOfALessonWithIt() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = try editedSample(in: folder, name: "day2.json") { lesson in
      var sequences = lesson["sequences"] as? [[String: Any]] ?? []
      var values = sequences[0]["values"] as? [Double] ?? []
      values[1] = 0.9
      sequences[0]["values"] = values
      lesson["sequences"] = sequences
    }
    try expectEveryStep(keys: "e l down down down down = 0 . 9 enter", from: 2, matches: lesson)
  }

  @Test func aSavedLessonTracesExactlyAsTheLessonWithTheChange() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let keys = "e tab tab = - 5 enter l down down down down = 0 . 9 enter w enter"
    let saved = try Support.run(["render", "--keys", keys], currentDirectory: folder)
    #expect(saved.status == 0 && saved.stdout.contains("saved statquest-edited.json"))
    let file = folder.appendingPathComponent("statquest-edited.json")
    let expected = try editedSample(in: folder, name: "expected.json") { lesson in
      var model = lesson["model"] as? [String: Any] ?? [:]
      var forget = model["forget"] as? [String: Any] ?? [:]
      forget["bias"] = -5
      model["forget"] = forget
      lesson["model"] = model
      var sequences = lesson["sequences"] as? [[String: Any]] ?? []
      var values = sequences[0]["values"] as? [Double] ?? []
      values[1] = 0.9
      sequences[0]["values"] = values
      lesson["sequences"] = sequences
    }
    for format in ["json", "csv"] {
      let fromSave = try Support.run(["trace", file.path, "--format", format, "--gradients"])
      let fromFile = try Support.run(["trace", expected.path, "--format", format, "--gradients"])
      #expect(fromSave.status == 0 && fromSave.stdout == fromFile.stdout)
    }
    // Saving again asks first; anything but y keeps the file as it was.
    let before = try Data(contentsOf: file)
    let refused = try Support.run(
      ["render", "--keys", "e + w enter n", "--size", "80x24"], currentDirectory: folder)
    #expect(refused.stdout.contains("statquest-edited.json kept as it was: nothing saved"))
    #expect(try Data(contentsOf: file) == before)
    let asked = try Support.run(
      ["render", "--keys", "e + w enter", "--size", "80x24"], currentDirectory: folder)
    #expect(asked.stdout.contains("statquest-edited.json exists: overwrite it?"))
    let replaced = try Support.run(
      ["render", "--keys", "e + w enter y"], currentDirectory: folder)
    #expect(replaced.stdout.contains("saved statquest-edited.json"))
    #expect(try Data(contentsOf: file) != before)
  }

  @Test func aSaveThatFailsSaysWhyInTheStatusLine() throws {
    let folder = try Support.scratchFolder()
    defer {
      chmod(folder.path, 0o755)
      try? FileManager.default.removeItem(at: folder)
    }
    chmod(folder.path, 0o555)
    guard access(folder.path, W_OK) != 0 else { return }  // root writes anywhere
    let outcome = try Support.run(
      ["render", "--keys", "e + w enter", "--size", "100x30"], currentDirectory: folder)
    #expect(outcome.status == 0)
    #expect(
      outcome.stdout.contains(
        "could not save statquest-edited.json: permission denied; the edits are all still here"))
    #expect(outcome.stdout.contains("edit forget.stmWeight = 2.8 (was 2.7)"))
  }

  @Test func eachEditIsAFrameNamedByTheEditAndReplayShowsIt() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let recording = folder.appendingPathComponent("class.txt").path
    let outcome = try Support.run([
      "render", "--keys", "e tab tab = - 5 enter u", "--size", "80x24", "--record", recording,
    ])
    #expect(outcome.status == 0)
    let text = try String(contentsOfFile: recording, encoding: .utf8)
    #expect(text.contains("· key edit forget.bias = -5.0000 · Company A · t = 1 / 4 · 80x24 ─"))
    #expect(text.contains("· key undo forget.bias = 1.6200 · Company A · t = 1 / 4 · 80x24 ─"))
    let replay = try Support.run(["replay", recording])
    #expect(replay.status == 0)
    #expect(replay.stdout.contains("key edit forget.bias = -5.0000"))
    let frames = try Support.run([
      "render", "--keys", "e tab tab = - 5 enter", "--size", "80x24", "--all-frames",
    ])
    let keys = frames.stdout.split(separator: "\n").filter { $0.hasPrefix("──── frame") }
      .map { $0.components(separatedBy: " · ")[2] }
    #expect(
      keys == [
        "key start", "key e", "key tab", "key tab", "key =", "key -", "key 5",
        "key edit forget.bias = -5.0000",
      ])
  }

  @Test func renderKnowsEveryKeyOfEditModeByName() throws {
    let outcome = try Support.run([
      "render", "--keys", "e tab shift-tab down up = 1 backspace 2 enter * / + - 0 u U esc",
      "--size", "80x24",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let unknown = try Support.run(["render", "--keys", "e tabb"])
    #expect(unknown.status == 2 && unknown.stdout.isEmpty)
    #expect(unknown.stderr.hasPrefix("lstmviz: --keys: unknown key 'tabb'; valid keys: "))
    #expect(unknown.stderr.contains(" tab shift-tab backspace "))
    #expect(unknown.stderr.split(separator: "\n").count == 1)
  }

  @Test func hostileTypingIsRefusedAndNeverCrashes() throws {
    for typed in [
      "1 e 9 9 9", "a b c", "- - 5", "1 e 3 0 8", ". . .",
      "9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9",
    ] {
      let outcome = try Support.run([
        "render", "--keys", "e tab = 1 e 3 0 8 enter tab = \(typed) enter", "--size", "80x24",
      ])
      #expect(outcome.status == 0, "\(typed): \(outcome.stderr)")
      #expect(outcome.stdout.contains("t = 1 / 4"))
    }
    let overflow = try Support.run([
      "render", "--keys", "e tab = 1 e 3 0 8 enter tab = 1 e 3 0 8 enter", "--size", "100x30",
    ])
    #expect(
      overflow.stdout.contains(
        "forget.bias = 1e+308 would overflow the cell's x at t = 4 of Company A: refused"))
  }

  @Test func compareShowsTheOtherLessonAsTheGhostAndRefusesOtherSequences() throws {
    let samples = Support.packageRoot.appendingPathComponent("Samples")
    let forgetful = samples.appendingPathComponent("forgetful.json").path
    let longMemory = samples.appendingPathComponent("long-memory.json").path
    let shown = try Support.run([
      "render", forgetful, "--compare", longMemory, "--keys", "G", "--size", "80x24",
    ])
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("ghost: long-memory.json · prediction 0.0000 (vs 0.6178)"))
    let refused = try Support.run([forgetful, "--compare", sample.path])
    #expect(refused.status == 2 && refused.stdout.isEmpty)
    #expect(
      refused.stderr
        == "lstmviz: \(sample.path): sequences: it has 2 sequences, the lesson 3; --compare needs "
        + "a lesson on the same sequences through a cell of the same sizes\n")
    let inputs = try Support.run([
      "render", forgetful, "--compare", longMemory, "--input", "1,0,0",
    ])
    #expect(inputs.status == 0 && inputs.stdout.contains("ghost: long-memory.json"))
  }
}
