import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

/// Edit mode's cursor: where it starts, the order Tab walks, the groups ↑ and ↓ move between,
/// and what the keys mean while it is on.
@Suite struct EditCursorTests {
  @Test func editModeStartsOnTheForgetGatesSTMWeightAndEndsWithE() {
    let start = State(lesson: .statQuest, width: 80, height: 24)
    #expect(!start.edit.isOn)
    let on = applying([.edit(.toggle)], to: start)
    #expect(on.edit.isOn)
    #expect(on.editTarget == .gate(.forget, .stmWeights, row: 0, column: 0))
    #expect(on.lesson == start.lesson && on.runs == start.runs)
    let off = applying([.edit(.toggle)], to: on)
    #expect(!off.edit.isOn)
    #expect(KeyMap.action(for: .character("e"), in: start) == .edit(.toggle))
    #expect(KeyMap.action(for: .character("e"), in: on) == .edit(.toggle))
    #expect(KeyMap.action(for: .escape, in: on) == .edit(.toggle))
  }

  @Test func tabWalksTheNumbersInTheOrderTheScreenShowsThem() {
    var state = editing()
    var seen: [EditTarget] = [state.editTarget]
    for _ in 1..<state.editFields.count {
      reduce(&state, .edit(.nextField))
      seen.append(state.editTarget)
    }
    let gates: [EditTarget] = Gate.seedOrder.flatMap { gate in
      [GateWeights.Part.stmWeights, .inputWeights, .bias].map { .gate(gate, $0, row: 0, column: 0) }
    }
    let twin: [EditTarget] = [GateWeights.Part.stmWeights, .inputWeights, .bias].map {
      .twin($0, row: 0, column: 0)
    }
    #expect(seen == gates + [.input(sequence: 0, t: 1, component: 0)] + twin)
    // Around the end, and back.
    reduce(&state, .edit(.nextField))
    #expect(state.editTarget == .gate(.forget, .stmWeights, row: 0, column: 0))
    reduce(&state, .edit(.previousField))
    #expect(state.editTarget == .twin(.bias, row: 0, column: 0))
    #expect(KeyMap.action(for: .tab, in: state) == .edit(.nextField))
    #expect(KeyMap.action(for: .backTab, in: state) == .edit(.previousField))
    #expect(KeyMap.action(for: .right, in: state) == .edit(.nextField))
    #expect(KeyMap.action(for: .left, in: state) == .edit(.previousField))
  }

  @Test func downAndUpMoveToTheSameNumberOfTheNextGate() {
    let bias = applying([.edit(.nextField), .edit(.nextField)], to: editing())
    #expect(bias.editTarget == .gate(.forget, .bias, row: 0, column: 0))
    let down = applying([.edit(.nextGroup)], to: bias)
    #expect(down.editTarget == .gate(.candidate, .bias, row: 0, column: 0))
    let input = applying([.edit(.nextGroup), .edit(.nextGroup), .edit(.nextGroup)], to: down)
    #expect(input.editTarget == .input(sequence: 0, t: 1, component: 0))
    let up = applying([.edit(.previousGroup)], to: input)
    #expect(up.editTarget == .gate(.output, .stmWeights, row: 0, column: 0))
    #expect(KeyMap.action(for: .down, in: bias) == .edit(.nextGroup))
    #expect(KeyMap.action(for: .up, in: bias) == .edit(.previousGroup))
  }

