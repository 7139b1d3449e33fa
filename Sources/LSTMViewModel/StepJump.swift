/// Jumping to a step by number: digits, then Enter (outside edit mode).
extension State {
  /// The most digits a step number takes: more than any sequence has steps.
  static let typedStepDigits = 9

  /// Adds `digit` (0–9) to the step number being typed.
  mutating func type(digit: Int) {
    guard (0...9).contains(digit) else { return }
    let typed = typedStep ?? ""
    guard typed.count < State.typedStepDigits else { return }
    typedStep = typed + String(digit)
  }

  /// Goes to the step typed, within the sequence (in stage mode, to its first stage), and
  /// forgets the digits. Without digits typed, does nothing.
  mutating func jumpToTypedStep() {
    guard let typed = typedStep, let number = Int(typed) else { return }
    typedStep = nil
    guard stepCount > 0 else { return }
    t = min(max(number, 1), stepCount)
    restartStages()
  }

  /// Forgets a step number being typed unless `action` adds to it, ends it, or comes from
  /// elsewhere than the keyboard (the clock, a resize, a status message, a model change, a
  /// job's result, a save's outcome).
  mutating func forgetTypedStep(unless action: Action) {
    switch action {
    case .typeStepDigit, .jumpToTypedStep, .tick, .resize, .setStatus, .changeModel,
      .changeInput, .jobFinished, .saveFinished:
      return
    default: typedStep = nil
    }
  }
}
