/// Something wrong with a file or option the user gave, said so that they can fix it.
///
/// Its description is one line, `FILE: where: what`, such as
/// `lesson.json: model.forget.stmWieght (line 4): unknown key; a gate has stmWeight, inputWeight
/// and bias`. Parts that are not known are left out.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file at fault, as the user named it; nil for a command-line option.
  public var file: String?
  /// Where in the file: a JSON path (with its line), or a CSV `line L, column C`.
  public var location: String?
  /// What is wrong, and where useful what would be right.
  public var message: String

  /// Makes an error.
  public init(file: String?, location: String?, message: String) {
    self.file = file
    self.location = location
    self.message = message
  }

  /// `FILE: where: what`, on one line.
  public var description: String {
    let parts = [file, location, message].compactMap { $0 }.filter { !$0.isEmpty }
    let line = parts.joined(separator: ": ")
    return String(line.map { $0.isNewline ? " " : $0 })
  }
}

/// `1 number`, `3 numbers`, `1 row`: a count in a message, singular or plural as it needs.
package func counted(_ k: Int, _ noun: String) -> String { k == 1 ? "1 \(noun)" : "\(k) \(noun)s" }

/// `"a", "b" and "c"`: names in a message, each quoted.
func listing(_ names: [String]) -> String {
  let quoted = names.map(\.quoted)
  guard quoted.count > 1, let last = quoted.last else { return quoted.first ?? "nothing" }
  return quoted.dropLast().joined(separator: ", ") + " and " + last
}

/// A file's name and its place in a JSON document, for making `LessonError`s as a document is read.
struct JSONErrorSite {
  /// The file as the user named it.
  var file: String?

  /// An error at `node`, found at `path`.
  func error(_ path: JSONPath, _ node: JSONNode?, _ message: String) -> LessonError {
    let location: String
    switch (path.components.isEmpty, node) {
    case (true, let node?): location = "line \(node.line)"
    case (false, let node?): location = "\(path) (line \(node.line))"
    case (_, nil): location = "\(path)"
    }
    return LessonError(file: file, location: location, message: message)
  }
}
