/// Why the interactive screen cannot open. Every case leaves the terminal untouched.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
  /// Standard input or standard output is not a terminal (a pipe, a file, /dev/null).
  case notATerminal(stream: String)
  /// TERM is not set.
  case missingTermType
  /// TERM names a terminal that cannot place the cursor, such as "dumb".
  case dumbTerminal(String)
  /// TERM names a terminal type that terminfo does not know.
  case unknownTermType(String)

  private static let alternatives =
    "use `lstmviz render` for frames as text or `lstmviz trace` for the numbers"

  /// One line for the user, saying what is wrong and what to do instead.
  public var description: String {
    switch self {
    case .notATerminal(let stream):
      return "\(stream) is not a terminal; \(Self.alternatives)"
    case .missingTermType:
      return "TERM is not set, so the terminal type is unknown; \(Self.alternatives)"
    case .dumbTerminal(let name):
      return "a terminal of type TERM=\(name) cannot place the cursor; \(Self.alternatives)"
    case .unknownTermType(let name):
      return "terminfo does not know the terminal type TERM=\(name); \(Self.alternatives)"
    }
  }

  /// Checks what can be checked without touching the terminal: that TERM names a real terminal
  /// type. (terminfo itself is asked when the screen opens.)
  package static func checkTermType(_ environment: [String: String]) throws(TerminalError) {
    guard let term = environment["TERM"], !term.isEmpty else { throw .missingTermType }
    if term == "dumb" || term.hasPrefix("dumb-") { throw .dumbTerminal(term) }
  }
}
