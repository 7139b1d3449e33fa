/// Which key does what, for the interactive program and for `lstmviz render --keys`.
///
/// `bindings` is the one table of the lesson's keys: the key lookups below, the help box, the key
/// list of `lstmviz --help` and the names `render --keys` lists are all made from it, and a test
/// checks the README's key table against it.
public enum KeyMap {
  /// The lesson's keys, one row of help each, in the order help lists them.
  package static let bindings: [KeyBinding<Action>] = [
    KeyBinding(
      [BoundKey(.right, .next), BoundKey(.character("l"), .next)],
      help: "next step; in stage mode, next stage", summary: "next step"),
    KeyBinding(
      [BoundKey(.left, .previous), BoundKey(.character("h"), .previous)],
      help: "previous step; in stage mode, previous stage", summary: "previous"),
    KeyBinding(
      [BoundKey(.home, .first), BoundKey(.character("g"), .first)],
      help: "first step", summary: "first"),
    KeyBinding(
      [BoundKey(.end, .last), BoundKey(.character("G"), .last)],
      help: "last step", summary: "last"),
    KeyBinding(
      [BoundKey(.up, .previousSequence), BoundKey(.character("k"), .previousSequence)],
      help: "previous sequence, same step (or its last); from the end, its end",
      summary: "previous/next sequence (same step; from the end, its end)"),
    KeyBinding(
      [BoundKey(.down, .nextSequence), BoundKey(.character("j"), .nextSequence)],
      help: "next sequence, same step (or its last); from the end, its end",
      summary: "previous/next sequence (same step; from the end, its end)"),
    KeyBinding(
      [BoundKey(.character("s"), .toggleStages)],
      help: "stage mode: forget, then input, then output, then off", summary: "stage mode"),
    KeyBinding(
      [BoundKey(.character(" "), .togglePlay)], help: "play / pause", summary: "play/pause"),
    KeyBinding(
      [
        BoundKey(.character("+"), .faster), BoundKey(.character("-"), .slower),
        BoundKey(.character("="), .faster, listing: .nowhere),
        BoundKey(.character("_"), .slower, listing: .nowhere),
      ],
      help: "faster / slower", summary: "speed"),
    KeyBinding(
      [BoundKey(.character("["), .previousUnit), BoundKey(.character("]"), .nextUnit)],
      help: "previous / next hidden unit", summary: "previous/next hidden unit"),
    KeyBinding(
      [BoundKey(.character("b"), .toggleBackward)],
      help: "backward view: the gradients of J; stages output, input, forget",
      summary: "backward view (the gradients)"),
    KeyBinding(
      [BoundKey(.character("r"), .toggleTwin)],
      help: "the plain-RNN twin in place of the LSTM, forward or backward",
      summary: "the plain-RNN twin"),
    KeyBinding(
      [BoundKey(.character("o"), .toggleObjective)],
      help: "J: the prediction, or the loss Σ (prediction − target)²",
      summary: "J the loss or the prediction"),
    KeyBinding(
      [BoundKey(.character("%"), .togglePercentages)],
      help: "the gates' values σ(x) as percentages, or as numbers",
      summary: "gate values as percentages"),
    KeyBinding(
      (0...9).map { BoundKey(.character(Character(String($0))), .typeStepDigit($0)) }
        + [BoundKey(.enter, .jumpToTypedStep)],
      help: "jump to step N: type N, then Enter", summary: "jump to step N",
      label: "0–9 Enter"),
    KeyBinding(
      [BoundKey(.character("e"), .edit(.toggle))],
      help: "what if? edit a weight or an input; ? there lists its keys",
      summary: "edit mode"),
    KeyBinding(
      [
        BoundKey(.character("?"), .toggleHelp),
        BoundKey(.escape, .closeHelp, listing: .helpBoxOnly),
      ],
      help: "close this help (so does any other key)", summary: "help (Esc closes it)"),
    KeyBinding(
      [BoundKey(.character("q"), .quit), BoundKey(.character("Q"), .quit, listing: .nowhere)],
      help: "quit", summary: "quit"),
  ]

