import LSTMCore

/// Typed reading of a JSON document's parts, each failure a `LessonError` at its path.
struct JSONFields {
  /// The file being read, for errors.
  let site: JSONErrorSite

  /// An error at `path`, on the line of `node`.
  func error(_ path: JSONPath, _ node: JSONNode?, _ message: String) -> LessonError {
    site.error(path, node, message)
  }

  /// The members of the object `node`, refusing any key not in `known`.
  ///
  /// - Parameter what: what the object is, for messages: "a gate", "a lesson".
  func object(
    _ node: JSONNode, at path: JSONPath, known: [String], what: String
  ) throws(LessonError) -> [String: JSONNode] {
    guard case .object(let members) = node.value else {
      throw error(path, node, "expected \(what) (an object), found \(node.value.kind)")
    }
    var fields: [String: JSONNode] = [:]
    for member in members {
      guard known.contains(member.key) else {
        throw error(
          path.appending(member.key), member.node,
          "unknown key \(member.key.quoted)\(suggestion(for: member.key, among: known)); "
            + "\(what) has \(listing(known))")
      }
      fields[member.key] = member.node
    }
    return fields
  }

  /// The member `key` of `fields`, which must be there.
  func required(
    _ key: String, in fields: [String: JSONNode], of node: JSONNode, at path: JSONPath,
    what: String
  ) throws(LessonError) -> JSONNode {
    guard let value = fields[key] else {
      throw error(path, node, "\(what) is missing \(key.quoted)")
    }
    return value
  }

  /// The number `node`.
  func number(_ node: JSONNode, at path: JSONPath) throws(LessonError) -> Double {
    guard case .number(let value) = node.value else {
      throw error(path, node, "expected a number, found \(node.value.kind)")
    }
    return value
  }

  /// The string `node`.
  func string(_ node: JSONNode, at path: JSONPath) throws(LessonError) -> String {
    guard case .string(let value) = node.value else {
      throw error(path, node, "expected a string, found \(node.value.kind)")
    }
    return value
  }

  /// The elements of the list `node`.
  func list(_ node: JSONNode, at path: JSONPath, what: String) throws(LessonError) -> [JSONNode] {
    guard case .array(let elements) = node.value else {
      throw error(path, node, "expected \(what) (a list), found \(node.value.kind)")
    }
    return elements
  }

  /// A list of numbers, appended to `numbers`; returns how many.
  @discardableResult
  func numbers(
    _ node: JSONNode, at path: JSONPath, into numbers: inout [Double], what: String
  ) throws(LessonError) -> Int {
    let elements = try list(node, at: path, what: what)
    for (k, element) in elements.enumerated() {
      guard case .number(let value) = element.value else {
        throw error(
          path.appending(k), element, "expected a number, found \(element.value.kind)")
      }
      numbers.append(value)
    }
    return elements.count
  }

  /// A matrix written as a list of rows, each a list of `columns` numbers (or of as many as the
  /// first row when `columns` is nil).
  func matrix(
    _ node: JSONNode, at path: JSONPath, columns: Int?, why: String
  ) throws(LessonError) -> Matrix {
    let rows = try list(node, at: path, what: "a matrix")
    guard !rows.isEmpty else { throw error(path, node, "the matrix has no rows") }
    var storage: [Double] = []
    var width = columns
    for (r, row) in rows.enumerated() {
      let count = try numbers(row, at: path.appending(r), into: &storage, what: "a row of numbers")
      if let width, count != width {
        let reason = columns == nil ? "row 0 has \(width): rows must be equally long" : why
        throw error(
          path.appending(r), row, "the row has \(counted(count, "number")), but \(reason)")
      }
      guard count > 0 else { throw error(path.appending(r), row, "the row is empty") }
      width = count
    }
    return Matrix(rows: rows.count, columns: width ?? 0, storage: storage)
  }

  /// ` (did you mean "x"?)` when `key` is one or two edits from a known key.
  func suggestion(for key: String, among known: [String]) -> String {
    let close = known.min { editDistance(key, $0) < editDistance(key, $1) }
    guard let close, editDistance(key, close) <= 2 else { return "" }
    return " (did you mean \(close.quoted)?)"
  }

  /// The number of single-character insertions, deletions and changes from `a` to `b`.
  func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where i <= a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        let change = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(change, previous[j] + 1, current[j - 1] + 1)
      }
      previous = current
    }
    return previous[b.count]
  }
}
