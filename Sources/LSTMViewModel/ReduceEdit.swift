import LSTMCore

/// A number that differs from the lesson as it was opened.
public struct Change: Sendable, Equatable {
  /// The number.
  public var target: EditTarget
  /// Its value in the lesson as opened.
  public var original: Double
  /// Its value now.
  public var value: Double
}

extension State {
  /// Applies one of edit mode's commands (see `EditCommand`).
  ///
  /// A number is changed only to a finite value that keeps every number of every step of every
  /// sequence finite, in the LSTM and in its twin; anything else is refused with a notice, and
  /// nothing changes. Every change goes through the one rebuild (`rebuildDerived`), so the runs,
  /// histories and gradients follow it, and is one step of the undo history.
  mutating func perform(_ command: EditCommand, budget: inout WorkBudget) {
    edit.notice = nil
    edit.lastEdit = nil
    edit.quitAsked = false
    if command == .toggle {
      edit.isOn.toggle()
      edit.prompt = nil
      return
    }
    guard edit.isOn else { return }
    if let prompt = edit.prompt {
      answer(prompt, with: command, budget: &budget)
      return
    }
    switch command {
    case .toggle, .type, .erase, .commit, .cancel: break
    case .nextField: moveCursor(by: 1)
    case .previousField: moveCursor(by: -1)
    case .nextGroup: moveCursorToGroup(by: 1)
    case .previousGroup: moveCursorToGroup(by: -1)
    case .nudgeUp, .nudgeDown:
      let target = editTarget
      guard let value = lesson.value(of: target) else { return }
      let nudged = DecimalNudge.add(
        value, exponent: edit.stepExponent, negative: command == .nudgeDown)
      set(target, to: nudged, kind: .set, budget: &budget)
    case .largerStep:
      edit.stepExponent = min(edit.stepExponent + 1, EditSession.stepExponents.upperBound)
    case .smallerStep:
      edit.stepExponent = max(edit.stepExponent - 1, EditSession.stepExponents.lowerBound)
    case .openPrompt: edit.prompt = .value("")
    case .reset:
      let target = editTarget
      guard let value = original.value(of: target) else { return }
      set(target, to: value, kind: .set, budget: &budget)
    case .undo: walkHistory(back: true, budget: &budget)
    case .redo: walkHistory(back: false, budget: &budget)
    case .save: edit.prompt = .savePath(edit.defaultPath)
    }
  }

  /// A key while the prompt is open: characters are typed, Backspace erases, Enter commits and
  /// Esc cancels; whatever is typed, nothing traps.
  private mutating func answer(
    _ prompt: EditPrompt, with command: EditCommand, budget: inout WorkBudget
  ) {
    switch (prompt, command) {
    case (.confirmOverwrite(let path), .type(let character)):
      edit.prompt = nil
      if character == "y" || character == "Y" {
        edit.saveRequest = SaveRequest(path: path, overwrite: true)
      } else {
        edit.notice = .kept(path)
      }
    case (.confirmOverwrite(let path), _):
      edit.prompt = nil
      edit.notice = .kept(path)
    case (.value(let text), .type(let character)) where text.count < 40:
      edit.prompt = .value(text + String(character))
    case (.savePath(let text), .type(let character)) where text.utf8.count < 4096:
      edit.prompt = .savePath(text + String(character))
    case (.value(let text), .erase): edit.prompt = .value(String(text.dropLast()))
    case (.savePath(let text), .erase): edit.prompt = .savePath(String(text.dropLast()))
    case (.value(let text), .commit):
      edit.prompt = nil
      commitTyped(text, budget: &budget)
    case (.savePath(let text), .commit):
      edit.prompt = nil
      guard !text.isEmpty else {
        edit.notice = .noPath
        return
      }
      edit.saveRequest = SaveRequest(path: text, overwrite: false)
    case (_, .cancel): edit.prompt = nil
    default: break
    }
  }

  /// Sets the number under the cursor to the value `text` says, or says why not.
  private mutating func commitTyped(_ text: String, budget: inout WorkBudget) {
    let trimmed = text.filter { $0 != " " }
    let allowed = Set("0123456789.-+eE")
    guard !trimmed.isEmpty, trimmed.allSatisfy({ allowed.contains($0) }),
      let value = Double(trimmed)
    else {
      edit.notice = .notANumber(text)
      return
    }
    guard value.isFinite else {
      edit.notice = .notFinite(text)
      return
    }
    set(editTarget, to: value, kind: .set, budget: &budget)
  }

  /// Sets `target` to `value`, if that keeps every number finite, and keeps the edit (an
  /// ordinary one in the undo history). Returns whether the lesson now holds `value` there.
  @discardableResult
  mutating func set(
    _ target: EditTarget, to value: Double, kind: Edit.Kind, budget: inout WorkBudget
  ) -> Bool {
    // -0 is 0: a saved lesson reads back the same, whatever form its model takes.
    let value = value + 0
    guard value.isFinite else {
      edit.notice = .notFinite(NumberText.shortest(value))
      return false
    }
    guard let current = lesson.value(of: target) else { return false }
    guard current != value || current.sign != value.sign else { return true }
    if let refusal = overflow(setting: target, to: value) {
      edit.notice = refusal
      return false
    }
    switch target {
    case .gate(let gate, let part, let row, let column):
      var model = lesson.model
      guard (try? model.setWeight(value, gate: gate, part: part, row: row, column: column)) != nil
      else { return false }
      changeModel(to: model, budget: &budget)
    case .twin(let part, let row, let column):
      guard var twin = lesson.rnn,
        (try? twin.setWeight(value, part: part, row: row, column: column)) != nil
      else { return false }
      changeTwin(to: twin, budget: &budget)
    case .input(let index, let t, let component):
      var inputs = Array(lesson.sequences[index].input(at: t))
      inputs[component] = value
      changeInput(sequence: index, t: t, to: inputs, budget: &budget)
    }
    let made = Edit(target: target, from: current, to: value, kind: kind)
    if kind == .set {
      edit.done.append(made)
      edit.undone.removeAll()
    }
    edit.lastEdit = made
    edit.editCount += 1
    return true
  }