  /// Edit mode's keys, one row of its help each: while edit mode is on they come before
  /// `bindings`, whose other keys (h l j k g G, space, s, b, r, o, [ ], ?, q) still act.
  package static let editBindings: [KeyBinding<EditCommand>] = [
    KeyBinding(
      [BoundKey(.tab, .nextField), BoundKey(.right, .nextField)],
      help: "next number (h, l step in time)", summary: "next number"),
    KeyBinding(
      [BoundKey(.backTab, .previousField), BoundKey(.left, .previousField)],
      help: "previous number", summary: "previous"),
    KeyBinding(
      [BoundKey(.down, .nextGroup), BoundKey(.up, .previousGroup)],
      help: "the same number of the next / previous gate", summary: "next/previous gate"),
    KeyBinding(
      [BoundKey(.character("+"), .nudgeUp), BoundKey(.character("-"), .nudgeDown)],
      help: "nudge the number up / down by the step", summary: "nudge"),
    KeyBinding(
      [BoundKey(.character("*"), .largerStep), BoundKey(.character("/"), .smallerStep)],
      help: "the step ×10 / ÷10", summary: "step ×10/÷10"),
    KeyBinding(
      [BoundKey(.character("="), .openPrompt), BoundKey(.enter, .openPrompt, listing: .nowhere)],
      help: "type a value: Enter sets it, Esc cancels", summary: "type a value"),
    KeyBinding(
      [BoundKey(.character("0"), .reset)], help: "back to the lesson's own value",
      summary: "the lesson's value"),
    KeyBinding(
      [BoundKey(.character("u"), .undo), BoundKey(.character("U"), .redo)],
      help: "undo / redo, over every edit", summary: "undo/redo"),
    KeyBinding(
      [BoundKey(.character("w"), .save)],
      help: "save the edited lesson (asks where; y overwrites)", summary: "save"),
    KeyBinding(
      [BoundKey(.escape, .toggle), BoundKey(.character("e"), .toggle, listing: .nowhere)],
      help: "leave edit mode (e too); the edits stay", summary: "leave edit mode"),
  ]

  /// The action of every bound key.
  private static let actions: [Key: Action] = bindings.commands()

  /// What every key of edit mode asks.
  private static let editCommands: [Key: EditCommand] = editBindings.commands()

  /// The action of `key`, or nil if the key does nothing.
  public static func action(for key: Key) -> Action? {
    actions[key]
  }

  /// The action of `key` in `state`: with the value or path prompt open, characters are typed,
  /// Backspace erases, Enter commits and Esc cancels; in edit mode, `editBindings` first (and
  /// digits only there), then `bindings`; else `bindings`.
  public static func action(for key: Key, in state: State) -> Action? {
    guard state.edit.isOn else { return action(for: key) }
    if state.edit.prompt != nil {
      switch key {
      case .character(let character): return .edit(.type(character))
      case .backspace: return .edit(.erase)
      case .enter: return .edit(.commit)
      case .escape: return .edit(.cancel)
      default: return nil
      }
    }
    if state.isShowingHelp { return action(for: key) ?? editCommands[key].map(Action.edit) }
    // Digits are edit mode's own (0 resets; the others are typed only in the prompt), whatever
    // they do outside it.
    if case .character(let character) = key, character.isASCII, character.isNumber {
      return editCommands[key].map(Action.edit)
    }
    return editCommands[key].map(Action.edit) ?? action(for: key)
  }

  /// Whether `key` does something in some mode (`render --keys` takes it): a key of either
  /// table, or a character, which the prompt types.
  public static func isKnown(_ key: Key) -> Bool {
    if case .character = key { return true }
    return actions[key] != nil || editCommands[key] != nil || key == .backspace
  }

  /// The keys that have names longer than one character.
  private static let namedKeys: [(String, Key)] = [
    ("right", .right), ("left", .left), ("up", .up), ("down", .down), ("home", .home),
    ("end", .end), ("space", .character(" ")), ("esc", .escape), ("enter", .enter),
    ("tab", .tab), ("shift-tab", .backTab), ("backspace", .backspace),
  ]

  /// The key called `name`: `right left up down home end space esc enter tab shift-tab
  /// backspace`, or any single character, such as `l` or `?`. Nil for anything else.
  public static func key(named name: String) -> Key? {
    if let named = namedKeys.first(where: { $0.0 == name.lowercased() }) { return named.1 }
    if name.count == 1, let character = name.first { return .character(character) }
    return nil
  }

  /// The name of `key`, as `key(named:)` reads it back: `right`, `space`, `l`, `?`.
  public static func name(of key: Key) -> String {
    if let named = namedKeys.first(where: { $0.1 == key }) { return named.0 }
    if case .character(let character) = key { return String(character) }
    return "\(key)"
  }

  /// The order `render`'s help has always listed the key names in: the keys with long names, the
  /// other keys, then the letters that stand in for the arrows, Home and End. It only orders:
  /// which names are listed comes from `bindings` and `editBindings`.
  private static let nameOrder =
    "right left up down home end space esc enter tab shift-tab backspace s b r o % e ? + - * / = u U w [ ] q l h k j g G"
    .split(separator: " ").map(String.init)

  /// The names of every key that help lists (in either table, once), and Enter and Backspace,
  /// which the prompt needs: as `lstmviz render --keys` accepts them.
  public static let keyNames: [String] = {
    let listed =
      bindings.flatMap(\.keys).filter { $0.listing != .nowhere }.map(\.key)
      + editBindings.flatMap(\.keys).filter { $0.listing != .nowhere }.map(\.key)
      + [.enter, .backspace]
    var names: [String] = []
    for key in listed where !names.contains(name(of: key)) { names.append(name(of: key)) }
    let rank = { (name: String) in nameOrder.firstIndex(of: name) ?? nameOrder.count }
    return names.enumerated().sorted {
      (rank($0.element), $0.offset) < (rank($1.element), $1.offset)
    }
    .map(\.element)
  }()
}