  @Test func theLettersStillStepWhileTheArrowsMoveTheCursor() {
    let state = editing()
    #expect(KeyMap.action(for: .character("l"), in: state) == .next)
    #expect(KeyMap.action(for: .character("h"), in: state) == .previous)
    #expect(KeyMap.action(for: .character("j"), in: state) == .nextSequence)
    #expect(KeyMap.action(for: .home, in: state) == .first)
    #expect(KeyMap.action(for: .character("+"), in: state) == .edit(.nudgeUp))
    #expect(KeyMap.action(for: .character("-"), in: state) == .edit(.nudgeDown))
    #expect(KeyMap.action(for: .character("*"), in: state) == .edit(.largerStep))
    #expect(KeyMap.action(for: .character("/"), in: state) == .edit(.smallerStep))
    #expect(KeyMap.action(for: .character("="), in: state) == .edit(.openPrompt))
    #expect(KeyMap.action(for: .character("0"), in: state) == .edit(.reset))
    #expect(KeyMap.action(for: .character("u"), in: state) == .edit(.undo))
    #expect(KeyMap.action(for: .character("U"), in: state) == .edit(.redo))
    #expect(KeyMap.action(for: .character("w"), in: state) == .edit(.save))
    // Digits other than 0 do nothing in edit mode but in the prompt.
    #expect(KeyMap.action(for: .character("5"), in: state) == nil)
    // Outside edit mode the same keys do what they always did.
    let plain = State(lesson: .statQuest, width: 80, height: 24)
    #expect(KeyMap.action(for: .right, in: plain) == .next)
    #expect(KeyMap.action(for: .character("+"), in: plain) == .faster)
    #expect(KeyMap.action(for: .tab, in: plain) == nil)
  }

  @Test func thePromptTypesEveryCharacterAndOnlyEnterAndEscEndIt() {
    let prompting = applying([.edit(.openPrompt)], to: editing())
    #expect(prompting.edit.prompt == .value(""))
    for character: Character in ["q", "e", "0", "-", "?", " ", "漢"] {
      #expect(KeyMap.action(for: .character(character), in: prompting) == .edit(.type(character)))
    }
    #expect(KeyMap.action(for: .enter, in: prompting) == .edit(.commit))
    #expect(KeyMap.action(for: .escape, in: prompting) == .edit(.cancel))
    #expect(KeyMap.action(for: .backspace, in: prompting) == .edit(.erase))
    #expect(KeyMap.action(for: .right, in: prompting) == nil)
    let typed = applying(typing("-5x") + [.edit(.erase)], to: prompting)
    #expect(typed.edit.prompt == .value("-5"))
    let cancelled = applying([.edit(.cancel)], to: typed)
    #expect(cancelled.edit.prompt == nil && cancelled.lesson == Lesson.statQuest)
  }

  @Test func aVectorCellsCursorWalksTheSelectedUnitsRowOneEntryAtATime() throws {
    let lesson = try vectorLesson()
    var state = applying([.nextUnit], to: editing(lesson))
    let (n, m) = (3, 2)
    #expect(state.editFields.count == 4 * (n + m + 1) + m + (n + m + 1))
    var targets: [EditTarget] = []
    for _ in 0..<(n + m + 1) {
      targets.append(state.editTarget)
      reduce(&state, .edit(.nextField))
    }
    #expect(
      targets == (0..<n).map { .gate(.forget, .stmWeights, row: 1, column: $0) }
        + (0..<m).map { .gate(.forget, .inputWeights, row: 1, column: $0) }
        + [.gate(.forget, .bias, row: 1, column: 0)])
    #expect(state.editTarget == .gate(.candidate, .stmWeights, row: 1, column: 0))
    // The last unit's row, the step's two inputs, then the twin's row.
    reduce(&state, .nextUnit)
    #expect(state.editTarget == .gate(.candidate, .stmWeights, row: 2, column: 0))
    let input = applying(Array(repeating: .edit(.nextGroup), count: 3), to: state)
    #expect(input.editTarget == .input(sequence: 0, t: 1, component: 0))
    let twin = applying([.edit(.nextGroup)], to: input)
    #expect(twin.editTarget == .twin(.stmWeights, row: 2, column: 0))
  }

  @Test func theInputUnderTheCursorIsTheStepShown() {
    let input = applying(Array(repeating: .edit(.nextGroup), count: 4), to: editing())
    #expect(input.editTarget == .input(sequence: 0, t: 1, component: 0))
    let later = applying([.next, .next, .nextSequence], to: input)
    #expect(later.editTarget == .input(sequence: 1, t: 3, component: 0))
  }

  @Test func withoutATwinTheCursorSkipsIt() {
    var lesson = Lesson.statQuest
    lesson.rnn = nil
    let state = editing(lesson)
    #expect(state.editFields.count == 13)
    #expect(!state.editFields.contains { if case .twin = $0 { true } else { false } })
  }
}
