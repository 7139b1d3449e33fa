/// A JSON value as read from a file, each part knowing the line it started on.
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A finite number.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONNode])
  /// An object, its members in the order of the file.
  case object([JSONMember])

  /// What a person calls this kind of value, for messages: "a number", "an object".
  public var kind: String {
    switch self {
    case .null: "null"
    case .bool: "true or false"
    case .number: "a number"
    case .string: "a string"
    case .array: "a list"
    case .object: "an object"
    }
  }
}

/// A JSON value and the line of the file where it starts.
public struct JSONNode: Sendable, Equatable {
  /// The value.
  public var value: JSONValue
  /// The line it starts on, counting from 1.
  public var line: Int

  /// Makes a node.
  public init(_ value: JSONValue, line: Int) {
    self.value = value
    self.line = line
  }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
  /// The key.
  public var key: String
  /// The value.
  public var node: JSONNode

  /// Makes a member.
  public init(key: String, node: JSONNode) {
    self.key = key
    self.node = node
  }
}

/// Where a value sits in a JSON document: `model.forget.stmWeight`, `sequences[1].values[3]`.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
  /// One step down into a document.
  public enum Component: Sendable, Equatable {
    /// A member of an object.
    case key(String)
    /// An element of an array, counting from 0.
    case index(Int)
  }

  /// The steps from the top of the document.
  public var components: [Component]

  /// The top of the document.
  public static let root = JSONPath(components: [])

  /// Makes a path from its steps.
  public init(components: [Component]) {
    self.components = components
  }

  /// This path, one member further down.
  public func appending(_ key: String) -> JSONPath {
    JSONPath(components: components + [.key(key)])
  }

  /// This path, one element further down.
  public func appending(_ index: Int) -> JSONPath {
    JSONPath(components: components + [.index(index)])
  }

  /// The path as written in messages. Keys that are not plain names are quoted:
  /// `model["lstm.weight_ih_l0"][2]`. The top of the document is `(top level)`.
  public var description: String {
    if components.isEmpty { return "(top level)" }
    var text = ""
    for component in components {
      switch component {
      case .index(let index):
        text += "[\(index)]"
      case .key(let key) where Self.isPlainName(key):
        text += text.isEmpty ? key : "." + key
      case .key(let key):
        text += "[\"" + key.replacingQuotes() + "\"]"
      }
    }
    return text
  }

  /// Whether `key` can be written bare in a path: letters, digits and `_`, not starting with a digit.
  private static func isPlainName(_ key: String) -> Bool {
    guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
    return key.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
  }
}

extension String {
  /// The string with `"` and `\` escaped and control characters shown as `\u{..}`, for quoting
  /// a name from a file inside a one-line message.
  func replacingQuotes() -> String {
    var text = ""
    for scalar in unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        text += "\\u{\(String(scalar.value, radix: 16))}"
      default: text.unicodeScalars.append(scalar)
      }
    }
    return text
  }

  /// The string in double quotes, escaped so that it stays on one line.
  var quoted: String { "\"" + replacingQuotes() + "\"" }
}

extension JSONNode {
  /// The member `key`, if this is an object that has it.
  public subscript(key: String) -> JSONNode? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.node
  }
}
