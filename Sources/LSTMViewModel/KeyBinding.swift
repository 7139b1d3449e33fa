/// Where a bound key is listed.
package enum KeyListing: Sendable, Equatable {
  /// In the help box, in the `--help` key list and in the README's key table.
  case everywhere
  /// In the help box only: elsewhere the words tell it (`Esc`, "help (Esc closes it)").
  case helpBoxOnly
  /// Nowhere: a second key for what a listed one does (`=` beside `+`).
  case nowhere
}

/// One key of a `KeyBinding`: the key, what it asks of the program, and where it is listed.
package struct BoundKey<Command: Sendable & Equatable>: Sendable, Equatable {
  /// The key.
  package let key: Key
  /// What the key asks of the program.
  package let command: Command
  /// Where the key is listed.
  package let listing: KeyListing

  /// `key` gives `command`, listed as `listing` says.
  package init(_ key: Key, _ command: Command, listing: KeyListing = .everywhere) {
    self.key = key
    self.command = command
    self.listing = listing
  }
}

/// One row of a program's key help: its keys, what each does, and the words for them. A program's
/// rows, in the order its help lists them, are the one place its keys are kept.
package struct KeyBinding<Command: Sendable & Equatable>: Sendable, Equatable {
  /// The keys, in the order help shows them.
  package let keys: [BoundKey<Command>]
  /// What the help box says the keys do.
  package let help: String
  /// What the one-paragraph key list of `--help` says they do, or nil to leave them out of it.
  /// Neighbouring rows with the same words are told in one phrase (`↑/k ↓/j previous/next
  /// sequence`).
  package let summary: String?
  /// How help and `--help` write the keys when listing each would be too long: `0–9 Enter` for
  /// the ten digits and Enter. Nil: each key is written.
  package let label: String?

  /// A row of `keys` that do what `help` says (`summary` in `--help`), written as `label` if
  /// given.
  package init(
    _ keys: [BoundKey<Command>], help: String, summary: String?, label: String? = nil
  ) {
    self.keys = keys
    self.help = help
    self.summary = summary
    self.label = label
  }

  /// The keys listed in the help box, as it writes them: `→  l`, `?  Esc`.
  package var helpKeys: String {
    label ?? keys.filter { $0.listing != .nowhere }.map(\.key.label).joined(separator: "  ")
  }

  /// The keys listed everywhere, as `--help` writes them: `→/l`, `+/-`; `* /` when one of them
  /// is `/`.
  package var summaryKeys: String {
    if let label { return label }
    let labels = keys.filter { $0.listing == .everywhere }.map(\.key.label)
    return labels.joined(separator: labels.contains("/") ? " " : "/")
  }
}

extension Array {
  /// What each key of these rows asks of the program, every key included.
  package func commands<Command>() -> [Key: Command] where Element == KeyBinding<Command> {
    var commands: [Key: Command] = [:]
    for binding in self {
      for bound in binding.keys where commands[bound.key] == nil {
        commands[bound.key] = bound.command
      }
    }
    return commands
  }

  /// The one-paragraph key list of `--help`: `Keys: →/l next step, ←/h previous, …, q quit.`,
  /// after `title` instead of `Keys`.
  package func summary<Command>(title: String = "Keys") -> String
  where Element == KeyBinding<Command> {
    var phrases: [(keys: [String], words: String)] = []
    for binding in self {
      guard let words = binding.summary else { continue }
      if let last = phrases.last, last.words == words {
        phrases[phrases.count - 1].keys.append(binding.summaryKeys)
      } else {
        phrases.append(([binding.summaryKeys], words))
      }
    }
    let list = phrases.map { $0.keys.joined(separator: " ") + " " + $0.words }
    return title + ": " + list.joined(separator: ", ") + "."
  }
}

extension Key {
  /// The key as help writes it: `→`, `Home`, `Esc`, `space`, `l`.
  package var label: String {
    switch self {
    case .right: "→"
    case .left: "←"
    case .up: "↑"
    case .down: "↓"
    case .home: "Home"
    case .end: "End"
    case .escape: "Esc"
    case .enter: "Enter"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .backspace: "Backspace"
    case .character(" "): "space"
    case .character(let character): String(character)
    }
  }
}
