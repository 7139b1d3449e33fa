/// The items of a pickled state_dict, nested dicts named with dots as PyTorch names a module's
/// tensors (`state_dict.lstm.weight_ih_l0`), and its depth bounded, so that a dict that holds
/// itself is refused, not followed forever.
struct PickleFlattener {
  /// The unpickler's lists and dicts.
  let objects: [PickleObject]
  /// The file, for errors.
  let file: String

  /// The items of the top value, which must be a dict.
  mutating func items(of top: PickleValue) throws(LessonError) -> [(String, PickleValue)] {
    guard case .object(let index) = top, case .dict = objects[index] else {
      throw LessonError(
        file: file, location: "data.pkl",
        message: "the pickle holds \(top.kind), not a state_dict (a dict of tensors)")
    }
    var items: [(String, PickleValue)] = []
    try flatten(top, named: "", depth: 0, into: &items)
    return items
  }

  private func flatten(
    _ value: PickleValue, named prefix: String, depth: Int,
    into items: inout [(String, PickleValue)]
  ) throws(LessonError) {
    guard depth < RestrictedUnpickler.maximumDepth else {
      throw LessonError(
        file: file, location: "data.pkl",
        message: "the pickle nests dicts more than \(RestrictedUnpickler.maximumDepth) deep; "
          + "a state_dict is shallow")
    }
    guard case .object(let index) = value, case .dict(let members) = objects[index] else { return }
    for (key, member) in members {
      let name: String
      switch key {
      case .string(let text): name = prefix + text
      case .int(let number): name = prefix + String(number)
      default: name = prefix + "(\(key.kind))"
      }
      if case .object(let inner) = member, case .dict = objects[inner] {
        try flatten(member, named: name + ".", depth: depth + 1, into: &items)
      } else {
        items.append((name, member))
      }
    }
  }
}
