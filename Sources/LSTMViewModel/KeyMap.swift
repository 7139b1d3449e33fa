/// Which key does what, for the interactive program and for `lstmviz render --keys`.
public enum KeyMap {
  /// The action of `key`, or nil if the key does nothing.
  public static func action(for key: Key) -> Action? {
    switch key {
    case .right: .next
    case .left: .previous
    case .home: .first
    case .end: .last
    case .up: .previousSequence
    case .down: .nextSequence
    case .escape: .closeHelp
    case .enter: nil
    case .character(let character): action(for: character)
    }
  }

  /// The action of a printable key.
  private static func action(for character: Character) -> Action? {
    switch character {
    case "l": .next
    case "h": .previous
    case "g": .first
    case "G": .last
    case "k": .previousSequence
    case "j": .nextSequence
    case "s": .toggleStages
    case " ": .togglePlay
    case "+", "=": .faster
    case "-", "_": .slower
    case "]": .nextUnit
    case "[": .previousUnit
    case "?": .toggleHelp
    case "q", "Q": .quit
    default: nil
    }
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

  /// The names of every key that does something, as `lstmviz render --keys` accepts them.
  public static let keyNames: [String] = [
    "right", "left", "up", "down", "home", "end", "space", "esc", "s", "?", "+", "-", "[", "]",
    "q", "l", "h", "k", "j", "g", "G",
  ]
}
