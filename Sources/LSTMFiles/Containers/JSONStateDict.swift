import LSTMCore

/// The JSON state_dict container: an object whose members are tensors written as nested lists,
/// as `json.dump({k: v.tolist() for k, v in model.state_dict().items()})` writes them.
///
/// A member is a tensor when it is a number, a list of numbers, or a list of equally long lists
/// of numbers. Any other member is kept as unreadable (see `TensorSet`), so that a module the
/// naming scheme leaves out is never refused for its contents.
enum JSONStateDict {
  /// The tensors of the object `node`, whose members are `members`, found at `path`.
  static func tensors(
    _ members: [JSONMember], of node: JSONNode, at path: JSONPath, fields: JSONFields
  ) -> TensorSet {
    TensorSet(
      file: fields.site.file, location: fields.error(path, node, "").location,
      entries: flattened(members, at: path, named: "", fields: fields))
  }

  /// Whether `members` look like a state_dict: an LSTM parameter among them, or under a
  /// Lightning checkpoint's `state_dict`.
  static func holdsStateDict(_ members: [JSONMember]) -> Bool {
    members.contains { member in
      if PyTorchLSTMNaming.isParameter(member.key) { return true }
      guard member.key == StateDictWrapper.key, case .object(let inner) = member.node.value
      else { return false }
      return inner.contains { PyTorchLSTMNaming.isParameter($0.key) }
    }
  }

  /// The entries of `members`, an object nested in another (`{"state_dict": {...}}`) named
  /// with dots as PyTorch names a module's tensors: `state_dict.lstm.weight_ih_l0`. A member
  /// named as an LSTM parameter is never opened, so that it is refused as what it should be.
  static func flattened(
    _ members: [JSONMember], at path: JSONPath, named prefix: String, fields: JSONFields
  ) -> [TensorSet.Entry] {
    members.flatMap { member -> [TensorSet.Entry] in
      let memberPath = path.appending(member.key)
      let name = prefix + member.key
      if case .object(let inner) = member.node.value, !PyTorchLSTMNaming.isParameter(name) {
        return flattened(inner, at: memberPath, named: name + ".", fields: fields)
      }
      var renamed = member
      renamed.key = name
      return [entry(renamed, at: memberPath, fields: fields)]
    }
  }

  /// One member as a tensor, or as unreadable.
  static func entry(_ member: JSONMember, at path: JSONPath, fields: JSONFields) -> TensorSet.Entry
  {
    let node = member.node
    var origin = TensorOrigin(place: "\(path)", line: node.line)
    switch node.value {
    case .number(let value):
      return .tensor(NamedTensor(name: member.key, shape: [], values: [value], origin: origin))
    case .array(let elements):
      origin.rowLines = elements.map(\.line)
      if let (shape, values) = numbers(elements) {
        return .tensor(NamedTensor(name: member.key, shape: shape, values: values, origin: origin))
      }
    default: break
    }
    let count: Int?
    if case .array(let elements) = node.value { count = elements.count } else { count = nil }
    return .unreadable(
      UnreadableTensor(
        name: member.key, origin: origin, kind: node.value.kind, count: count,
        error: { role in error(reading: node, at: path, as: role, fields: fields) }))
  }

  /// The shape and numbers of `elements`, when they are all numbers or all equally long lists
  /// of numbers; nil otherwise.
  static func numbers(_ elements: [JSONNode]) -> (shape: [Int], values: [Double])? {
    var values: [Double] = []
    values.reserveCapacity(elements.count)
    guard case .array(let first)? = elements.first?.value else {
      for element in elements {
        guard case .number(let value) = element.value else { return nil }
        values.append(value)
      }
      return ([elements.count], values)
    }
    values.reserveCapacity(elements.count * first.count)
    for row in elements {
      guard case .array(let numbers) = row.value, numbers.count == first.count else { return nil }
      for number in numbers {
        guard case .number(let value) = number.value else { return nil }
        values.append(value)
      }
    }
    return ([elements.count, first.count], values)
  }

  /// What is wrong with reading `node`, which is not a tensor, as `role`: the message reading
  /// it as a matrix or a list of numbers gives.
  static func error(
    reading node: JSONNode, at path: JSONPath, as role: TensorRole, fields: JSONFields
  ) -> LessonError {
    do {
      switch role {
      case .matrix(let columns, let why):
        _ = try fields.matrix(node, at: path, columns: columns, why: why)
      case .vector(let what):
        var values: [Double] = []
        try fields.numbers(node, at: path, into: &values, what: what)
      }
    } catch {
      return error
    }
    return fields.error(path, node, "expected a tensor: a number, or lists of numbers")
  }
}
