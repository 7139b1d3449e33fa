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
      [
        BoundKey(.character("?"), .toggleHelp),
        BoundKey(.escape, .closeHelp, listing: .helpBoxOnly),
      ],
      help: "close this help (so does any other key)", summary: "help (Esc closes it)"),
    KeyBinding(
      [BoundKey(.character("q"), .quit), BoundKey(.character("Q"), .quit, listing: .nowhere)],
      help: "quit", summary: "quit"),
  ]

  /// The action of every bound key.
  private static let actions: [Key: Action] = bindings.commands()

  /// The action of `key`, or nil if the key does nothing.
  public static func action(for key: Key) -> Action? {
    actions[key]
  }

  /// The keys that have names longer than one character.
  private static let namedKeys: [(String, Key)] = [
    ("right", .right), ("left", .left), ("up", .up), ("down", .down), ("home", .home),
    ("end", .end), ("space", .character(" ")), ("esc", .escape), ("enter", .enter),
  ]

  /// The key called `name`: `right left up down home end space esc enter`, or any single
  /// character, such as `l` or `?`. Nil for anything else.
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
  /// which names are listed comes from `bindings`.
  private static let nameOrder =
    "right left up down home end space esc enter s b r o % ? + - [ ] q l h k j g G"
    .split(separator: " ").map(String.init)

  /// The names of every key that help lists, as `lstmviz render --keys` accepts them.
  public static let keyNames: [String] = {
    let names = bindings.flatMap(\.keys).filter { $0.listing != .nowhere }.map { name(of: $0.key) }
    let rank = { (name: String) in nameOrder.firstIndex(of: name) ?? nameOrder.count }
    return names.enumerated().sorted {
      (rank($0.element), $0.offset) < (rank($1.element), $1.offset)
    }
    .map(\.element)
  }()
}