  /// Why `value` at `target` cannot be taken: the first step of any sequence at which it makes
  /// a number of the LSTM or its twin not finite. Nil when it can.
  private func overflow(setting target: EditTarget, to value: Double) -> EditNotice? {
    var model = lesson.model
    var twin = lesson.rnn
    var sequences = lesson.sequences
    var checked = Array(sequences.indices)
    switch target {
    case .gate(let gate, let part, let row, let column):
      guard (try? model.setWeight(value, gate: gate, part: part, row: row, column: column)) != nil
      else { return nil }
      twin = nil
    case .twin(let part, let row, let column):
      guard (try? twin?.setWeight(value, part: part, row: row, column: column)) != nil
      else { return nil }
    case .input(let index, let t, let component):
      var inputs = Array(sequences[index].input(at: t))
      inputs[component] = value
      sequences[index] = sequences[index].replacingInput(at: t, with: inputs)
      checked = [index]
    }
    for index in checked {
      if target.isInput || !isTwin(target), let overflow = model.firstOverflow(on: sequences[index])
      {
        return .overflows(
          target: target, value: value, sequence: index, t: overflow.t, inTwin: false)
      }
      if let twin, twin.inputSize == model.inputSize,
        let overflow = twin.firstOverflow(on: sequences[index])
      {
        return .overflows(
          target: target, value: value, sequence: index, t: overflow.t, inTwin: true)
      }
    }
    return nil
  }

  /// Whether `target` is a weight of the twin.
  private func isTwin(_ target: EditTarget) -> Bool {
    if case .twin = target { return true }
    return false
  }

  /// What `0` would be asked to put back, what the status line says: every number that differs
  /// from the lesson as opened, in the order they were first edited.
  public var changes: [Change] {
    var targets: [EditTarget] = []
    for made in edit.done where !targets.contains(made.target) { targets.append(made.target) }
    return targets.compactMap { target in
      guard let now = lesson.value(of: target), let was = original.value(of: target), now != was
      else { return nil }
      return Change(target: target, original: was, value: now)
    }
  }

  /// How many numbers differ from the lesson as opened and have not been saved since the last
  /// edit: what the first `q` warns about.
  public var unsavedChangeCount: Int {
    edit.editCount == edit.savedAt ? 0 : changes.count
  }

  /// Takes in what came of the save asked for.
  mutating func finishSave(_ outcome: SaveOutcome) {
    edit.saveRequest = nil
    switch outcome {
    case .saved(let path):
      edit.notice = .saved(path)
      edit.savedAt = edit.editCount
      edit.defaultPath = path
    case .exists(let path):
      edit.prompt = .confirmOverwrite(path)
    case .failed(let path, let reason):
      edit.notice = .saveFailed(path: path, reason: reason)
    }
  }

  /// Makes `path` the path `w` offers first.
  public mutating func setDefaultSavePath(_ path: String) {
    edit.defaultPath = path
  }

  /// Undoes the last edit (`back`) or redoes the last undone one: the cursor moves to its number,
  /// and the edit passes to the other history if the number can take its value again.
  private mutating func walkHistory(back: Bool, budget: inout WorkBudget) {
    guard let entry = back ? edit.done.popLast() : edit.undone.popLast() else {
      edit.notice = back ? .nothingToUndo : .nothingToRedo
      return
    }
    moveCursor(to: entry.target)
    let value = back ? entry.from : entry.to
    let applied = set(entry.target, to: value, kind: back ? .undo : .redo, budget: &budget)
    // Undone, it waits for a redo; redone, for an undo; refused, it stays where it was.
    if applied == back {
      edit.undone.append(entry)
    } else {
      edit.done.append(entry)
    }
  }

  /// The cursor `by` fields on (or back), around the ends.
  private mutating func moveCursor(by offset: Int) {
    let fields = editFields
    guard !fields.isEmpty else { return }
    let here = fields.firstIndex(of: edit.cursor) ?? (offset > 0 ? fields.count - 1 : 0)
    edit.cursor = fields[(here + offset % fields.count + fields.count) % fields.count]
  }

  /// The cursor to the same place of the next (or previous) group: gate, input, twin.
  private mutating func moveCursorToGroup(by offset: Int) {
    let groups = editGroups
    guard !groups.isEmpty else { return }
    let group = groups.firstIndex { $0.contains(edit.cursor) } ?? 0
    let place = groups[group].firstIndex(of: edit.cursor) ?? 0
    let next = groups[(group + offset % groups.count + groups.count) % groups.count]
    edit.cursor = next[min(place, next.count - 1)]
  }

  /// The cursor onto `target`, showing its unit, and for an input its sequence and step.
  private mutating func moveCursor(to target: EditTarget) {
    switch target {
    case .gate(let gate, let part, let row, let column):
      unit = min(max(row, 0), max(hiddenSize - 1, 0))
      edit.cursor = .gate(gate, part, column: column)
    case .twin(let part, let row, let column):
      unit = min(max(row, 0), max(hiddenSize - 1, 0))
      edit.cursor = .twin(part, column: column)
    case .input(let index, let t, let component):
      if runs.indices.contains(index) { sequenceIndex = index }
      self.t = t
      restartStages()
      edit.cursor = .input(component: component)
    }
  }
}

/// A number written for a message: the shortest text that reads back as it.
enum NumberText {
  static func shortest(_ value: Double) -> String { value.description }
}
